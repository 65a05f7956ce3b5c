package org.connectathon.platform.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.connectathon.platform.ConnectathonApplication;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.automation.AutomationService;
import org.connectathon.platform.automation.ScriptRunStatus;
import org.connectathon.platform.ListFilters;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.evidence.EvidenceService;
import org.connectathon.platform.proxy.Capture;
import org.connectathon.platform.proxy.CaptureFilterForm;
import org.connectathon.platform.proxy.CaptureService;
import org.connectathon.platform.proxy.CaptureValidationStatus;
import org.connectathon.platform.results.Grade;
import org.connectathon.platform.results.GradingService;
import org.connectathon.platform.results.RegistrationResult;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.connectathon.platform.testing.TestType;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.platform.tracks.FeedbackTriage;
import org.connectathon.platform.tracks.Report;
import org.connectathon.platform.tracks.ReportOfEvent;
import org.connectathon.platform.tracks.ReportService;
import org.connectathon.platform.tracks.ReviewStatus;
import org.connectathon.platform.tracks.ScenarioResult;
import org.connectathon.platform.tracks.ScenarioResultOutcome;
import org.connectathon.platform.tracks.ScenarioResultService;
import org.connectathon.platform.tracks.SignUp;
import org.connectathon.platform.tracks.SignUpService;
import org.connectathon.platform.tracks.TopicService;
import org.connectathon.platform.tracks.Track;
import org.connectathon.platform.tracks.TrackProposal;
import org.connectathon.platform.tracks.TrackProposalService;
import org.connectathon.platform.tracks.TrackService;
import org.connectathon.platform.validation.FhirValidation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo as {@code serve} seeds it into an empty database of its own (H2 in memory, or
 * a schema of its own on PostgreSQL), with a package server that cannot be reached: every
 * status, grade kind and feature has something in it, and the platform works without IPS.
 */
class DemoEventIntegrationTests {

	static ConfigurableApplicationContext platform;

	static String schema;

	static long seedingMillis;

	@BeforeAll
	static void seedAnEmptyDatabase() throws IOException {
		String unreachableRegistry;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			unreachableRegistry = "http://127.0.0.1:" + closed.getLocalPort() + "/npm";
		}
		long started = System.nanoTime();
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--connectathon.demo.enabled=true",
				"--connectathon.home=" + home(), "--connectathon.demo.package-server=" + unreachableRegistry,
				"--connectathon.db.url=" + databaseUrl(),
				// the first requests to the reference server wait for its start, and for
				// the
				// capture validator's, on a busy build machine
				"--connectathon.automation.request-timeout=180s"));
		if (isPostgres()) {
			arguments.add("--spring.flyway.schemas=" + schema());
			arguments.add("--spring.flyway.default-schema=" + schema());
		}
		platform = new SpringApplicationBuilder(ConnectathonApplication.class).run(arguments.toArray(String[]::new));
		seedingMillis = (System.nanoTime() - started) / 1_000_000;
	}

	@AfterAll
	static void dropTheDatabase() throws SQLException {
		platform.close();
		if (isPostgres()) {
			try (Connection connection = DriverManager.getConnection(postgresUrl(), "postgres", "")) {
				connection.createStatement().execute("drop schema " + schema() + " cascade");
			}
		}
	}

	@Test
	void shouldHoldInstancesInEveryStatusWithOneFlaggedCritical() {
		List<TestInstance> instances = awaitInstances((found) -> found.stream()
			.anyMatch((instance) -> instance.testKeyword().equals("IPS-SUMMARY-OPERATION")
					&& instance.status() == TestInstanceStatus.VERIFIED));

		assertThat(instances.stream().map(TestInstance::status).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(EnumSet.allOf(TestInstanceStatus.class));
		assertThat(instances).filteredOn(TestInstance::critical)
			.singleElement()
			.extracting(TestInstance::status)
			.isEqualTo(TestInstanceStatus.TO_BE_VERIFIED);
		System.out.println("Demo: platform started and seeded in " + seedingMillis + " ms");
	}

	@Test
	void shouldHoldAVerifiedPeerToPeerInstanceWithEvidence() {
		SignedInUser organizer = user("admin");
		Set<Long> peerToPeerTests = service(TestDefinitionService.class).findInEvent(event().id(), organizer)
			.stream()
			.filter((test) -> test.type() == TestType.PEER_TO_PEER)
			.map((test) -> test.id())
			.collect(Collectors.toSet());

		TestInstance verified = instances().stream()
			.filter((instance) -> instance.status() == TestInstanceStatus.VERIFIED
					&& peerToPeerTests.contains(instance.testId()))
			.findFirst()
			.orElseThrow();

		assertThat(verified.participants()).hasSize(2);
		assertThat(service(EvidenceService.class).findOfInstance(verified.id(), organizer)).hasSizeGreaterThan(1);
	}

	@Test
	void shouldGradeEveryKindAndPublishTheResults() {
		List<RegistrationResult> results = service(GradingService.class).matrix(event().id(), user("admin"));

		assertThat(results.stream().map(RegistrationResult::grade).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Grade.class));
		assertThat(results).filteredOn((result) -> result.overrideReason() != null).hasSize(2);
		assertThat(service(GradingService.class).isPublished(event().id())).isTrue();
		assertThat(service(GradingService.class).publication(event().id()).results()).hasSameSizeAs(results);
	}

	@Test
	void shouldPassTheAutomatedStepAgainstThePlatformsReferenceServer() {
		TestInstance automated = awaitInstances((found) -> found.stream()
			.anyMatch((instance) -> instance.testKeyword().equals("IPS-SUMMARY-OPERATION")
					&& instance.status() == TestInstanceStatus.VERIFIED))
			.stream()
			.filter((instance) -> instance.testKeyword().equals("IPS-SUMMARY-OPERATION"))
			.findFirst()
			.orElseThrow();

		var runs = service(AutomationService.class).findRuns(automated.id(), user("admin"));
		assertThat(runs).singleElement().satisfies((run) -> {
			assertThat(run.status()).as(run.message()).isEqualTo(ScriptRunStatus.PASSED);
			assertThat(run.serverUrl()).endsWith("/reference/r4/fhir");
			assertThat(run.evidenceId()).as("the TestReport, attached to the step").isNotNull();
		});
	}

	@Test
	void shouldLandTheProxyCapturesOnTheStepOfTheRunningInstance() {
		TestInstance running = instances().stream()
			.filter((instance) -> instance.status() == TestInstanceStatus.RUNNING
					&& instance.testKeyword().equals("PDQM-QUERY-DEMOGRAPHICS"))
			.findFirst()
			.orElseThrow();
		CaptureService captures = service(CaptureService.class);
		Supplier<List<Capture>> ofRunning = () -> captures
			.findOfInstance(running.id(), CaptureFilterForm.none(), 0, 50, user("admin"))
			.items();

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (ofRunning.get().size() < 3 && System.nanoTime() < deadline) {
			pause();
		}

		assertThat(ofRunning.get()).hasSize(3).allSatisfy((capture) -> {
			assertThat(capture.status()).isEqualTo(200);
			assertThat(capture.stepIndex()).isNotNull();
			assertThat(capture.senderSystemId()).as("Acme's workstation, by its capture token").isNotNull();
		});
	}

	@Test
	void shouldLandTheGatewaysSoapExchangesValidatedOnTheStepsOfTheXcaInstance() {
		TestInstance xca = instances().stream()
			.filter((instance) -> instance.testKeyword().equals(DemoDocumentSharing.TEST))
			.findFirst()
			.orElseThrow();
		CaptureService captures = service(CaptureService.class);
		Supplier<List<Capture>> ofXca = () -> captures
			.findOfInstance(xca.id(), CaptureFilterForm.none(), 0, 50, user("admin"))
			.items();

		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while ((ofXca.get().size() < 2 || ofXca.get()
			.stream()
			.anyMatch((capture) -> capture.validationStatus() == CaptureValidationStatus.PENDING))
				&& System.nanoTime() < deadline) {
			pause();
		}

		assertThat(ofXca.get()).extracting(Capture::transactionKeyword)
			.containsExactlyInAnyOrder("XCA:ITI-38", "XCA:ITI-39");
		assertThat(ofXca.get()).allSatisfy((capture) -> {
			assertThat(capture.status()).isEqualTo(200);
			assertThat(capture.stepIndex()).isNotNull();
			assertThat(capture.validationStatus()).isEqualTo(CaptureValidationStatus.VALID);
		});
	}

	@Test
	void shouldWorkWithoutIpsAndSayInOneLineHowToAddIt() {
		awaitInstallationFailure();
		FhirValidation validation = service(FhirValidation.class);

		assertThat(validation.installationFailure()).hasValueSatisfying((failure) -> assertThat(failure)
			.startsWith("Could not install hl7.fhir.uv.ips#2.0.0 from http://127.0.0.1:")
			.contains("the platform works without it"));
		assertThat(validation.installingImplementationGuides()).isEmpty();
		assertThatThrownBy(() -> validation.validate(ipsBundle(), List.of("hl7.fhir.uv.ips#2.0.0"), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("CTN-2003: expected hl7.fhir.uv.ips#2.0.0 in the package cache");
	}

	@Test
	void shouldSayOnTheValidatePageWhyIpsIsNotOffered() {
		awaitInstallationFailure();
		PageClient organizer = PageClient.signedOut(port());
		organizer.signIn("admin", "admin-demo");

		HttpResponse<String> page = organizer.get("/validate");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"installation-failure\"", "Could not install hl7.fhir.uv.ips#2.0.0")
			.doesNotContain("id=\"installing-implementation-guides\"");
	}

	@Test
	void shouldShowThePublishedGradesToVisitors() {
		HttpResponse<String> page = PageClient.signedOut(port()).get("/public/events/" + event().id() + "/results");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Acme IPS Workstation", "Globex IPS Repository");
	}

	@Test
	void shouldHoldAFhirConnectathonWithTracksSignUpsResultsFeedbackAndTopics() {
		SignedInUser organizer = user("admin");
		Event fhir = eventNamed(DemoFhirConnectathon.EVENT_NAME_PREFIX);
		List<Track> tracks = service(TrackService.class).findInEvent(fhir.id(), organizer);
		Supplier<List<ScenarioResult>> results = () -> tracks.stream()
			.flatMap((track) -> service(ScenarioResultService.class).findByTrack(track.id(), organizer).stream())
			.toList();
		long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
		while (results.get().size() < 6 && System.nanoTime() < deadline) {
			pause();
		}

		assertThat(tracks).extracting(Track::name)
			.containsExactlyInAnyOrder(DemoFhirConnectathon.IPS_TRACK, DemoFhirConnectathon.PATIENT_TRACK);
		Track ips = tracks.stream()
			.filter((track) -> track.name().equals(DemoFhirConnectathon.IPS_TRACK))
			.findFirst()
			.orElseThrow();
		assertThat(ips.specification()).isEqualTo(new Track.Specification("hl7.fhir.uv.ips", "2.0.0", "R4"));
		assertThat(ips.scenarios()).extracting(Track.Scenario::action)
			.containsExactly("Fetch a patient summary with $summary", "Validate the summary against IPS",
					"Render the summary");
		assertThat(service(TrackProposalService.class).findVisible(fhir.id(), user("reviewer")))
			.extracting(TrackProposal::status)
			.containsExactlyInAnyOrder(ReviewStatus.APPROVED, ReviewStatus.APPROVED, ReviewStatus.RETURNED);
		assertThat(results.get()).hasSize(6);
		for (Track track : tracks) {
			assertThat(service(SignUpService.class).findByTrack(track.id(), organizer))
				.extracting(SignUp::organizationName)
				.containsExactlyInAnyOrder("Acme Health", "Globex Medical");
		}
		assertThat(service(SignUpService.class).findByTrack(ips.id(), organizer)).filteredOn(SignUp::isServer)
			.singleElement()
			.satisfies((server) -> {
				assertThat(server.baseUrl()).endsWith("/reference/r4/fhir");
				assertThat(server.fhirVersion()).as("from the reference server's CapabilityStatement")
					.isEqualTo("4.0.1");
			});

		ReportOfEvent report = service(ReportService.class).reportOfEvent(fhir.id(), user("alice"));
		assertThat(report.tracks()).hasSize(2);
		Report ipsReport = report.tracks()
			.stream()
			.filter((track) -> track.trackId() == ips.id())
			.findFirst()
			.orElseThrow();
		assertThat(ipsReport.participants()).flatExtracting(Report.RoleParticipants::systems)
			.containsExactlyInAnyOrder("Globex FHIR Server (Globex Medical)", "Acme IPS Viewer (Acme Health)");
		assertThat(ipsReport.counts()).containsEntry(ScenarioResultOutcome.PASS, 1)
			.containsEntry(ScenarioResultOutcome.PARTIAL, 1)
			.containsEntry(ScenarioResultOutcome.NOTE, 1);
		assertThat(ipsReport.findings()).hasSize(2);
		assertThat(ipsReport.feedback()).hasSize(2)
			.anySatisfy((comment) -> assertThat(comment.triage()).isEqualTo(FeedbackTriage.CHANGE_REQUEST));
		assertThat(report.countsBySpecification()).containsOnlyKeys("hl7.fhir.uv.ips#2.0.0", "FHIR R4");
		assertThat(report.countsBySpecification().get("FHIR R4")).containsEntry(ScenarioResultOutcome.PASS, 2)
			.containsEntry(ScenarioResultOutcome.FAIL, 0);

		PageClient alice = PageClient.signedOut(port());
		alice.signIn("alice", "alice-demo");
		assertThat(alice.get("/events/" + fhir.id() + "/tracks").body()).contains(DemoFhirConnectathon.IPS_TRACK,
				DemoFhirConnectathon.PATIENT_TRACK);
		HttpResponse<String> ipsPage = alice.get("/tracks/" + ips.id());
		assertThat(ipsPage.statusCode()).isEqualTo(200);
		assertThat(ipsPage.body()).contains("Globex FHIR Server", "Acme IPS Viewer",
				"Which sections must a viewer show?");
		HttpResponse<String> reports = alice.get("/events/" + fhir.id() + "/track-reports");
		assertThat(reports.statusCode()).isEqualTo(200);
		assertThat(reports.body()).contains("hl7.fhir.uv.ips#2.0.0", "FHIR R4");

		assertThat(service(TopicService.class).findByEvent(fhir.id(), user("alice"))).hasSize(2)
			.anySatisfy((topic) -> assertThat(topic.pinnedTo()).isEqualTo("Room B, first day 10:00"));
	}

	private static void awaitInstallationFailure() {
		FhirValidation validation = service(FhirValidation.class);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (validation.installationFailure().isEmpty() && System.nanoTime() < deadline) {
			pause();
		}
	}

	private static int port() {
		return platform.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static List<TestInstance> awaitInstances(java.util.function.Predicate<List<TestInstance>> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
		List<TestInstance> found = instances();
		while (!condition.test(found) && System.nanoTime() < deadline) {
			pause();
			found = instances();
		}
		return found;
	}

	private static List<TestInstance> instances() {
		return service(TestInstanceService.class)
			.findInEvent(event().id(), false, ListFilters.none(), 0, TestInstanceService.MAXIMUM_PAGE_SIZE,
					user("admin"))
			.items();
	}

	private static Event event() {
		return eventNamed("IPS Connectathon ");
	}

	private static Event eventNamed(String prefix) {
		List<Event> events = service(EventService.class).findVisible(user("admin"));
		assertThat(events).hasSize(2);
		return events.stream().filter((event) -> event.name().startsWith(prefix)).findFirst().orElseThrow();
	}

	private static SignedInUser user(String username) {
		return service(UserService.class).loadUserByUsername(username);
	}

	private static <T> T service(Class<T> type) {
		return platform.getBean(type);
	}

	private static String ipsBundle() {
		try (InputStream bundle = new ClassPathResource("demo/" + DemoActivity.IPS_BUNDLE).getInputStream()) {
			return new String(bundle.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A home of its own, so that the failed installation leaves the shared test package
	 * cache alone; in the build folder, as the capture validator may still be writing its
	 * core definitions there when the platform stops.
	 */
	private static Path home() {
		return Path.of("target", "test-home-" + schema());
	}

	private static boolean isPostgres() {
		return "postgres".equals(System.getProperty("connectathon.test-database"));
	}

	private static String schema() {
		if (schema == null) {
			schema = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		}
		return schema;
	}

	private static String postgresUrl() {
		return System.getProperty("connectathon.db.url", "jdbc:postgresql://127.0.0.1:5432/connectathon_test");
	}

	/** A database of the test's own, where the demo finds no user and seeds. */
	private static String databaseUrl() {
		if (isPostgres()) {
			return postgresUrl() + "?currentSchema=" + schema();
		}
		return "jdbc:h2:mem:" + schema() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
				+ "DB_CLOSE_DELAY=-1";
	}

}
