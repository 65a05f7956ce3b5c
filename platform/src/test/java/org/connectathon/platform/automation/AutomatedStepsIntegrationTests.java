package org.connectathon.platform.automation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PageClient.ServerSentEvent;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.ReferenceServerExtension;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventForm;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestingFixtures;
import org.connectathon.platform.validation.FhirValidation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.automation.AutomationFixtures.SCRIPT;
import static org.connectathon.platform.automation.AutomationFixtures.awaitEnd;
import static org.connectathon.platform.automation.AutomationFixtures.demoScript;
import static org.connectathon.platform.automation.AutomationFixtures.plan;
import static org.connectathon.platform.automation.AutomationFixtures.runToTheEnd;
import static org.connectathon.platform.testing.TestingFixtures.participants;

/**
 * Automated steps end to end: the demo's IPS TestScript runs through the engine against a
 * reference server, started here on a free port and registered as the repository's
 * endpoint, and the platform records what it found.
 */
@PlatformIntegrationTest
class AutomatedStepsIntegrationTests {

	private static final Path PACKAGES = Path.of(System.getProperty("connectathon.test-packages"));

	private static final String IPS = "hl7.fhir.uv.ips%232.0.0";

	/**
	 * Checks two contained patients against the IPS Patient profile: one complete, one
	 * without the birth date that IPS requires.
	 */
	private static final String IPS_PATIENT_SCRIPT = """
			{"resourceType": "TestScript", "id": "ips-patient-profile", "status": "active",
			 "url": "http://example.org/TestScript/ips-patient-profile", "name": "IpsPatientProfile",
			 "contained": [
			  {"resourceType": "Patient", "id": "complete", "name": [{"family": "DeLarosa", "given": ["Martha"]}],
			   "birthDate": "1972-05-01"},
			  {"resourceType": "Patient", "id": "incomplete", "name": [{"family": "DeLarosa", "given": ["Martha"]}]}],
			 "fixture": [
			  {"id": "complete", "autocreate": false, "autodelete": false, "resource": {"reference": "#complete"}},
			  {"id": "incomplete", "autocreate": false, "autodelete": false, "resource": {"reference": "#incomplete"}}],
			 "profile": [{"id": "ips-patient", "reference": "http://hl7.org/fhir/uv/ips/StructureDefinition/Patient-uv-ips"}],
			 "test": [{"name": "patients", "action": [
			  {"operation": {"type": {"system": "http://terminology.hl7.org/CodeSystem/testscript-operation-codes",
			   "code": "capabilities"}, "accept": "json", "encodeRequestUrl": true}},
			  {"assert": {"label": "complete-patient-is-ips", "sourceId": "complete", "validateProfileId": "ips-patient",
			   "warningOnly": false}},
			  {"assert": {"label": "incomplete-patient-is-ips", "sourceId": "incomplete",
			   "validateProfileId": "ips-patient", "warningOnly": false}}]}]}""";

	@RegisterExtension
	static final ReferenceServerExtension referenceServer = new ReferenceServerExtension();

	@Autowired
	Fixtures fixtures;

	@Autowired
	FhirValidation validation;

	@Autowired
	ScriptRunWorker worker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScriptRunRepository runs;

	@Autowired
	ScriptRunExecutor executor;

	@Autowired
	AutomationService automation;

	@Autowired
	EventService events;

	@Autowired
	ApplicationEventPublisher publisher;

	Event event;

	ApiClient admin;

	ApiClient alice;

	long repository;

	@BeforeEach
	void anEventWithTheIpsScriptAndARepositoryWithAnEndpoint() {
		this.event = this.fixtures.openEventAllowingPrivateAddresses();
		this.admin = this.fixtures.admin();
		Response uploaded = this.admin.postBytes(
				"/api/events/" + this.event.id() + "/test-scripts?fileName=" + SCRIPT + ".testscript.json",
				demoScript(), "application/fhir+json");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		assertThat(uploaded.json().path("keyword").asString()).isEqualTo(SCRIPT);
		assertThat(uploaded.json().path("actionCount").asInt()).isEqualTo(15);
		this.alice = this.fixtures.participantOf(this.fixtures.organization());
		this.repository = TestingFixtures.publishedSystem(this.alice, this.event, "Acme IPS Repository",
				"IPS:REPOSITORY");
		Response endpoint = this.alice.post("/api/systems/" + this.repository + "/endpoints", Map.of("profile", "IPS",
				"actor", "REPOSITORY", "baseUrl", referenceServer.baseUrl(), "fhirVersion", "R4"));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
	}

	@Test
	void shouldAttachAPassingReportHandTheInstanceToMonitorsAndLetOneConfirmInOneAction() {
		long test = automatedTest(false);
		long instance = start(test);

		JsonNode run = runToTheEnd(this.alice, instance, 1);

		assertThat(run.path("status").asString()).isEqualTo("PASSED");
		assertThat(run.path("actionsFinished").asInt()).isEqualTo(15);
		assertThat(run.path("actionsTotal").asInt()).isEqualTo(15);
		assertThat(run.path("message").asString()).startsWith("15 of 15 actions passed.");
		JsonNode details = this.alice.get("/api/test-instances/" + instance).json();
		assertThat(details.path("steps").get(0).path("status").asString()).isEqualTo("DONE");
		JsonNode report = details.path("evidence").get(0);
		assertThat(report.path("kind").asString()).isEqualTo("TEST_REPORT");
		assertThat(report.path("stepIndex").asInt()).isEqualTo(1);
		assertThat(report.path("addedByName").asString()).isEqualTo("TestScript engine");
		assertThat(run.path("evidenceId").asLong()).isEqualTo(report.path("id").asLong());
		Response content = this.alice.get("/api/evidence/" + report.path("id").asLong() + "/content");
		assertThat(content.json().path("resourceType").asString()).isEqualTo("TestReport");
		assertThat(content.json().path("result").asString()).isEqualTo("pass");
		assertThat(details.path("instance").path("status").asString()).isEqualTo("TO_BE_VERIFIED");
		JsonNode handedOver = details.path("history").get(1);
		assertThat(handedOver.path("userName").asString()).isEqualTo("TestScript engine");
		assertThat(handedOver.path("reason").asString()).contains("a monitor confirms");
		assertThat(grade()).isEqualTo("AT_RISK");

		ApiClient monitor = monitorOf(test);
		Response confirmed = monitor.post("/api/test-instances/" + instance + "/confirm-passing-report", Map.of());

		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.json().path("status").asString()).isEqualTo("VERIFIED");
		JsonNode verdicts = monitor.get("/api/test-instances/" + instance + "/step-verdicts").json();
		assertThat(verdicts.get(0).path("verdict").asString()).isEqualTo("PASSED");
		assertThat(verdicts.get(0).path("comment").asString())
			.isEqualTo("The TestReport of run " + run.path("id").asLong() + " passed.");
		assertThat(grade()).isEqualTo("PASS");
	}

	@Test
	void shouldReloadAPageRenderedBeforeTheRunEndedEvenWhenTheRunEndedBeforeThePanelAsked() {
		long instance = start(automatedTest(false));
		long renderedBeforeTheEnd = System.currentTimeMillis();
		runToTheEnd(this.alice, instance, 1);
		PageClient organizer = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.ADMIN, null).username());
		String panel = "/test-instances/" + instance + "/automated-steps?renderedAt=";

		assertThat(organizer.get(panel + renderedBeforeTheEnd).headers().firstValue("HX-Refresh")).hasValue("true");
		assertThat(organizer.get(panel + System.currentTimeMillis()).headers().firstValue("HX-Refresh")).isEmpty();
	}

	@Test
	void shouldTellThePagesOpenOnTheInstanceOfEachActionOfARunAndOfItsEnd() throws InterruptedException {
		long instance = start(automatedTest(false));
		BlockingQueue<ServerSentEvent> heard = PageClient
			.signedIn(this.fixtures.port(), this.fixtures.user(Role.MONITOR, null).username())
			.serverSentEvents("/test-instances/" + instance + "/updates");
		assertThat(heard.poll(10, TimeUnit.SECONDS)).as("the stream listens, and says so first")
			.isEqualTo(new ServerSentEvent("subscribed", "test-instances/" + instance));

		JsonNode run = runToTheEnd(this.alice, instance, 1);

		List<ServerSentEvent> changes = new ArrayList<>();
		for (ServerSentEvent change; (change = heard.poll(5, TimeUnit.SECONDS)) != null;) {
			changes.add(change);
		}
		assertThat(run.path("status").asString()).isEqualTo("PASSED");
		// Queued, each of the 15 actions as it started and ended, the run's end, the
		// instance handed to the monitors.
		assertThat(changes).hasSizeGreaterThan(2 * 15)
			.containsOnly(new ServerSentEvent("changed", String.valueOf(instance)));
	}

	@Test
	void shouldVerifyWithoutAMonitorWhenTheTestLetsAnAutomatedPassVerify() {
		long instance = start(automatedTest(true));

		JsonNode run = runToTheEnd(this.alice, instance, 1);

		assertThat(run.path("status").asString()).isEqualTo("PASSED");
		JsonNode details = this.alice.get("/api/test-instances/" + instance).json();
		assertThat(details.path("instance").path("status").asString()).isEqualTo("VERIFIED");
		JsonNode verified = details.path("history").get(1);
		assertThat(verified.path("userName").asString()).isEqualTo("TestScript engine");
		assertThat(verified.path("toStatus").asString()).isEqualTo("VERIFIED");
		assertThat(verified.path("reason").asString()).isEqualTo("The TestScript of every step passed (runs "
				+ run.path("id").asLong() + "); IPS-SUMMARY lets an automated pass verify without a monitor.");
		assertThat(grade()).isEqualTo("PASS");
	}

	@Test
	void shouldShowARunsMessageAndReportOnlyToTheOrganizationsTakingPartTheTestsMonitorsAndOrganizers() {
		long test = automatedTest(false);
		long instance = start(test);
		JsonNode run = runToTheEnd(this.alice, instance, 1);
		long runId = run.path("id").asLong();
		long report = run.path("evidenceId").asLong();
		ApiClient bob = this.fixtures.participantOf(this.fixtures.organization());
		ApiClient otherMonitor = this.fixtures.apiAs(this.fixtures.user(Role.MONITOR, null));

		for (ApiClient outsider : List.of(bob, otherMonitor)) {
			Response runRefused = outsider.get("/api/script-runs/" + runId);
			assertThat(runRefused.status()).isEqualTo(403);
			assertThat(runRefused.json().path("detail").asString()).isEqualTo("The reports of this instance are for "
					+ "the organizations taking part, the monitors of its test and organizers.");
			assertThat(outsider.get("/api/test-instances/" + instance + "/script-runs").status()).isEqualTo(403);
			assertThat(outsider.get("/api/evidence/" + report + "/content").status()).isEqualTo(403);
			JsonNode steps = outsider.get("/api/test-instances/" + instance + "/automated-steps").json();
			assertThat(steps.get(0).path("latestRun").path("status").asString()).isEqualTo("PASSED");
			assertThat(steps.get(0).path("latestRun").path("message").isNull()).isTrue();
			// the instance itself stays visible to everyone in the event
			assertThat(outsider.get("/api/test-instances/" + instance).status()).isEqualTo(200);
		}
		for (ApiClient insider : List.of(this.alice, monitorOf(test), this.admin)) {
			assertThat(insider.get("/api/script-runs/" + runId).json().path("message").asString())
				.startsWith("15 of 15 actions passed.");
			assertThat(insider.get("/api/evidence/" + report + "/content").json().path("resourceType").asString())
				.isEqualTo("TestReport");
			assertThat(insider.get("/api/test-instances/" + instance + "/automated-steps")
				.json()
				.get(0)
				.path("latestRun")
				.path("message")
				.asString()).startsWith("15 of 15 actions passed.");
		}
	}

	@Test
	void shouldRefuseALoopbackEndpointOnceTheEventNoLongerAllowsPrivateAddresses() {
		long instance = start(automatedTest(false));
		allowPrivateAddresses(false);

		Response refused = this.alice.post("/api/test-instances/" + instance + "/steps/1/runs", Map.of());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		String host = java.net.URI.create(referenceServer.baseUrl()).getHost();
		assertThat(refused.json().path("detail").asString())
			.isEqualTo("Step 1 cannot run: the platform will not send " + "requests to " + referenceServer.baseUrl()
					+ ": " + host + " is a loopback address, and requests go to public addresses only.");
		assertThat(this.alice.get("/api/test-instances/" + instance + "/script-runs").json().size()).isZero();

		// a run queued while the event still allowed it is refused when it is sent
		long queued = this.runs.insert(instance, 1, uploadedScriptId(), SCRIPT, referenceServer.baseUrl(), 15, 0,
				"Alice");
		JsonNode run = awaitEnd(this.alice, queued);

		assertThat(run.path("status").asString()).isEqualTo("ERROR");
		assertThat(run.path("message").asString()).contains("First error: ")
			.contains("CTN-3041: PUT " + referenceServer.baseUrl())
			.contains(" was not sent: " + host + " is a loopback address, and requests go to public addresses only");
	}

	@Test
	void shouldNotRunAgainstAnEndpointTheSystemNoLongerDeclares() {
		long instance = start(automatedTest(false));
		long queued = this.runs.insert(instance, 1, uploadedScriptId(), SCRIPT, "http://127.0.0.1:5432/", 15, 0,
				"Alice");

		JsonNode run = awaitEnd(this.alice, queued);

		assertThat(run.path("status").asString()).isEqualTo("ERROR");
		assertThat(run.path("message").asString()).isEqualTo("Not run: http://127.0.0.1:5432/ is no longer the "
				+ "registered endpoint of the system answering step 1; start a new run.");
		assertThat(run.path("evidenceId").isNull()).isTrue();
	}

	@Test
	void shouldRecordAFailingRunAndLeaveTheStepToDo() {
		String strict = new String(demoScript(), java.nio.charset.StandardCharsets.UTF_8)
			.replace("\"id\": \"ips-summary-operation\"", "\"id\": \"ips-summary-searchset\"")
			.replace("Bundle.type = 'document'", "Bundle.type = 'searchset'");
		assertThat(
				this.admin.postText("/api/events/" + this.event.id() + "/test-scripts", strict, "application/fhir+json")
					.status())
			.isEqualTo(201);
		long test = TestingFixtures
			.importedTest(this.admin, this.event, plan(false, "ips-summary-searchset"), "IPS-SUMMARY")
			.path("id")
			.asLong();
		long instance = start(test);

		JsonNode run = runToTheEnd(this.alice, instance, 1);

		assertThat(run.path("status").asString()).isEqualTo("FAILED");
		assertThat(run.path("message").asString()).startsWith("14 of 15 actions passed, 1 fail.")
			.contains("First fail: summary, summary-is-document");
		JsonNode details = this.alice.get("/api/test-instances/" + instance).json();
		assertThat(details.path("steps").get(0).path("status").asString()).isEqualTo("TO_DO");
		assertThat(details.path("instance").path("status").asString()).isEqualTo("RUNNING");
		assertThat(details.path("evidence").get(0).path("text").asString())
			.isEqualTo("TestScript ips-summary-searchset failed (run " + run.path("id").asLong() + ")");
		this.alice.post("/api/test-instances/" + instance + "/status", Map.of("status", "TO_BE_VERIFIED"));
		Response confirmed = monitorOf(test).post("/api/test-instances/" + instance + "/confirm-passing-report",
				Map.of());
		assertThat(confirmed.status()).isEqualTo(409);
		assertThat(confirmed.json().path("detail").asString()).isEqualTo("The TestReports cannot be confirmed: the "
				+ "latest run of step 1 (run " + run.path("id").asLong() + ") is failed.");
	}

	@Test
	void shouldQueueOneRunWhenTwoRequestsToRunAStepArriveAtOnce() throws Exception {
		ExecutorService twoClicks = Executors.newFixedThreadPool(2);
		try {
			// a few instances, since two requests racing may also happen to arrive in
			// turn
			for (int attempt = 0; attempt < 5; attempt++) {
				long instance = start(automatedTest(false));
				CyclicBarrier together = new CyclicBarrier(2);
				Callable<Response> click = () -> {
					together.await();
					return this.alice.post("/api/test-instances/" + instance + "/steps/1/runs", Map.of());
				};

				List<Response> answers = new ArrayList<>();
				for (Future<Response> answer : twoClicks.invokeAll(List.of(click, click))) {
					answers.add(answer.get());
				}

				assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(202, 409);
				assertThat(answers).filteredOn((answer) -> answer.status() == 409)
					.extracting((answer) -> answer.json().path("detail").asString())
					.singleElement()
					.asString()
					.contains("is already being run");
				JsonNode runs = this.alice.get("/api/test-instances/" + instance + "/script-runs").json();
				assertThat(runs.size()).isEqualTo(1);
				awaitEnd(this.alice, runs.get(0).path("id").asLong());
			}
		}
		finally {
			twoClicks.shutdownNow();
		}
	}

	@Test
	void shouldValidateAgainstTheProfilesOfTheImplementationGuidesTheScriptNames() {
		for (String file : List.of("hl7.fhir.uv.ips-2.0.0.tgz", "hl7.terminology.r4-7.0.1.tgz",
				"hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz")) {
			this.validation.install(PACKAGES.resolve(file));
		}
		Response uploaded = this.admin.postText("/api/events/" + this.event.id() + "/test-scripts?ig=" + IPS,
				IPS_PATIENT_SCRIPT, "application/fhir+json");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		assertThat(uploaded.json().path("implementationGuides").toString()).isEqualTo("[\"hl7.fhir.uv.ips#2.0.0\"]");
		long test = TestingFixtures
			.importedTest(this.admin, this.event, plan(false, "ips-patient-profile"), "IPS-SUMMARY")
			.path("id")
			.asLong();

		JsonNode run = runToTheEnd(this.alice, start(test), 1);

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("FAILED");
		assertThat(run.path("message").asString()).startsWith("2 of 3 actions passed, 1 fail.")
			.contains("First fail: patients, incomplete-patient-is-ips")
			.contains("birthDate");
		String page = PageClient.signedIn(this.fixtures.port(), this.fixtures.user(Role.ADMIN, null).username())
			.get("/events/" + this.event.id() + "/test-scripts")
			.body();
		assertThat(page).contains("profiles of hl7.fhir.uv.ips#2.0.0")
			.contains("<option value=\"hl7.fhir.uv.ips#2.0.0\">hl7.fhir.uv.ips#2.0.0</option>");
	}

	@Test
	void shouldRefuseAScriptNamingAnImplementationGuideThePlatformDoesNotHave() {
		Response refused = this.admin.postText(
				"/api/events/" + this.event.id() + "/test-scripts?ig=hl7.fhir.uv.unknown%231.0.0", IPS_PATIENT_SCRIPT,
				"application/fhir+json");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().toString()).contains("hl7.fhir.uv.unknown#1.0.0 is not in the package cache");
		assertThat(this.admin.get("/api/events/" + this.event.id() + "/test-scripts")
			.json()
			.valueStream()
			.map((script) -> script.path("keyword").asString())).containsExactly(SCRIPT);
	}

	@Test
	void shouldRunAgainstTheEndpointOfTheScriptsFhirReleaseAndJudgeTheAnswersInTheEndpointsRelease() {
		long system = TestingFixtures.publishedSystem(this.alice, this.event, "Acme R4 and R5 Repository",
				"IPS:REPOSITORY");
		// declared first, so that taking the first endpoint would send the R4 script
		// there
		endpoint(system, "http://127.0.0.1:9/fhir/r5", "R5");
		endpoint(system, referenceServer.baseUrl(), "R4");
		long onlyR5 = TestingFixtures.publishedSystem(this.alice, this.event, "Acme R5 Repository", "IPS:REPOSITORY");
		endpoint(onlyR5, "http://127.0.0.1:9/fhir/r5", "R5");
		long test = automatedTest(false);

		long instance = start(test, system);
		JsonNode run = runToTheEnd(this.alice, instance, 1);
		JsonNode r5Run = runToTheEnd(this.alice, start(test, onlyR5), 1);
		String panel = PageClient.signedIn(this.fixtures.port(), this.fixtures.user(Role.ADMIN, null).username())
			.get("/test-instances/" + instance + "/automated-steps?renderedAt=" + System.currentTimeMillis())
			.body();

		assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("PASSED");
		assertThat(run.path("serverUrl").asString()).isEqualTo(referenceServer.baseUrl());
		assertThat(run.path("message").asString())
			.contains("The server's answers are judged as FHIR R4, the release given for the server.");
		assertThat(this.alice.get("/api/test-instances/" + instance + "/automated-steps")
			.json()
			.get(0)
			.path("serverFhirVersion")
			.asString()).isEqualTo("R4");
		assertThat(panel).contains("at " + referenceServer.baseUrl() + ", whose FHIR R4 judges the answers");
		// the R4 script runs against the only endpoint, and R5 judges what it answers
		assertThat(r5Run.path("serverUrl").asString()).isEqualTo("http://127.0.0.1:9/fhir/r5");
		assertThat(r5Run.path("status").asString()).as(r5Run.toString()).isEqualTo("ERROR");
		assertThat(r5Run.path("message").asString())
			.contains("The server's answers are judged as FHIR R5, the release given for the server.");
	}

	@Test
	void shouldLetOnlyTheOrganizationsTakingPartStartARun() {
		long instance = start(automatedTest(false));
		ApiClient bob = this.fixtures.participantOf(this.fixtures.organization());

		Response refused = bob.post("/api/test-instances/" + instance + "/steps/1/runs", Map.of());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(this.alice.get("/api/test-instances/" + instance + "/script-runs").json().size()).isZero();
		assertThat(monitorOf(automatedTest(false)).post("/api/test-instances/" + instance + "/steps/1/runs", Map.of())
			.status()).isEqualTo(403);
		assertThat(bob.post("/api/test-instances/" + instance + "/confirm-passing-report", Map.of()).status())
			.isEqualTo(403);
	}

	@Test
	void shouldExplainWhyAStepCannotRun() {
		long instance = start(automatedTest(false));
		Response unknownInstance = this.alice.post("/api/test-instances/999999999/steps/1/runs", Map.of());
		assertThat(unknownInstance.status()).isEqualTo(404);
		assertThat(unknownInstance.json().path("detail").asString())
			.isEqualTo("Test instance 999999999 does not exist.");
		assertThat(this.alice.post("/api/test-instances/" + instance + "/steps/7/runs", Map.of()).status())
			.isEqualTo(404);
		assertThat(this.alice.get("/api/script-runs/999999999").status()).isEqualTo(404);

		long manual = TestingFixtures.importedTest(this.admin, this.event, plan(false, SCRIPT), "IPS-DOCUMENT")
			.path("id")
			.asLong();
		long creator = TestingFixtures.publishedSystem(this.alice, this.event, "Acme IPS Creator", "IPS:CREATOR",
				"PDQm:CONSUMER");
		long manualInstance = this.alice.post("/api/tests/" + manual + "/instances", participants("CREATOR", creator))
			.json()
			.path("id")
			.asLong();
		Response noScript = this.alice.post("/api/test-instances/" + manualInstance + "/steps/1/runs", Map.of());
		assertThat(noScript.status()).isEqualTo(409);
		assertThat(noScript.json().path("detail").asString())
			.isEqualTo("Step 1 of IPS-DOCUMENT names no TestScript: its participants do it and attach the evidence.");
		Response toolAnswers = this.alice.post("/api/test-instances/" + manualInstance + "/steps/2/runs", Map.of());
		assertThat(toolAnswers.status()).isEqualTo(409);
		assertThat(toolAnswers.json().path("detail").asString()).startsWith("Step 2 is answered by a tool");

		long withoutEndpoint = TestingFixtures.publishedSystem(this.alice, this.event, "Acme Second Repository",
				"IPS:REPOSITORY");
		long noEndpointInstance = this.alice
			.post("/api/tests/" + automatedTest(false) + "/instances", participants("REPOSITORY", withoutEndpoint))
			.json()
			.path("id")
			.asLong();
		Response noEndpoint = this.alice.post("/api/test-instances/" + noEndpointInstance + "/steps/1/runs", Map.of());
		assertThat(noEndpoint.status()).isEqualTo(409);
		assertThat(noEndpoint.json().path("detail").asString()).isEqualTo("Acme Second Repository has no endpoint "
				+ "for IPS:REPOSITORY; its organization declares one on the system's page.");

		long unknownScript = TestingFixtures
			.importedTest(this.admin, this.event, plan(false, "not-uploaded"), "IPS-SUMMARY")
			.path("id")
			.asLong();
		Response notUploaded = this.alice.post("/api/test-instances/" + start(unknownScript) + "/steps/1/runs",
				Map.of());
		assertThat(notUploaded.status()).isEqualTo(409);
		assertThat(notUploaded.json().path("detail").asString()).isEqualTo(
				"Step 1 runs TestScript 'not-uploaded', which the organizers have not uploaded to the event yet.");
		assertThat(this.alice.get("/api/test-instances/" + instance + "/script-runs").json().size()).isZero();
	}

	@Test
	void shouldKeepOnlyTestScriptsTheEngineCanRun() {
		String scripts = "/api/events/" + this.event.id() + "/test-scripts";
		Response malformed = this.admin.postText(scripts, "{\"resourceType\":\"TestScript\",", "application/json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("detail").asString())
			.isEqualTo("The file is not a TestScript the engine can run.");
		assertThat(malformed.json().path("problems").get(0).asString()).startsWith("CTN-1003: ");
		Response patient = this.admin.postText(scripts, "{\"resourceType\":\"Patient\"}", "application/json");
		assertThat(patient.json().path("problems").get(0).asString()).startsWith("CTN-1002: expected a TestScript");
		Response xml = this.admin.postText(scripts, "<TestScript xmlns=\"http://hl7.org/fhir\"><name value=\"x\"/>",
				"application/fhir+xml");
		assertThat(xml.status()).isEqualTo(400);
		assertThat(this.alice.postBytes(scripts, demoScript(), "application/fhir+json").status()).isEqualTo(403);

		JsonNode listed = this.alice.get(scripts).json();
		assertThat(listed.size()).isEqualTo(1);
		long id = listed.get(0).path("id").asLong();
		assertThat(this.alice.get("/api/test-scripts/" + id + "/content").body()).contains("\"ips-summary-operation\"");
		assertThat(this.alice.delete("/api/test-scripts/" + id).status()).isEqualTo(403);
		assertThat(this.admin.delete("/api/test-scripts/" + id).status()).isEqualTo(204);
		assertThat(this.admin.get("/api/test-scripts/" + id).status()).isEqualTo(404);
	}

	@Test
	void shouldLetOrganizersChangeTheSettingOnlyForFullyAutomatedTests() {
		long automated = automatedTest(false);
		long manual = TestingFixtures.importedTest(this.admin, this.event, plan(false, SCRIPT), "IPS-DOCUMENT")
			.path("id")
			.asLong();

		assertThat(
				this.alice.put("/api/tests/" + automated + "/settings", Map.of("automatedPassVerifies", true)).status())
			.isEqualTo(403);
		Response changed = this.admin.put("/api/tests/" + automated + "/settings",
				Map.of("automatedPassVerifies", true));
		assertThat(changed.json().path("automatedPassVerifies").asBoolean()).isTrue();
		Response refused = this.admin.put("/api/tests/" + manual + "/settings", Map.of("automatedPassVerifies", true));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(this.admin.get("/api/events/" + this.event.id() + "/test-plan?format=yaml").body())
			.contains("automatedPassVerifies: true");
		Response inconsistent = this.admin.postText("/api/events/" + this.event.id() + "/test-plan",
				plan(false, SCRIPT).replace("name: The IPS document validates",
						"name: The IPS document validates\n    automatedPassVerifies: true"),
				"application/yaml");
		assertThat(inconsistent.status()).isEqualTo(400);
		assertThat(inconsistent.json().path("problems").toString()).contains("tests[1].automatedPassVerifies: only "
				+ "a test whose every step names a testScript is verified without a monitor; steps[0] name none");
	}

	@Test
	void shouldRequeueARunWhoseNodeStoppedAndEndItAfterTooManyAttempts() {
		long instance = start(automatedTest(false));
		long scriptId = uploadedScriptId();
		long abandoned = heldRun(instance, scriptId, 1, "stopped-node", Duration.ofHours(1));
		long exhausted = heldRun(instance, scriptId, 2, "stopped-node", Duration.ofHours(1));

		this.worker.keepHouse();

		JsonNode ended = this.alice.get("/api/script-runs/" + exhausted).json();
		assertThat(ended.path("status").asString()).isEqualTo("ERROR");
		assertThat(ended.path("message").asString())
			.isEqualTo("The node running this script stopped 2 times before it ended; run the step again.");
		JsonNode rerun = awaitEnd(this.alice, abandoned);
		assertThat(rerun.path("status").asString()).isEqualTo("PASSED");
		assertThat(rerun.path("attempts").asInt()).isEqualTo(2);
	}

	@Test
	void shouldPutTheRunsOfAStoppingNodeBackInTheQueueForAnotherNode() {
		long instance = start(automatedTest(false));
		long scriptId = uploadedScriptId();
		ScriptRunWorker stoppingNode = new ScriptRunWorker(this.runs, this.executor, this.automation, this.publisher, 1,
				Duration.ofMinutes(1), Duration.ofMinutes(2), 2);
		stoppingNode.start();
		long held = heldRun(instance, scriptId, 1, stoppingNode.node(), Duration.ZERO);

		stoppingNode.stop();

		assertThat(stoppingNode.isRunning()).isFalse();
		JsonNode rerun = awaitEnd(this.alice, held);
		assertThat(rerun.path("status").asString()).isEqualTo("PASSED");
		assertThat(rerun.path("attempts").asInt()).isEqualTo(2);
	}

	/**
	 * A run of step 1 that a node holds, as the database keeps it: started and last heard
	 * of {@code since} ago.
	 */
	private void allowPrivateAddresses(boolean allowed) {
		this.events.update(this.event.id(),
				new EventForm(this.event.name(), null, null, this.event.startDate(), this.event.endDate(),
						this.event.registrationDeadline(), this.event.status(), this.event.profiles(), allowed),
				SignedInUser.machineOwner());
	}

	private long uploadedScriptId() {
		return this.admin.get("/api/events/" + this.event.id() + "/test-scripts").json().get(0).path("id").asLong();
	}

	private long heldRun(long instance, long scriptId, int attempts, String node, Duration since) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into script_runs (test_instance_id, step_index, test_script_id, script_keyword, server_url,
				status, actions_total, actions_finished, attempts, requested_by, requested_by_name, node, started_at,
				heartbeat_at)
				values (:instance, 1, :scriptId, :keyword, :serverUrl, 'RUNNING', 15, 3, :attempts, 0, 'Alice', :node,
				current_timestamp - cast(:seconds as integer) * interval '1' second,
				current_timestamp - cast(:seconds as integer) * interval '1' second)""")
			.param("instance", instance)
			.param("scriptId", scriptId)
			.param("keyword", SCRIPT)
			.param("serverUrl", referenceServer.baseUrl())
			.param("attempts", attempts)
			.param("node", node)
			.param("seconds", since.toSeconds())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	private long automatedTest(boolean automatedPassVerifies) {
		return TestingFixtures.importedTest(this.admin, this.event, plan(automatedPassVerifies, SCRIPT), "IPS-SUMMARY")
			.path("id")
			.asLong();
	}

	private long start(long test) {
		return start(test, this.repository);
	}

	private long start(long test, long repository) {
		Response started = this.alice.post("/api/tests/" + test + "/instances", participants("REPOSITORY", repository));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	private void endpoint(long system, String baseUrl, String fhirVersion) {
		Response declared = this.alice.post("/api/systems/" + system + "/endpoints",
				Map.of("profile", "IPS", "actor", "REPOSITORY", "baseUrl", baseUrl, "fhirVersion", fhirVersion));
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
	}

	private ApiClient monitorOf(long test) {
		User monitor = this.fixtures.user(Role.MONITOR, null);
		this.admin.put("/api/tests/" + test + "/monitors", List.of(monitor.id()));
		return this.fixtures.apiAs(monitor);
	}

	private String grade() {
		JsonNode results = this.admin.get("/api/events/" + this.event.id() + "/results").json();
		return results.valueStream()
			.filter((result) -> result.path("systemId").asLong() == this.repository)
			.findFirst()
			.orElseThrow()
			.path("grade")
			.asString();
	}

}
