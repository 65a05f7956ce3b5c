package org.connectathon.engine.testscript;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.CanonicalType;
import org.hl7.fhir.r5.model.DataType;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.TestScript;

/**
 * Collects what a run reports, in the order it happens, and builds the TestReport in the
 * script's release. The R4 report is built in the R4 model directly rather than converted
 * from R5 (converting cost more than running the script's asserts); both hold the same
 * content. R4 has no assert requirements: an R4 script gives them with the cross-version
 * extension of R5's {@code TestScript.setup.action.assert.requirement}, and the R4 report
 * keeps them with that of R5's {@code TestReport.setup.action.assert.requirement} (HAPI's
 * converter drops both, so converting the R5 report would lose them).
 */
final class TestReportBuilder {

	/** R5's assert requirement, as an R4 script carries it. */
	static final String SCRIPT_REQUIREMENT_EXTENSION = "http://hl7.org/fhir/5.0/StructureDefinition/extension-TestScript.setup.action.assert.requirement";

	/** R5's assert requirement, as the R4 report carries it. */
	static final String REPORT_REQUIREMENT_EXTENSION = "http://hl7.org/fhir/5.0/StructureDefinition/extension-TestReport.setup.action.assert.requirement";

	/**
	 * Names the two releases of a run on the report: sub-extensions {@code script} (the
	 * release the script and this report are written in), {@code server} (the release the
	 * server's answers were judged in), {@code source} (how the run learned it:
	 * {@code given}, {@code capability-statement} or {@code script}) and {@code note}.
	 */
	static final String RELEASES_EXTENSION = "urn:connectathon:extension:fhir-releases";

	/** The sub-extension of both requirement extensions holding R5's {@code link[x]}. */
	private static final String LINK = "link";

	/**
	 * One reported action.
	 *
	 * @param requirementLinks the assert's requirement links, uri or canonical
	 */
	private record Action(ActionResult result, boolean assertion, List<DataType> requirementLinks) {
	}

	private record Test(String name, String description, List<Action> actions) {
	}

	/** The report's header, known once the run ends. */
	private record Header(String id, String name, String testScript, Outcome outcome, Date issued, URI server,
			Map<Integer, URI> destinations, FhirVersion scriptRelease, ServerRelease serverRelease) {
	}

	private final List<Action> setup = new ArrayList<>();

	private final List<Test> tests = new ArrayList<>();

	private final List<Action> teardown = new ArrayList<>();

	private Header header;

	void setupOperation(ActionResult result) {
		this.setup.add(new Action(result, false, List.of()));
	}

	void setupAssert(ActionResult result, TestScript.SetupActionAssertComponent assertion) {
		this.setup.add(new Action(result, true, requirementLinks(assertion)));
	}

	/** Starts a test; the operations and asserts that follow belong to it. */
	void test(String name, String description) {
		this.tests.add(new Test(name, description, new ArrayList<>()));
	}

	void testOperation(ActionResult result) {
		currentTest().add(new Action(result, false, List.of()));
	}

	void testAssert(ActionResult result, TestScript.SetupActionAssertComponent assertion) {
		currentTest().add(new Action(result, true, requirementLinks(assertion)));
	}

	void teardownOperation(ActionResult result) {
		this.teardown.add(new Action(result, false, List.of()));
	}

	/**
	 * Ends the report.
	 * @param testScript the script's canonical URL, or {@code TestScript/id}
	 * @param outcome the script's outcome: the report passes only when it is PASS
	 */
	void finish(String id, String name, String testScript, Outcome outcome, RunSettings settings,
			FhirVersion scriptRelease, ServerRelease serverRelease) {
		this.header = new Header(id, name, testScript, outcome, new Date(), settings.server(), settings.destinations(),
				scriptRelease, serverRelease);
	}

	/** The report, R4 or R5. */
	IBaseResource build(FhirVersion version) {
		if (this.header == null) {
			throw new IllegalStateException("the run has not finished");
		}
		return version == FhirVersion.R4 ? buildR4() : buildR5();
	}

	/**
	 * The codes of {@link #RELEASES_EXTENSION}'s sub-extensions but its note, by name.
	 */
	private Map<String, String> releaseCodes() {
		ServerRelease server = this.header.serverRelease();
		return Map.of("script", this.header.scriptRelease().name(), "server", server.version().name(), "source",
				server.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
	}

	private List<Action> currentTest() {
		return this.tests.get(this.tests.size() - 1).actions();
	}

	/** The links of R5's requirement elements, or of an R4 script's extensions. */
	private static List<DataType> requirementLinks(TestScript.SetupActionAssertComponent assertion) {
		if (!assertion.hasRequirement() && !assertion.hasExtension(SCRIPT_REQUIREMENT_EXTENSION)) {
			return List.of();
		}
		List<DataType> links = new ArrayList<>();
		for (TestScript.SetupActionAssertRequirementComponent requirement : assertion.getRequirement()) {
			if (requirement.hasLink()) {
				links.add(requirement.getLink().copy());
			}
		}
		for (Extension requirement : assertion.getExtensionsByUrl(SCRIPT_REQUIREMENT_EXTENSION)) {
			Extension link = requirement.getExtensionByUrl(LINK);
			if (link != null && link.hasValue()) {
				links.add(link.getValue().copy());
			}
		}
		return links;
	}

	/** The percentage of asserts that passed, or {@code null} when there is no assert. */
	private BigDecimal score() {
		int asserts = 0;
		int passed = 0;
		List<List<Action>> sections = new ArrayList<>();
		sections.add(this.setup);
		this.tests.forEach(test -> sections.add(test.actions()));
		sections.add(this.teardown);
		for (List<Action> section : sections) {
			for (Action action : section) {
				if (action.assertion()) {
					asserts++;
					passed += action.result().outcome() == Outcome.PASS ? 1 : 0;
				}
			}
		}
		if (asserts == 0) {
			return null;
		}
		return BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(asserts), 2, RoundingMode.HALF_UP);
	}

	private org.hl7.fhir.r5.model.TestReport buildR5() {
		org.hl7.fhir.r5.model.TestReport report = new org.hl7.fhir.r5.model.TestReport();
		report.setId(this.header.id());
		report.setName(this.header.name());
		report.setStatus(org.hl7.fhir.r5.model.TestReport.TestReportStatus.COMPLETED);
		report.setTestScript(this.header.testScript());
		report.setResult(this.header.outcome() == Outcome.PASS ? org.hl7.fhir.r5.model.TestReport.TestReportResult.PASS
				: org.hl7.fhir.r5.model.TestReport.TestReportResult.FAIL);
		BigDecimal score = score();
		if (score != null) {
			report.setScore(score);
		}
		report.setTester(ScriptExecution.TESTER);
		report.setIssued(this.header.issued());
		Extension releases = report.addExtension().setUrl(RELEASES_EXTENSION);
		new java.util.TreeMap<>(releaseCodes())
			.forEach((name, code) -> releases.addExtension(name, new org.hl7.fhir.r5.model.CodeType(code)));
		releases.addExtension("note", new org.hl7.fhir.r5.model.StringType(this.header.serverRelease().note()));
		report.addParticipant()
			.setType(org.hl7.fhir.r5.model.TestReport.TestReportParticipantType.SERVER)
			.setUri(this.header.server().toString());
		for (Map.Entry<Integer, URI> destination : this.header.destinations().entrySet()) {
			report.addParticipant()
				.setType(org.hl7.fhir.r5.model.TestReport.TestReportParticipantType.SERVER)
				.setUri(destination.getValue().toString())
				.setDisplay("destination " + destination.getKey());
		}
		report.addParticipant()
			.setType(org.hl7.fhir.r5.model.TestReport.TestReportParticipantType.TESTENGINE)
			.setUri(ScriptExecution.ENGINE_URI);
		for (Action action : this.setup) {
			org.hl7.fhir.r5.model.TestReport.SetupActionComponent reported = report.getSetup().addAction();
			if (action.assertion()) {
				r5Assert(reported.getAssert(), action);
			}
			else {
				r5Operation(reported.getOperation(), action);
			}
		}
		for (Test test : this.tests) {
			org.hl7.fhir.r5.model.TestReport.TestReportTestComponent reportedTest = report.addTest()
				.setName(test.name())
				.setDescription(test.description());
			for (Action action : test.actions()) {
				org.hl7.fhir.r5.model.TestReport.TestActionComponent reported = reportedTest.addAction();
				if (action.assertion()) {
					r5Assert(reported.getAssert(), action);
				}
				else {
					r5Operation(reported.getOperation(), action);
				}
			}
		}
		for (Action action : this.teardown) {
			r5Operation(report.getTeardown().addAction().getOperation(), action);
		}
		return report;
	}

	private static void r5Operation(org.hl7.fhir.r5.model.TestReport.SetupActionOperationComponent reported,
			Action action) {
		reported.setResult(org.hl7.fhir.r5.model.TestReport.TestReportActionResult
			.fromCode(action.result().outcome().reportCode()));
		reported.setMessage(action.result().message());
	}

	private static void r5Assert(org.hl7.fhir.r5.model.TestReport.SetupActionAssertComponent reported, Action action) {
		reported.setResult(org.hl7.fhir.r5.model.TestReport.TestReportActionResult
			.fromCode(action.result().outcome().reportCode()));
		reported.setMessage(action.result().message());
		for (DataType link : action.requirementLinks()) {
			reported.addRequirement().setLink(link.copy());
		}
	}

	private org.hl7.fhir.r4.model.TestReport buildR4() {
		org.hl7.fhir.r4.model.TestReport report = new org.hl7.fhir.r4.model.TestReport();
		report.setId(this.header.id());
		report.setName(this.header.name());
		report.setStatus(org.hl7.fhir.r4.model.TestReport.TestReportStatus.COMPLETED);
		report.setTestScript(new org.hl7.fhir.r4.model.Reference().setReference(this.header.testScript()));
		report.setResult(this.header.outcome() == Outcome.PASS ? org.hl7.fhir.r4.model.TestReport.TestReportResult.PASS
				: org.hl7.fhir.r4.model.TestReport.TestReportResult.FAIL);
		BigDecimal score = score();
		if (score != null) {
			report.setScore(score);
		}
		report.setTester(ScriptExecution.TESTER);
		report.setIssued(this.header.issued());
		org.hl7.fhir.r4.model.Extension releases = report.addExtension().setUrl(RELEASES_EXTENSION);
		new java.util.TreeMap<>(releaseCodes())
			.forEach((name, code) -> releases.addExtension(name, new org.hl7.fhir.r4.model.CodeType(code)));
		releases.addExtension("note", new org.hl7.fhir.r4.model.StringType(this.header.serverRelease().note()));
		report.addParticipant()
			.setType(org.hl7.fhir.r4.model.TestReport.TestReportParticipantType.SERVER)
			.setUri(this.header.server().toString());
		for (Map.Entry<Integer, URI> destination : this.header.destinations().entrySet()) {
			report.addParticipant()
				.setType(org.hl7.fhir.r4.model.TestReport.TestReportParticipantType.SERVER)
				.setUri(destination.getValue().toString())
				.setDisplay("destination " + destination.getKey());
		}
		report.addParticipant()
			.setType(org.hl7.fhir.r4.model.TestReport.TestReportParticipantType.TESTENGINE)
			.setUri(ScriptExecution.ENGINE_URI);
		for (Action action : this.setup) {
			org.hl7.fhir.r4.model.TestReport.SetupActionComponent reported = report.getSetup().addAction();
			if (action.assertion()) {
				r4Assert(reported.getAssert(), action);
			}
			else {
				r4Operation(reported.getOperation(), action);
			}
		}
		for (Test test : this.tests) {
			org.hl7.fhir.r4.model.TestReport.TestReportTestComponent reportedTest = report.addTest()
				.setName(test.name())
				.setDescription(test.description());
			for (Action action : test.actions()) {
				org.hl7.fhir.r4.model.TestReport.TestActionComponent reported = reportedTest.addAction();
				if (action.assertion()) {
					r4Assert(reported.getAssert(), action);
				}
				else {
					r4Operation(reported.getOperation(), action);
				}
			}
		}
		for (Action action : this.teardown) {
			r4Operation(report.getTeardown().addAction().getOperation(), action);
		}
		return report;
	}

	private static void r4Operation(org.hl7.fhir.r4.model.TestReport.SetupActionOperationComponent reported,
			Action action) {
		reported.setResult(org.hl7.fhir.r4.model.TestReport.TestReportActionResult
			.fromCode(action.result().outcome().reportCode()));
		reported.setMessage(action.result().message());
	}

	private static void r4Assert(org.hl7.fhir.r4.model.TestReport.SetupActionAssertComponent reported, Action action) {
		reported.setResult(org.hl7.fhir.r4.model.TestReport.TestReportActionResult
			.fromCode(action.result().outcome().reportCode()));
		reported.setMessage(action.result().message());
		for (DataType link : action.requirementLinks()) {
			org.hl7.fhir.r4.model.Type r4Link = (link instanceof CanonicalType)
					? new org.hl7.fhir.r4.model.CanonicalType(link.primitiveValue())
					: new org.hl7.fhir.r4.model.UriType(link.primitiveValue());
			reported.addExtension().setUrl(REPORT_REQUIREMENT_EXTENSION).addExtension(LINK, r4Link);
		}
	}

}
