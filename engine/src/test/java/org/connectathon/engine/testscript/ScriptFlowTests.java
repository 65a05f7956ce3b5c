package org.connectathon.engine.testscript;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.testscript.OperationTests.expression;
import static org.connectathon.engine.testscript.OperationTests.operation;
import static org.connectathon.engine.testscript.OperationTests.response;
import static org.connectathon.engine.testscript.ScriptHarness.op;
import static org.connectathon.engine.testscript.ScriptHarness.run;
import static org.connectathon.engine.testscript.ScriptHarness.script;
import static org.connectathon.engine.testscript.ScriptHarness.testOutcomes;

/** Setup, test and teardown semantics, fixtures, variables and the R5 additions. */
class ScriptFlowTests {

	@Test
	void shouldSkipTheTestsButRunTheTeardownWhenTheSetupFails() {
		ScriptResult result = run(
				script(response("notFound"), operation("read", "\"params\":\"/${pid}\"") + "," + response("okay"),
						operation("delete", "\"params\":\"/${pid}\"")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(testOutcomes(result)).containsExactly(Outcome.SKIP, Outcome.SKIP);
		assertThat(result.actions()).filteredOn(action -> action.section().equals("teardown"))
			.singleElement()
			.satisfies(action -> assertThat(action.outcome()).isEqualTo(Outcome.PASS));
	}

	@Test
	void shouldPassWhenSetupTestsAndTeardownPass() {
		ScriptResult result = run(script("", operation("read", "\"params\":\"/${pid}\"") + "," + response("okay"),
				operation("delete", "\"params\":\"/${pid}\"")));
		assertThat(result.outcome()).isEqualTo(Outcome.PASS);
		assertThat(result.counts()).containsEntry(Outcome.PASS, 5).containsEntry(Outcome.FAIL, 0);
	}

	@Test
	void shouldTellTheListenerAboutEveryActionInOrder() throws Exception {
		Path folder = Files.createTempDirectory("progress");
		Path file = folder.resolve("progress.json");
		Files.writeString(file, script("", operation("read", "\"params\":\"/${pid}\"") + "," + response("okay"),
				operation("delete", "\"params\":\"/${pid}\""))
			.replace(
					",\n  {\"id\":\"gender-female\",\"autocreate\":false,\"autodelete\":false,\"resource\":{\"reference\":\"gender-female.json\"}}",
					""));
		LoadedTestScript loaded = new TestScriptLoader().load(file);
		java.util.List<String> events = new java.util.ArrayList<>();
		ScriptResult result = new TestScriptRunner(RunSettings.forServer(URI.create(ScriptHarness.baseUrl()))
			.withVariables(Map.of("pid", "progress-" + System.nanoTime()))).run(loaded, new RunProgressListener() {
				@Override
				public void actionStarted(String section, String label, int finished, int total) {
					events.add("started " + section + " " + finished + "/" + total);
				}

				@Override
				public void actionFinished(ActionResult action, int finished, int total) {
					events.add("finished " + action.outcome() + " " + finished + "/" + total);
				}
			});
		assertThat(result.outcome()).isEqualTo(Outcome.PASS);
		assertThat(loaded.actionCount()).isEqualTo(5);
		assertThat(events).containsExactly("started setup 0/5", "finished PASS 1/5", "started setup 1/5",
				"finished PASS 2/5", "started case 2/5", "finished PASS 3/5", "started case 3/5", "finished PASS 4/5",
				"started teardown 4/5", "finished PASS 5/5");
	}

	@Test
	void shouldCreateAndDeleteAutocreateFixtures() throws Exception {
		String json = script(
				operation("read", "\"targetId\":\"auto\"") + "," + expression("Patient.name.family", "equals", "Smith"))
			.replace(
					"{\"id\":\"other\",\"autocreate\":false,\"autodelete\":false,\"resource\":{\"reference\":\"#other\"}}",
					"{\"id\":\"other\",\"autocreate\":false,\"autodelete\":false,\"resource\":{\"reference\":\"#other\"}},"
							+ "{\"id\":\"auto\",\"autocreate\":true,\"autodelete\":true,\"resource\":{\"reference\":\"#other\"}}");
		ScriptResult result = run(json);
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);
		String created = result.actions().get(0).message();
		assertThat(created).startsWith("POST " + ScriptHarness.baseUrl() + "/Patient -> 201");
		ActionResult autodelete = result.actions().get(result.actions().size() - 1);
		assertThat(autodelete.label()).isEqualTo("autodelete auto");
		String deletedUrl = autodelete.message().replaceAll("^DELETE (\\S+) .*$", "$1");
		HttpResponse<Void> afterwards = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(deletedUrl)).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(afterwards.statusCode()).isEqualTo(410);
	}

	@Test
	void shouldFetchAFixtureGivenByUrl() throws Exception {
		HttpResponse<String> stored = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(ScriptHarness.baseUrl() + "/Patient/url-fixture"))
				.PUT(HttpRequest.BodyPublishers.ofString(
						"{\"resourceType\":\"Patient\",\"id\":\"url-fixture\",\"name\":[{\"family\":\"Remote\"}]}"))
				.header("Content-Type", "application/fhir+json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stored.statusCode()).isIn(200, 201);
		String json = script(operation("read", "\"params\":\"/${pid}\"") + ","
				+ "{\"assert\":{\"sourceId\":\"remote\",\"expression\":\"Patient.name.family\",\"value\":\"Remote\",\"warningOnly\":false}}")
			.replace("\"fixture\":[",
					"\"fixture\":[{\"id\":\"remote\",\"autocreate\":false,\"autodelete\":false,\"resource\":{\"reference\":\""
							+ ScriptHarness.baseUrl() + "/Patient/url-fixture\"}},");
		ScriptResult result = run(json);
		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.PASS);
	}

	@Test
	void shouldEvaluateVariablesFromExpressionXPathJsonPathAndDefault() {
		String json = script(operation("read", "\"params\":\"/${pid}\"") + ","
				+ expression("Patient.name.family", "equals", "${family}") + ","
				+ expression("Patient.name.given", "equals", "${given}") + ","
				+ expression("Patient.gender", "equals", "${gender}") + ","
				+ expression("Patient.identifier.value", "equals", "${identifier}"))
			.replace("\"variable\":[",
					"\"variable\":[{\"name\":\"family\",\"expression\":\"Patient.name.family\",\"sourceId\":\"patient\"},"
							+ "{\"name\":\"given\",\"path\":\"fhir:Patient/fhir:name/fhir:given/@value\"},"
							+ "{\"name\":\"identifier\",\"path\":\"$.identifier[0].value\"},"
							+ "{\"name\":\"gender\",\"defaultValue\":\"male\"},");
		ScriptResult result = run(json);
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);
	}

	@Test
	void shouldAskForAVariableWithAHintAndUseTheGivenValue() {
		String json = script(operation("search", "\"params\":\"?identifier=${wanted}\"") + ","
				+ expression("Bundle.total", "equals", "1"))
			.replace("\"variable\":[", "\"variable\":[{\"name\":\"wanted\",\"hint\":\"[an identifier]\"},");
		ScriptResult missing = run(json);
		assertThat(missing.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(missing.actions().get(2).message()).isEqualTo(
				"CTN-3003: variable wanted has no value (hint: [an identifier]); give it with --variable wanted=VALUE");
		ScriptResult given = run(json, Map.of(), Map.of("pid", "flow-hint", "wanted", "flow-hint"));
		assertThat(given.outcome()).as(given.actions().toString()).isEqualTo(Outcome.PASS);
	}

	@Test
	void shouldStopATestOnAFailedAssertMarkedStopTestOnFailInR5(@TempDir Path folder) throws Exception {
		ScriptResult result = runR5(folder, """
				{"assert":{"response":"notFound","stopTestOnFail":true,"warningOnly":false}},
				{"assert":{"response":"okay","stopTestOnFail":false,"warningOnly":false}}""");
		assertThat(result.version()).isEqualTo(FhirVersion.R5);
		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.SKIP);
	}

	@Test
	void shouldContinueATestAfterAFailedAssertWithoutStopTestOnFail(@TempDir Path folder) throws Exception {
		ScriptResult result = runR5(folder, """
				{"assert":{"response":"notFound","stopTestOnFail":false,"warningOnly":false}},
				{"assert":{"response":"okay","stopTestOnFail":false,"warningOnly":false}}""");
		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.PASS);
	}

	@Test
	void shouldSkipManualEvaluationAndCopyRequirementsIntoTheR5Report(@TempDir Path folder) throws Exception {
		ScriptResult result = runR5(folder,
				"""
						{"assert":{"description":"a person checks the narrative","operator":"manualEval","stopTestOnFail":false,"warningOnly":false}},
						{"assert":{"response":"okay","stopTestOnFail":false,"warningOnly":false,
						  "requirement":[{"linkUri":"http://example.org/Requirements/read#r1"}]}}""");
		assertThat(testOutcomes(result)).containsExactly(Outcome.PASS, Outcome.SKIP, Outcome.PASS);
		assertThat(result.actions().get(1).message())
			.isEqualTo("manual evaluation required: a person checks the narrative");
		assertThat(result.outcome()).isEqualTo(Outcome.PASS);
		org.hl7.fhir.r5.model.TestReport report = (org.hl7.fhir.r5.model.TestReport) result.testReport();
		assertThat(report.getTestFirstRep().getAction().get(1).getAssert().getResult())
			.isEqualTo(org.hl7.fhir.r5.model.TestReport.TestReportActionResult.SKIP);
		assertThat(report.getTestFirstRep()
			.getAction()
			.get(2)
			.getAssert()
			.getRequirementFirstRep()
			.getLinkUriType()
			.getValue()).isEqualTo("http://example.org/Requirements/read#r1");
	}

	@Test
	void shouldLoadAndRunAnXmlScript(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("read.xml");
		Files.writeString(file,
				"""
						<TestScript xmlns="http://hl7.org/fhir">
						  <id value="xml-read"/>
						  <url value="http://example.org/TestScript/xml-read"/>
						  <name value="XmlRead"/>
						  <status value="active"/>
						  <test>
						    <action><operation>
						      <type><system value="http://terminology.hl7.org/CodeSystem/testscript-operation-codes"/><code value="capabilities"/></type>
						      <encodeRequestUrl value="true"/>
						    </operation></action>
						    <action><assert><resource value="CapabilityStatement"/><warningOnly value="false"/></assert></action>
						  </test>
						</TestScript>""");
		ScriptResult result = new TestScriptRunner(RunSettings.forServer(URI.create(ScriptHarness.baseUrl())))
			.run(new TestScriptLoader().load(file));
		assertThat(result.scriptId()).isEqualTo("xml-read");
		assertThat(result.outcome()).isEqualTo(Outcome.PASS);
	}

	private static ScriptResult runR5(Path folder, String asserts) throws Exception {
		Path file = folder.resolve("r5.json");
		Files.writeString(file,
				"""
						{"resourceType":"TestScript","id":"r5-case","url":"http://example.org/TestScript/r5","name":"R5Case","status":"active",
						 "test":[{"name":"case","action":[
						  {"operation":{"type":OP,"encodeRequestUrl":true}},
						  ASSERTS]}]}"""
					.replace("OP", op("capabilities"))
					.replace("ASSERTS", asserts));
		return new TestScriptRunner(RunSettings.forServer(URI.create(ScriptHarness.baseUrl())))
			.run(new TestScriptLoader().load(file));
	}

}
