package org.connectathon.engine.testscript;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.connectathon.engine.outbound.OutboundAddressPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.testscript.OperationTests.expression;
import static org.connectathon.engine.testscript.OperationTests.operation;
import static org.connectathon.engine.testscript.OperationTests.response;
import static org.connectathon.engine.testscript.ScriptHarness.script;
import static org.connectathon.engine.testscript.ScriptHarness.testOutcomes;

/**
 * Scripts written for Touchstone, as the published collections write them, against the
 * reference server; the dates come from {@link PlaceholdersTests#LEAP_DAY}.
 */
class TouchstoneConventionTests {

	private static final CloseableHttpClient HTTP = OutboundAddressPolicy.anyAddress()
		.httpClient(Duration.ofSeconds(10));

	private static final String PURGE = "{\"system\":\"http://fhir.interoplab.eu/fhir/CodeSystem/Interoplab-CL-operation-codes\",\"code\":\"purge\"}";

	/** A patient fixture file the way the collections write them: dates relative to T. */
	private static final String DATED_PATIENT = """
			{"resourceType":"Patient","id":"dated","identifier":[{"system":"urn:uuid","value":"${UUID}"}],
			 "name":[{"family":"${C6}"}],"birthDate":"${DATE, T, D, -5}"}
			""";

	@Test
	void shouldFillPlaceholdersInFixturesAndInVariablesDefaultValues() {
		ScriptResult result = run(
				withDatedPatient(script(operation("update", "\"params\":\"/${pid}-dated\",\"sourceId\":\"dated\"") + ","
						+ operation("read", "\"params\":\"/${pid}-dated\"") + ","
						+ expression("Patient.birthDate", "equals", "2024-02-24") + ","
						+ expression("Patient.identifier.value.matches('[0-9a-f-]{36}')", "equals", "true") + ","
						+ expression("Patient.name.family", "equals", "${C6}") + ","
						+ operation("search", "\"params\":\"?birthdate=ge${DATE, T, D, -6}&_id=${pid}-dated\"") + ","
						+ expression("Bundle.total", "equals", "1"))));

		assertThat(result.actions())
			.allSatisfy(action -> assertThat(action.outcome()).as(action.message()).isEqualTo(Outcome.PASS));
	}

	@Test
	void shouldFillPlaceholdersInADeclaredFixtureThatAVariableReads() {
		ScriptResult result = run(
				withDatedPatient(script(operation("update", "\"params\":\"/${pid}-dated\",\"sourceId\":\"dated\"")
						+ "," + operation("read",
								"\"params\":\"/${pid}-dated\"")
						+ "," + expression("Patient.birthDate", "equals", "${datedBirthDate}")))
					.replace("\"variable\":[",
							"\"variable\":[{\"name\":\"datedBirthDate\",\"expression\":\"Patient.birthDate\",\"sourceId\":\"dated\"},"));

		assertThat(result.actions())
			.allSatisfy(action -> assertThat(action.outcome()).as(action.message()).isEqualTo(Outcome.PASS));
	}

	@Test
	void shouldFillPlaceholdersInAutocreatedFixturesAndTargets() {
		ScriptResult result = run(withDatedPatient(script(operation("read", "\"targetId\":\"dated\"") + ","
				+ response("okay") + "," + expression("Patient.birthDate", "equals", "2024-02-24")))
			.replace("{\"id\":\"dated\",\"autocreate\":false,\"autodelete\":false",
					"{\"id\":\"dated\",\"autocreate\":true,\"autodelete\":true"));

		assertThat(result.actions())
			.allSatisfy(action -> assertThat(action.outcome()).as(action.message()).isEqualTo(Outcome.PASS));
	}

	@Test
	void shouldPutASlashBeforeParamsThatStartWithNeither() {
		ScriptResult result = run(ScriptHarness.load(script(operation("read", "\"params\":\"${pid}\"") + ","
				+ response("okay") + ","
				+ "{\"assert\":{\"requestURL\":\"/Patient/${pid}\",\"operator\":\"contains\",\"warningOnly\":false}}")));

		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.PASS, Outcome.PASS);
	}

	@Test
	void shouldSendInteropLabsPurgeAsThePatientPurgeOperation() {
		ScriptResult result = run(ScriptHarness.load(script("{\"operation\":{\"type\":" + PURGE
				+ ",\"resource\":\"Patient\",\"params\":\"${pid}/$purge\",\"encodeRequestUrl\":true}},"
				+ "{\"assert\":{\"requestURL\":\"/Patient/${pid}/$purge\",\"operator\":\"contains\",\"warningOnly\":false}},"
				+ "{\"assert\":{\"requestMethod\":\"get\",\"warningOnly\":false}}")));

		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.PASS, Outcome.PASS);
	}

	@Test
	void shouldReportAnUnknownVendorOperationAsAnErrorAndSendNothing() {
		ScriptResult result = run(ScriptHarness
			.load(script("{\"operation\":{\"type\":{\"system\":\"http://vendor.example/operations\",\"code\":\"wipe\"},"
					+ "\"resource\":\"Patient\",\"params\":\"/${pid}\",\"encodeRequestUrl\":true}},"
					+ response("okay"))));

		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(testOutcomes(result)).containsExactly(Outcome.ERROR, Outcome.SKIP);
		assertThat(result.actions().get(2).message()).isEqualTo("CTN-3063: unsupported operation wipe (code system "
				+ "http://vendor.example/operations): the engine knows the specification's operation codes and "
				+ "[http://fhir.interoplab.eu/fhir/CodeSystem/Interoplab-CL-operation-codes|purge]; nothing was sent");
	}

	@Test
	void shouldSendAnImplementationGuidesOperationAsWrittenWhenItStatesItsRequest() {
		ScriptResult result = run(ScriptHarness.load(script(
				"{\"operation\":{\"type\":{\"system\":\"http://hl7.org/fhir/uv/ips/CodeSystem/ips-operations\",\"code\":\"summary\"},"
						+ "\"resource\":\"Patient\",\"method\":\"get\",\"params\":\"/${pid}/$everything\",\"encodeRequestUrl\":false}},"
						+ response("okay"))));

		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.PASS);
	}

	@Test
	void shouldStopTheTestAtAFailedAssertWithTouchstonesStopTestOnFailExtension() {
		String failing = "{\"assert\":{\"extension\":[{\"url\":\"" + TouchstoneConventions.STOP_TEST_ON_FAIL
				+ "\",\"valueBoolean\":STOP}],\"response\":\"created\",\"warningOnly\":false}}";
		String read = operation("read", "\"params\":\"/${pid}\"");

		ScriptResult stopped = run(
				ScriptHarness.load(script(read + "," + failing.replace("STOP", "true") + "," + response("okay"))));
		ScriptResult continued = run(
				ScriptHarness.load(script(read + "," + failing.replace("STOP", "false") + "," + response("okay"))));

		assertThat(stopped.version()).isEqualTo(FhirVersion.R4);
		assertThat(testOutcomes(stopped)).containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.SKIP);
		assertThat(testOutcomes(continued)).containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.PASS);
	}

	@Test
	void shouldReportARuleAssertAsUnsupported() {
		ScriptResult result = run(ScriptHarness.load(script(operation("read", "\"params\":\"/${pid}\"") + ","
				+ "{\"assert\":{\"extension\":[{\"url\":\"" + TouchstoneConventions.ASSERT_RULE
				+ "\",\"extension\":[{\"url\":\"ruleId\",\"valueId\":\"assert-response-queryParamsInSelfLink\"}]}],"
				+ "\"description\":\"Confirm that the server handled every parameter\",\"warningOnly\":true}},"
				+ response("okay"))));

		assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.ERROR, Outcome.PASS);
		assertThat(result.actions().get(3).message()).isEqualTo(
				"CTN-3064: unsupported: this assert is a Touchstone rule 'assert-response-queryParamsInSelfLink' "
						+ "(extension " + TouchstoneConventions.ASSERT_RULE + "), which the engine cannot evaluate");
	}

	@Test
	void shouldReportAnInteropLabQueryParameterCheckAsUnsupported() {
		ScriptResult result = run(ScriptHarness.load(script(operation("search", "\"params\":\"?_id=${pid}\"") + ","
				+ "{\"assert\":{\"extension\":[{\"url\":\"" + TouchstoneConventions.ASSERT_QUERY_PARAMETER
				+ "\",\"valueString\":\"_id\"}],\"direction\":\"request\",\"operator\":\"in\",\"value\":\"${pid}\","
				+ "\"warningOnly\":false}}")));

		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.ERROR);
		assertThat(result.actions().get(3).message())
			.isEqualTo("CTN-3064: unsupported: this assert is an InteropLab query parameter check '_id' (extension "
					+ TouchstoneConventions.ASSERT_QUERY_PARAMETER + "), which the engine cannot evaluate");
	}

	@Test
	void shouldReportAVariableWhoseDefaultNeedsItself() {
		ScriptResult result = run(ScriptHarness.load(script(operation("read", "\"params\":\"/${loop}\""))
			.replace("\"variable\":[", "\"variable\":[{\"name\":\"loop\",\"defaultValue\":\"a${loop}\"},")));

		assertThat(testOutcomes(result)).containsExactly(Outcome.ERROR);
		assertThat(result.actions().get(2).message())
			.isEqualTo("CTN-3062: variable loop needs its own value, through [loop] (its default value, or the "
					+ "fixture its expression or path reads)");
	}

	@Test
	void shouldTellWhichSideIsTheSystemUnderTest() {
		String sides = """
				"origin":[{"extension":[{"url":"%s","valueBoolean":true}],"index":1,
				  "profile":{"system":"http://terminology.hl7.org/CodeSystem/testscript-profile-origin-types","code":"FHIR-Client"}}],
				"destination":[{"extension":[{"url":"%s","valueBoolean":false}],"index":1,
				  "profile":{"system":"http://terminology.hl7.org/CodeSystem/testscript-profile-destination-types","code":"FHIR-Server"}}],
				"fixture":["""
			.formatted(TouchstoneConventions.SYSTEM_UNDER_TEST, TouchstoneConventions.SYSTEM_UNDER_TEST);
		LoadedTestScript clientTest = ScriptHarness.load(script(response("okay")).replace("\"fixture\":[", sides));
		LoadedTestScript unmarked = ScriptHarness.load(script(response("okay")).replace("\"fixture\":[",
				"\"destination\":[{\"index\":1,\"profile\":{\"code\":\"FHIR-Server\"}}],\"fixture\":["));

		assertThat(clientTest.participants()).containsExactly(
				new ScriptParticipant(ScriptParticipant.Role.ORIGIN, 1, "FHIR-Client", true),
				new ScriptParticipant(ScriptParticipant.Role.DESTINATION, 1, "FHIR-Server", false));
		assertThat(unmarked.participants())
			.containsExactly(new ScriptParticipant(ScriptParticipant.Role.DESTINATION, 1, "FHIR-Server", true));
	}

	/** Runs a script beside the fixture file {@code dated.json}. */
	private static ScriptResult run(String scriptJson) {
		return run(ScriptHarness.load(scriptJson, Map.of("dated.json", DATED_PATIENT)));
	}

	private static ScriptResult run(LoadedTestScript script) {
		Placeholders placeholders = new Placeholders(PlaceholdersTests.LEAP_DAY, new Random(11));
		return new TestScriptRunner(ScriptHarness.settings(Map.of(), Map.of()), HTTP, placeholders).run(script);
	}

	/**
	 * The script with variable {@code T} (today, as the collections declare it) and
	 * fixture {@code dated}, file {@code dated.json}.
	 */
	private static String withDatedPatient(String scriptJson) {
		return scriptJson.replace("\"fixture\":[",
				"\"fixture\":[{\"id\":\"dated\",\"autocreate\":false,\"autodelete\":false,\"resource\":{\"reference\":\"dated.json\"}},")
			.replace("\"variable\":[",
					"\"variable\":[{\"name\":\"T\",\"defaultValue\":\"${CURRENTDATE}\",\"description\":\"Date that data and queries are expected to be relative to.\"},");
	}

}
