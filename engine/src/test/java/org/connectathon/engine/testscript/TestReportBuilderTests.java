package org.connectathon.engine.testscript;

import java.net.URI;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.connectathon.engine.outbound.OutboundAddressPolicy;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.testscript.OperationTests.expression;
import static org.connectathon.engine.testscript.OperationTests.operation;
import static org.connectathon.engine.testscript.OperationTests.response;
import static org.connectathon.engine.testscript.ScriptHarness.script;

/**
 * The R4 TestReport is built in the R4 model; it must hold exactly what converting the R5
 * report of the same run gives, which is how R4 reports were made before.
 */
class TestReportBuilderTests {

	private static final CloseableHttpClient HTTP = OutboundAddressPolicy.anyAddress()
		.httpClient(Duration.ofSeconds(10));

	@Test
	void shouldBuildTheR4ReportsOfTheSpecificationExamplesAsConvertingTheR5OnesDoes(@TempDir Path folder)
			throws Exception {
		SpecExamplePackage.extractTo(folder);
		TestScriptLoader loader = new TestScriptLoader();
		RunSettings settings = RunSettings.forServer(URI.create(ScriptHarness.baseUrl()))
			.withVariables(Map.of("PatientSearchFamilyName", "Chalmers", "PatientSearchGivenName", "Peter"));
		List<LoadedTestScript> scripts = loader.findScripts(List.of(folder)).stream().map(loader::load).toList();

		assertThat(scripts).hasSize(6);
		for (LoadedTestScript script : scripts) {
			assertSameAsConverted(script, settings);
		}
	}

	@Test
	void shouldBuildTheR4ReportOfEveryKindOfActionAsConvertingTheR5OneDoes() {
		List<String> cases = new ArrayList<>();
		// a failed setup: skipped tests, then the teardown
		cases.add(script(response("notFound"), operation("read", "\"params\":\"/${pid}\"") + "," + response("okay"),
				operation("delete", "\"params\":\"/${pid}\"")));
		// passes, a failure, a warning and an error in one test
		cases
			.add(script(operation("read", "\"params\":\"/${pid}\"") + "," + response("okay") + ","
					+ expression("Patient.name.family", "equals", "Smith") + ","
					+ expression("Patient.name.family", "equals", "Smith").replace("\"warningOnly\":false",
							"\"warningOnly\":true")
					+ "," + expression("Patient.name.family", "equals", "${undeclared}")));
		// an operation that cannot run skips the rest of its test
		cases.add(script(operation("read", "\"targetId\":\"unknown\"") + "," + response("okay")));
		// autocreate and autodelete fixtures
		cases.add(script(operation("read", "\"targetId\":\"auto\"") + "," + response("okay")).replace(
				"{\"id\":\"other\",\"autocreate\":false,\"autodelete\":false,\"resource\":{\"reference\":\"#other\"}}",
				"{\"id\":\"other\",\"autocreate\":false,\"autodelete\":false,\"resource\":{\"reference\":\"#other\"}},"
						+ "{\"id\":\"auto\",\"autocreate\":true,\"autodelete\":true,\"resource\":{\"reference\":\"#other\"}}"));
		// a test without name or description, and one without asserts
		cases.add(script(response("okay")).replace("\"test\":[{\"name\":\"case\",", "\"test\":[{")
			.replace("]}]}", "]},{\"action\":[" + operation("read", "\"params\":\"/${pid}\"") + "]}]}"));

		for (String json : cases) {
			assertSameAsConverted(ScriptHarness.load(json),
					ScriptHarness.settings(Map.of(2, URI.create(ScriptHarness.baseUrl())), Map.of()));
		}
	}

	@Test
	void shouldKeepTheRequirementLinksOfAnR4ScriptInTheR4Report() {
		String requirement = "{\"url\":\"" + TestReportBuilder.SCRIPT_REQUIREMENT_EXTENSION
				+ "\",\"extension\":[{\"url\":\"link\",\"valueUri\":\"http://example.org/Requirements/read#r1\"}]}";
		String assertWithRequirement = response("okay").replace("{\"assert\":{",
				"{\"assert\":{\"extension\":[" + requirement + "],");

		ScriptResult result = ScriptHarness
			.run(script(operation("read", "\"params\":\"/${pid}\"") + "," + assertWithRequirement));

		assertThat(result.outcome()).isEqualTo(Outcome.PASS);
		org.hl7.fhir.r4.model.TestReport report = (org.hl7.fhir.r4.model.TestReport) result.testReport();
		org.hl7.fhir.r4.model.Extension reported = report.getTestFirstRep()
			.getAction()
			.get(1)
			.getAssert()
			.getExtensionByUrl(TestReportBuilder.REPORT_REQUIREMENT_EXTENSION);
		assertThat(reported).as("the requirement of the assert in the R4 report").isNotNull();
		assertThat(reported.getExtensionByUrl("link").getValue().primitiveValue())
			.isEqualTo("http://example.org/Requirements/read#r1");
		assertThat(result.testReportJson()).contains(TestReportBuilder.REPORT_REQUIREMENT_EXTENSION);
	}

	private static void assertSameAsConverted(LoadedTestScript script, RunSettings settings) {
		TestReportBuilder report = new TestReportBuilder();
		ScriptResult result = new ScriptExecution(script, settings, HTTP, Placeholders.system(),
				RunProgressListener.NONE, report, ServerRelease.given(script.version()), ClientsUnderTest.NONE)
			.run();
		IBaseResource converted = VersionConvertorFactory_40_50
			.convertResource((org.hl7.fhir.r5.model.Resource) report.build(FhirVersion.R5));

		assertThat(result.testReport()).isInstanceOf(org.hl7.fhir.r4.model.TestReport.class);
		assertThat(result.testReportJson()).as(script.id())
			.isEqualTo(FhirVersion.R4.fhirContext()
				.newJsonParser()
				.setPrettyPrint(true)
				.encodeResourceToString(converted));
	}

}
