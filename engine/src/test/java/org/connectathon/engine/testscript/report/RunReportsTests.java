package org.connectathon.engine.testscript.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.connectathon.engine.testscript.ActionResult;
import org.connectathon.engine.testscript.FhirVersion;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.ScriptResult;
import org.connectathon.engine.testscript.ServerRelease;
import org.hl7.fhir.r4.model.TestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RunReportsTests {

	private static ScriptResult result(String id, Outcome outcome, List<ActionResult> actions) {
		TestReport report = new TestReport();
		report.setId(id);
		report.setResult(outcome == Outcome.PASS ? TestReport.TestReportResult.PASS : TestReport.TestReportResult.FAIL);
		return new ScriptResult(Path.of("scripts/" + id + ".json"), id, id, FhirVersion.R4,
				ServerRelease.given(FhirVersion.R4), outcome, actions, report, Duration.ofMillis(12));
	}

	private static final List<ActionResult> FAILED = List.of(
			new ActionResult("setup", "operation", "create", Outcome.PASS, "POST http://x/Patient -> 201 (3 ms)"),
			new ActionResult("read test", "assert", "family", Outcome.FAIL,
					"expected Patient.name.family to equal 'Smith', found 'Chalmers' <&>"),
			new ActionResult("read test", "assert", "narrative", Outcome.WARNING, "expected text"),
			new ActionResult("manual", "assert", "look", Outcome.SKIP, "manual evaluation required: look"));

	@Test
	void shouldWriteOneTestReportPerScriptAndASummary(@TempDir Path folder) throws Exception {
		ScriptResult sameIdOtherFile = new ScriptResult(Path.of("other/a.json"), "a", "a", FhirVersion.R4,
				ServerRelease.given(FhirVersion.R4), Outcome.PASS, List.of(), new TestReport(), Duration.ofMillis(1));
		RunReports.write(
				List.of(result("a", Outcome.PASS, List.of()), result("b", Outcome.FAIL, FAILED), sameIdOtherFile),
				folder);
		assertThat(folder.resolve("a.testreport.json")).content().contains("\"resourceType\": \"TestReport\"");
		assertThat(folder.resolve("a-2.testreport.json")).exists();
		assertThat(folder.resolve("summary.json")).content()
			.contains("\"result\" : \"fail\"")
			.contains("\"id\" : \"b\"")
			.contains("\"file\" : \"scripts/b.json\"")
			.contains("\"pass\" : 1", "\"fail\" : 1", "\"warning\" : 1", "\"error\" : 0", "\"skip\" : 1")
			.contains("\"testReport\" : \"a-2.testreport.json\"");
	}

	@Test
	void shouldWriteJUnitXmlWithAFailurePerFailedTest(@TempDir Path folder) throws Exception {
		JUnitReports.write(List.of(result("b", Outcome.FAIL, FAILED)), folder);
		String xml = Files.readString(folder.resolve("TEST-b.xml"));
		assertThat(xml).contains("<testsuite name=\"b\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\"")
			.contains("<testcase classname=\"b\" name=\"read test\">")
			.contains(
					"<failure message=\"expected Patient.name.family to equal 'Smith', found 'Chalmers' &lt;&amp;&gt;\">")
			.contains("<skipped message=\"manual evaluation required: look\"/>");
		assertThat(javax.xml.parsers.DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(folder.resolve("TEST-b.xml").toFile())
			.getDocumentElement()
			.getNodeName()).isEqualTo("testsuite");
	}

	@Test
	void shouldSummarizeOnTheConsole() {
		String text = ConsoleSummary
			.format(List.of(result("a", Outcome.PASS, List.of()), result("b", Outcome.FAIL, FAILED)));
		assertThat(text).contains("PASS  a (scripts/a.json, R4, server R4) 0 pass, 0 fail, 0 warning, 0 error, 0 skip")
			.contains("FAIL  b (scripts/b.json, R4, server R4) 1 pass, 1 fail, 1 warning, 0 error, 1 skip")
			.contains("FAIL in read test: family")
			.endsWith("1 of 2 scripts passed; actions: 1 pass, 1 fail, 1 warning, 0 error, 1 skip"
					+ System.lineSeparator());
	}

}
