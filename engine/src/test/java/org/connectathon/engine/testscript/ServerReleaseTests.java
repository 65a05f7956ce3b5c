package org.connectathon.engine.testscript;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import com.sun.net.httpserver.HttpServer;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;
import org.connectathon.engine.testscript.report.ConsoleSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.testscript.ScriptHarness.op;

/**
 * The server's release judges its answers, not the script's: the same R5-format script
 * passes against a correct R4 server and a correct R5 server, fails against a wrong one
 * for what is wrong, and an R4 script runs against an R5 server. The release comes from
 * the settings, else from the server's CapabilityStatement (asked once per runner), else
 * it is the script's, with a note saying why.
 */
class ServerReleaseTests {

	/** A MedicationRequest naming its medication by reference, as R4 writes it. */
	private static final String R4_MEDICATION_REQUEST = """
			{"resourceType":"MedicationRequest","id":"mr","status":"active","intent":"order",
			 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/medicationrequest-category","code":"outpatient"}]}],
			 "medicationReference":{"reference":"Medication/m1"},"subject":{"reference":"Patient/mp"}}""";

	/** The same MedicationRequest as R5 writes it. */
	private static final String R5_MEDICATION_REQUEST = """
			{"resourceType":"MedicationRequest","id":"mr","status":"active","intent":"order",
			 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/medicationrequest-admin-location","code":"outpatient"}]}],
			 "medication":{"reference":{"reference":"Medication/m1"}},"subject":{"reference":"Patient/mp"}}""";

	/** An R4 MedicationRequest without its required status and intent. */
	private static final String R4_MEDICATION_REQUEST_WITHOUT_STATUS = """
			{"resourceType":"MedicationRequest","id":"mr",
			 "medicationReference":{"reference":"Medication/m1"},"subject":{"reference":"Patient/mp"}}""";

	/**
	 * Written in R5 (its asserts say {@code stopTestOnFail}) for any server: searches the
	 * patient's MedicationRequests, validates the Bundle against the core Bundle profile
	 * and looks for the reference to the medication wherever the release keeps it.
	 */
	private static final String R5_SEARCH_SCRIPT = """
			{"resourceType":"TestScript","id":"medication-search","url":"http://example.org/TestScript/medication-search",
			 "name":"MedicationSearch","status":"active",
			 "profile":["http://hl7.org/fhir/StructureDefinition/Bundle"],"_profile":[{"id":"bundle"}],
			 "test":[{"name":"case","action":[
			  {"operation":{"type":OP_SEARCH,"resource":"MedicationRequest","params":"?subject=Patient/mp","encodeRequestUrl":true}},
			  {"assert":{"response":"okay","stopTestOnFail":false,"warningOnly":false}},
			  {"assert":{"resource":"Bundle","stopTestOnFail":false,"warningOnly":false}},
			  {"assert":{"label":"valid","validateProfileId":"bundle","stopTestOnFail":false,"warningOnly":false}},
			  {"assert":{"label":"medication","expression":"Bundle.entry.resource.descendants().where($this is Reference and reference = 'Medication/m1').exists()","stopTestOnFail":false,"warningOnly":false}}
			 ]}]}
			"""
		.replace("OP_SEARCH", op("search"));

	private static final AtomicInteger METADATA_REQUESTS = new AtomicInteger();

	private static ReferenceServerLauncher r4;

	private static ReferenceServerLauncher r5;

	private static ReferenceServerLauncher wrongR4;

	@BeforeAll
	static void startServers() {
		r4 = start(FhirContext.forR4Cached(), R4_MEDICATION_REQUEST);
		r5 = start(FhirContext.forR5Cached(), R5_MEDICATION_REQUEST);
		wrongR4 = start(FhirContext.forR4Cached(), R4_MEDICATION_REQUEST_WITHOUT_STATUS);
	}

	@AfterAll
	static void stopServers() {
		List.of(r4, r5, wrongR4).forEach(ReferenceServerLauncher::close);
	}

	@BeforeEach
	void resetCount() {
		METADATA_REQUESTS.set(0);
	}

	/** A reference server holding one MedicationRequest, counting metadata requests. */
	private static ReferenceServerLauncher start(FhirContext release, String medicationRequest) {
		ReferenceServer server = new ReferenceServer(release);
		server.registerInterceptor(new Object() {

			@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
			public void count(RequestDetails request) {
				if (request.getRestOperationType() == RestOperationTypeEnum.METADATA) {
					METADATA_REQUESTS.incrementAndGet();
				}
			}

		});
		server.store().put("MedicationRequest", "mr", release.newJsonParser().parseResource(medicationRequest));
		return ReferenceServerLauncher.start(server, 0);
	}

	private static ScriptResult run(String script, ReferenceServerLauncher server) {
		return run(script, server.baseUrl(), null);
	}

	private static ScriptResult run(String script, String baseUrl, FhirVersion given) {
		return new TestScriptRunner(settings(baseUrl, given)).run(ScriptHarness.load(script));
	}

	/**
	 * The harness's settings (its validator, a new patient id) for another server. The
	 * first search of an R5 reference server builds its FHIRPath engine from every R5
	 * definition, which takes more than the usual 30 s on a busy shared machine.
	 */
	private static RunSettings settings(String baseUrl, FhirVersion given) {
		RunSettings harness = ScriptHarness.settings(Map.of(), Map.of());
		return new RunSettings(URI.create(baseUrl), Map.of(), harness.variables(), harness.validator(),
				Duration.ofMinutes(3), false, given);
	}

	private static String message(ScriptResult result, String label) {
		return result.actions()
			.stream()
			.filter((action) -> action.label().equals(label))
			.findFirst()
			.orElseThrow()
			.message();
	}

	@Test
	void anR5ScriptPassesAgainstACorrectR4ServerAndACorrectR5Server() {
		ScriptResult againstR4 = run(R5_SEARCH_SCRIPT, r4);
		ScriptResult againstR5 = run(R5_SEARCH_SCRIPT, r5);

		assertThat(againstR4.version()).isEqualTo(FhirVersion.R5);
		assertThat(againstR4.outcome()).as(ConsoleSummary.format(List.of(againstR4))).isEqualTo(Outcome.PASS);
		assertThat(againstR4.serverRelease().version()).isEqualTo(FhirVersion.R4);
		assertThat(againstR4.serverRelease().source()).isEqualTo(ServerRelease.Source.CAPABILITY_STATEMENT);
		assertThat(againstR4.serverRelease().note()).isEqualTo(
				"The server's answers are judged as FHIR R4, the release of its CapabilityStatement (fhirVersion 4.0.1).");
		assertThat(againstR5.outcome()).as(ConsoleSummary.format(List.of(againstR5))).isEqualTo(Outcome.PASS);
		assertThat(againstR5.serverRelease().version()).isEqualTo(FhirVersion.R5);
	}

	@Test
	void anR5ScriptFailsAgainstAWrongR4ServerForWhatIsWrongOnly() {
		ScriptResult result = run(R5_SEARCH_SCRIPT, wrongR4);

		assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(ScriptHarness.testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.PASS, Outcome.PASS,
				Outcome.FAIL, Outcome.PASS);
		assertThat(message(result, "valid")).contains("MedicationRequest.status", "MedicationRequest.intent")
			.doesNotContain("medicationReference");
	}

	@Test
	void theReleaseGivenWinsAndTheCapabilityStatementIsNotAsked() {
		ScriptResult givenRight = run(R5_SEARCH_SCRIPT, r4.baseUrl(), FhirVersion.R4);
		ScriptResult givenWrong = run(R5_SEARCH_SCRIPT, r4.baseUrl(), FhirVersion.R5);

		assertThat(givenRight.outcome()).isEqualTo(Outcome.PASS);
		assertThat(givenRight.serverRelease()).isEqualTo(ServerRelease.given(FhirVersion.R4));
		// an R4 answer judged as R5 is what the engine did before it asked the server
		assertThat(givenWrong.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(message(givenWrong, "valid")).contains("medicationReference");
		assertThat(message(givenWrong, "medication")).startsWith("expected");
		assertThat(METADATA_REQUESTS).hasValue(0);
	}

	@Test
	void theCapabilityStatementIsAskedOncePerRunner() {
		RunSettings settings = settings(r4.baseUrl(), null);
		LoadedTestScript script = ScriptHarness.load(R5_SEARCH_SCRIPT);

		List<ScriptResult> results = new TestScriptRunner(settings).runAll(Collections.nCopies(4, script), 2);

		assertThat(results).extracting(ScriptResult::outcome).containsOnly(Outcome.PASS);
		assertThat(METADATA_REQUESTS).hasValue(1);
	}

	@Test
	void anR4ScriptRunsAgainstAnR5Server() {
		String script = ScriptHarness
			.script("""
					{"operation":{"type":%s,"resource":"Patient","params":"/${pid}"}},
					{"assert":{"response":"okay","warningOnly":false}},
					{"assert":{"validateProfileId":"patient-profile","warningOnly":false}},
					{"assert":{"expression":"Patient.name.family","value":"Chalmers","warningOnly":false}},
					{"assert":{"compareToSourceId":"patient","compareToSourceExpression":"Patient.name.given","expression":"Patient.name.given","warningOnly":false}}
					"""
				.formatted(op("read")));

		ScriptResult result = run(script, r5);

		assertThat(result.version()).isEqualTo(FhirVersion.R4);
		assertThat(result.serverRelease().version()).isEqualTo(FhirVersion.R5);
		assertThat(result.outcome()).as(ConsoleSummary.format(List.of(result))).isEqualTo(Outcome.PASS);
	}

	@Test
	void anR4ScriptRunsAgainstAnR4BServer() {
		ReferenceServerLauncher r4b = ReferenceServerLauncher.start(new ReferenceServer(FhirContext.forR4BCached()), 0);
		try {
			String script = ScriptHarness.script("""
					{"operation":{"type":%s,"resource":"Patient","params":"/${pid}"}},
					{"assert":{"validateProfileId":"patient-profile","warningOnly":false}},
					{"assert":{"expression":"Patient.name.family","value":"Chalmers","warningOnly":false}}
					""".formatted(op("read")));

			ScriptResult result = run(script, r4b);

			assertThat(result.serverRelease().version()).isEqualTo(FhirVersion.R4B);
			assertThat(result.outcome()).as(ConsoleSummary.format(List.of(result))).isEqualTo(Outcome.PASS);
		}
		finally {
			r4b.close();
		}
	}

	@Test
	void fixturesAreSentAsWrittenAndReadInTheServersRelease(@TempDir Path folder) throws IOException {
		// an R4 fixture of an R5 script: read as R5, medicationReference would be lost
		Files.writeString(folder.resolve("medication-request.json"),
				R4_MEDICATION_REQUEST.replace("\"mr\"", "\"mr-fixture\""));
		Path file = folder.resolve("script.json");
		Files.writeString(file,
				"""
						{"resourceType":"TestScript","id":"fixture","name":"Fixture","status":"active",
						 "fixture":[{"id":"request","autocreate":false,"autodelete":false,"resource":{"reference":"medication-request.json"}}],
						 "test":[{"name":"update","action":[
						  {"operation":{"type":%s,"resource":"MedicationRequest","params":"/mr-fixture","sourceId":"request"}},
						  {"operation":{"type":%s,"resource":"MedicationRequest","params":"/mr-fixture"}},
						  {"assert":{"label":"as sent","compareToSourceId":"request","compareToSourceExpression":"MedicationRequest.medication.reference","expression":"MedicationRequest.medication.reference","stopTestOnFail":false,"warningOnly":false}}
						 ]}]}
						"""
					.formatted(op("update"), op("read")));
		RunSettings settings = RunSettings.forServer(URI.create(r4.baseUrl()));

		ScriptResult result = new TestScriptRunner(settings).run(new TestScriptLoader().load(file));

		assertThat(result.version()).isEqualTo(FhirVersion.R5);
		assertThat(result.outcome()).as(ConsoleSummary.format(List.of(result))).isEqualTo(Outcome.PASS);
		assertThat(message(result, "as sent")).contains("'Medication/m1'");
	}

	@Test
	void aFixtureThatIsOnlyAResourceOfTheServersReleaseLoadsAndIsReadInIt(@TempDir Path folder) throws IOException {
		// R5 has no status 'arrived', and its class is a list of CodeableConcepts
		Files.writeString(folder.resolve("encounter.json"), """
				{"resourceType":"Encounter","id":"arrived","status":"arrived",
				 "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"}}""");
		Path file = folder.resolve("script.json");
		Files.writeString(file,
				"""
						{"resourceType":"TestScript","id":"encounter","name":"Encounter","status":"active",
						 "fixture":[{"id":"encounter","autocreate":false,"autodelete":false,"resource":{"reference":"encounter.json"}}],
						 "test":[{"name":"update","action":[
						  {"operation":{"type":%s,"resource":"Encounter","params":"/arrived","sourceId":"encounter"}},
						  {"operation":{"type":%s,"resource":"Encounter","params":"/arrived"}},
						  {"assert":{"label":"status","compareToSourceId":"encounter","compareToSourceExpression":"Encounter.status","expression":"Encounter.status","stopTestOnFail":false,"warningOnly":false}}
						 ]}]}
						"""
					.formatted(op("update"), op("read")));

		LoadedTestScript script = new TestScriptLoader().load(file);
		ScriptResult result = new TestScriptRunner(RunSettings.forServer(URI.create(r4.baseUrl()))).run(script);

		assertThat(script.version()).isEqualTo(FhirVersion.R5);
		assertThat(result.outcome()).as(ConsoleSummary.format(List.of(result))).isEqualTo(Outcome.PASS);
		assertThat(message(result, "status")).contains("'arrived'");
	}

	@Test
	void aServerWithoutACapabilityStatementIsJudgedInTheScriptsReleaseAndTheReportSaysWhy() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/fhir/metadata", (exchange) -> {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		server.createContext("/fhir/Patient", (exchange) -> {
			byte[] body = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"family\":\"Chalmers\"}]}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
			String script = """
					{"resourceType":"TestScript","id":"plain","name":"Plain","status":"active",
					 "test":[{"name":"read","action":[
					  {"operation":{"type":%s,"resource":"Patient","params":"/p"}},
					  {"assert":{"expression":"Patient.name.family","value":"Chalmers","warningOnly":false}}
					 ]}]}
					""".formatted(op("read"));

			ScriptResult result = run(script, baseUrl, null);

			String expectedNote = "CTN-3051: GET " + baseUrl + "/metadata answered 404, expected 200 with the "
					+ "server's CapabilityStatement; the server's answers are judged as FHIR R4, the script's release.";
			assertThat(result.outcome()).isEqualTo(Outcome.PASS);
			assertThat(result.serverRelease())
				.isEqualTo(new ServerRelease(FhirVersion.R4, ServerRelease.Source.SCRIPT, expectedNote));
			assertThat(ConsoleSummary.format(List.of(result))).contains("R4, server R4)", expectedNote);
			assertThat(result.testReportJson()).contains(TestReportBuilder.RELEASES_EXTENSION,
					"\"valueCode\": \"script\"", expectedNote);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void anUnreachableServerIsJudgedInTheScriptsRelease() {
		String baseUrl = "http://127.0.0.1:9/fhir";
		String script = """
				{"resourceType":"TestScript","id":"plain","name":"Plain","status":"active",
				 "test":[{"name":"read","action":[{"operation":{"type":%s,"resource":"Patient","params":"/p"}}]}]}
				""".formatted(op("read"));

		ScriptResult result = run(script, baseUrl, null);

		assertThat(result.serverRelease().source()).isEqualTo(ServerRelease.Source.SCRIPT);
		assertThat(result.serverRelease().note())
			.startsWith("CTN-3050: GET " + baseUrl + "/metadata got no HTTP response");
	}

	@Test
	void theReleasesOfACapabilityStatementAreTheReleasesOfTheirVersions() {
		assertThat(FhirVersion.ofVersion("4.0.1")).contains(FhirVersion.R4);
		assertThat(FhirVersion.ofVersion("4.0")).contains(FhirVersion.R4);
		assertThat(FhirVersion.ofVersion("4.3.0")).contains(FhirVersion.R4B);
		assertThat(FhirVersion.ofVersion("5.0.0")).contains(FhirVersion.R5);
		assertThat(FhirVersion.ofVersion("5.0.0-snapshot1")).contains(FhirVersion.R5);
		assertThat(FhirVersion.ofVersion("3.0.2")).isEmpty();
		assertThat(FhirVersion.ofVersion("4.01")).isEmpty();
		assertThat(FhirVersion.ofVersion("6.0.0-ballot2")).isEmpty();
	}

}
