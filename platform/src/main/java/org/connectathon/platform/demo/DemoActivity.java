package org.connectathon.platform.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.evidence.EvidenceForm;
import org.connectathon.platform.evidence.EvidenceKind;
import org.connectathon.platform.evidence.EvidenceService;
import org.connectathon.platform.monitoring.MonitoringService;
import org.connectathon.platform.monitoring.StepVerdict;
import org.connectathon.platform.monitoring.StepVerdictForm;
import org.connectathon.platform.monitoring.VerdictForm;
import org.connectathon.platform.proxy.hl7v2.MllpResponder;
import org.connectathon.platform.registration.Endpoint;
import org.connectathon.platform.registration.EndpointForm;
import org.connectathon.platform.registration.RegisteredSystem;
import org.connectathon.platform.registration.RegistrationForm;
import org.connectathon.platform.registration.SystemForm;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.registration.SystemStatus;
import org.connectathon.platform.registration.TableLocationForm;
import org.connectathon.platform.registration.TestingType;
import org.connectathon.platform.results.Grade;
import org.connectathon.platform.results.GradingService;
import org.connectathon.platform.results.OverrideForm;
import org.connectathon.platform.results.RegistrationResult;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.testing.CriticalForm;
import org.connectathon.platform.testing.StartForm;
import org.connectathon.platform.testing.StartForm.Participant;
import org.connectathon.platform.testing.StatusForm;
import org.connectathon.platform.testing.StepStatus;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.connectathon.platform.testing.TestSettingsForm;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Plays the first day of the demo event as its people would, through the same services
 * and rules as their pages: Acme registers a workstation, both vendors test together, the
 * monitor gives verdicts, the organizer overrides two grades and publishes the results.
 * So that a new user finds every feature with something in it: instances in each status,
 * evidence, grades of each kind, a public results page, and an automated step run against
 * the platform's own reference server.
 */
@Component
@ConditionalOnBooleanProperty("connectathon.demo.enabled")
class DemoActivity {

	/** An IPS document from the IPS 2.0.0 examples, valid against its Bundle profile. */
	static final String IPS_BUNDLE = "ips-bundle.json";

	private final UserService users;

	private final SystemService systems;

	private final TestDefinitionService tests;

	private final TestInstanceService instances;

	private final EvidenceService evidence;

	private final MonitoringService monitoring;

	private final GradingService grading;

	private final ApplicationEventPublisher publisher;

	private final ObjectProvider<MllpResponder> hl7v2Responder;

	DemoActivity(UserService users, SystemService systems, TestDefinitionService tests, TestInstanceService instances,
			EvidenceService evidence, MonitoringService monitoring, GradingService grading,
			ApplicationEventPublisher publisher, ObjectProvider<MllpResponder> hl7v2Responder) {
		this.users = users;
		this.systems = systems;
		this.tests = tests;
		this.instances = instances;
		this.evidence = evidence;
		this.monitoring = monitoring;
		this.grading = grading;
		this.publisher = publisher;
		this.hl7v2Responder = hl7v2Responder;
	}

	/**
	 * @param repository Globex's published IPS repository, registered as IPS Repository,
	 * MHD Document Responder and PDQm Supplier
	 * @param platform where this platform answers, e.g. {@code http://localhost:8080}:
	 * its R4 reference server stands for Globex's repository
	 */
	void play(Event event, RegisteredSystem repository, String platform) throws IOException {
		String referenceServer = platform + "/reference/r4/fhir";
		SignedInUser organizer = this.users.loadUserByUsername("admin");
		SignedInUser monitor = this.users.loadUserByUsername("monitor");
		SignedInUser alice = this.users.loadUserByUsername("alice");
		SignedInUser bob = this.users.loadUserByUsername("bob");
		Map<String, TestDefinition> plan = this.tests.findInEvent(event.id(), organizer)
			.stream()
			.collect(Collectors.toMap(TestDefinition::keyword, Function.identity()));

		// Globex points its repository at the reference server and adds a recipient.
		for (Endpoint example : this.systems.findEndpoints(repository.id(), bob)) {
			this.systems.removeEndpoint(repository.id(), example.id(), bob);
		}
		this.systems.addEndpoint(repository.id(),
				new EndpointForm("IPS", "REPOSITORY", referenceServer, "R4", "The platform's reference server", null),
				bob);
		Endpoint supplier = this.systems.addEndpoint(repository.id(),
				new EndpointForm("PDQm", "SUPPLIER", referenceServer, "R4", "The platform's reference server", null),
				bob);
		this.systems.register(repository.id(),
				List.of(new RegistrationForm("MHD", "DOCUMENT_RECIPIENT", null, TestingType.THOROUGH)), bob);
		Integer pixManagerPort = pixManager(repository, bob);

		RegisteredSystem workstation = this.systems.create(event.id(),
				new SystemForm("Acme IPS Workstation", "2.4",
						"Creates IPS documents, publishes them over MHD and reads partners' summaries.",
						SystemStatus.PUBLISHED, alice.organizationId()),
				alice);
		this.systems.assignTableLocation(workstation.id(), new TableLocationForm("A2"), organizer);
		this.systems.register(workstation.id(),
				List.of(new RegistrationForm("IPS", "CREATOR", null, TestingType.THOROUGH),
						new RegistrationForm("IPS", "CONSUMER", null, TestingType.THOROUGH),
						new RegistrationForm("PDQm", "CONSUMER", null, TestingType.THOROUGH),
						new RegistrationForm("MHD", "DOCUMENT_SOURCE", null, TestingType.THOROUGH),
						new RegistrationForm("MHD", "DOCUMENT_CONSUMER", null, TestingType.THOROUGH),
						// Nobody offers a terminology repository: graded "no peer
						// available".
						new RegistrationForm("SVCM", "CONSUMER", null, TestingType.THOROUGH)),
				alice);

		// Verified, no peer: Acme's IPS document, with the document as evidence.
		TestInstance document = start(plan.get("IPS-DOCUMENT-VALIDATION"), alice, Map.of("CREATOR", workstation));
		int documentStep = firstStep(plan.get("IPS-DOCUMENT-VALIDATION"));
		this.evidence.upload(document.id(), documentStep, EvidenceKind.FILE, IPS_BUNDLE, "application/fhir+json",
				ipsBundle(), "The IPS document of the connectathon patient; it validates against IPS 2.0.0.", alice);
		this.instances.changeStep(document.id(), documentStep, StepStatus.DONE, alice);
		handOver(document, alice);
		this.monitoring.judgeStep(document.id(), documentStep,
				new StepVerdictForm(StepVerdict.PASSED, "No errors against the IPS Bundle profile."), monitor);
		this.monitoring.judge(document.id(), new VerdictForm(TestInstanceStatus.VERIFIED, "Checked at table A2."),
				monitor);

		// Verified, peer to peer, with evidence on its step.
		TestDefinition demographics = plan.get("PDQM-QUERY-DEMOGRAPHICS");
		int queryStep = firstStep(demographics);
		TestInstance query = start(demographics, alice, Map.of("CONSUMER", workstation, "SUPPLIER", repository));
		this.evidence.add(query.id(),
				new EvidenceForm(EvidenceKind.COMMENT, queryStep,
						"Searched family=Chalmers&given=Peter; the supplier answered one matching patient.", null),
				alice);
		this.evidence.add(query.id(), new EvidenceForm(EvidenceKind.LINK, queryStep, "The search as Acme sent it",
				referenceServer + "/Patient?family=Chalmers&given=Peter"), alice);
		this.instances.changeStep(query.id(), queryStep, StepStatus.DONE, bob);
		handOver(query, alice);
		this.monitoring.judgeStep(query.id(), queryStep,
				new StepVerdictForm(StepVerdict.PASSED, "The Bundle matches PDQm's query response."), monitor);
		this.monitoring.judge(query.id(), new VerdictForm(TestInstanceStatus.VERIFIED, null), monitor);

		// Partially verified, failed and aborted MHD instances.
		TestInstance publish = start(plan.get("IPS-MHD-PUBLISH"), alice,
				Map.of("SOURCE", workstation, "RECIPIENT", repository));
		handOver(publish, alice);
		this.monitoring.judge(publish.id(), new VerdictForm(TestInstanceStatus.PARTIALLY_VERIFIED,
				"The SubmissionSet lacks its author; send it again with the author."), monitor);
		TestInstance retrieve = start(plan.get("IPS-MHD-RETRIEVE"), alice,
				Map.of("CONSUMER", workstation, "RESPONDER", repository));
		handOver(retrieve, bob);
		this.monitoring.judge(retrieve.id(),
				new VerdictForm(TestInstanceStatus.FAILED, "ITI-68 answered 404 for the document that ITI-67 listed."),
				monitor);
		TestInstance abandoned = start(plan.get("IPS-MHD-PUBLISH"), alice,
				Map.of("SOURCE", workstation, "RECIPIENT", repository));
		this.instances.changeStatus(abandoned.id(),
				new StatusForm(TestInstanceStatus.ABORTED, "Started with the wrong patient."), alice);

		// Waiting for a monitor (and flagged by the organizer), paused, and running.
		TestInstance summary = start(plan.get("IPS-SUMMARY-RETRIEVE"), alice,
				Map.of("CONSUMER", workstation, "REPOSITORY", repository));
		handOver(summary, alice);
		this.instances.setCritical(summary.id(),
				new CriticalForm(true, "Acme's consumer needs it verified before the event ends."), organizer);
		TestInstance paused = start(plan.get("IPS-MHD-RETRIEVE"), alice,
				Map.of("CONSUMER", workstation, "RESPONDER", repository));
		this.instances.changeStatus(paused.id(),
				new StatusForm(TestInstanceStatus.PAUSED, "Globex reloads its documents."), bob);
		start(demographics, alice, Map.of("CONSUMER", workstation, "SUPPLIER", repository));

		// The engine runs $summary on the reference server once this is committed (see
		// DemoTraffic) and, as the organizer allows, verifies the instance itself.
		TestDefinition summaryOperation = plan.get("IPS-SUMMARY-OPERATION");
		this.tests.changeSettings(summaryOperation.id(), new TestSettingsForm(true), organizer);
		TestInstance automated = start(summaryOperation, bob, Map.of("REPOSITORY", repository));

		overrideGrades(event, organizer);
		this.grading.publish(event.id(), organizer);
		this.publisher.publishEvent(new DemoExchanges(platform, event.id(), supplier.id(), workstation.id(),
				automated.id(), firstStep(summaryOperation), pixManagerPort));
	}

	/**
	 * Globex's repository also stands as a PIX Manager whose HL7 v2 endpoint is the
	 * platform's responder, when it runs; the platform's port for the endpoint, else
	 * null.
	 */
	private @Nullable Integer pixManager(RegisteredSystem repository, SignedInUser bob) {
		MllpResponder responder = this.hl7v2Responder.getIfAvailable();
		if (responder == null || responder.port().isEmpty()) {
			return null;
		}
		this.systems.register(repository.id(),
				List.of(new RegistrationForm("PIX", "PIX_MANAGER", null, TestingType.THOROUGH)), bob);
		return this.systems
			.addEndpoint(repository.id(),
					new EndpointForm("PIX", "PIX_MANAGER", "mllp://localhost:" + responder.port().getAsInt(), null,
							"The platform's HL7 v2 responder", Protocol.HL7V2),
					bob)
			.mllpPort();
	}

	/**
	 * The two grades that only an organizer gives while the event runs, each with its
	 * reason.
	 */
	private void overrideGrades(Event event, SignedInUser organizer) {
		for (RegistrationResult result : this.grading.matrix(event.id(), organizer)) {
			String actor = result.profileKeyword() + ":" + result.actorKeyword();
			if (actor.equals("MHD:DOCUMENT_CONSUMER")) {
				this.grading.override(event.id(), result.registrationId(),
						new OverrideForm(Grade.WITHDRAWN, "Acme withdrew its MHD Document Consumer to focus on IPS."),
						organizer);
			}
			else if (actor.equals("MHD:DOCUMENT_RESPONDER")) {
				this.grading.override(event.id(), result.registrationId(), new OverrideForm(Grade.DID_NOT_COMPLETE,
						"Globex's responder left the event after the failed retrieve."), organizer);
			}
		}
	}

	private TestInstance start(TestDefinition test, SignedInUser participant, Map<String, RegisteredSystem> roles) {
		List<Participant> participants = roles.entrySet()
			.stream()
			.map((role) -> new Participant(role.getKey(), role.getValue().id()))
			.toList();
		return this.instances.start(test.id(), new StartForm(participants), participant);
	}

	private void handOver(TestInstance instance, SignedInUser participant) {
		this.instances.changeStatus(instance.id(), new StatusForm(TestInstanceStatus.TO_BE_VERIFIED, null),
				participant);
	}

	private static int firstStep(TestDefinition test) {
		return test.steps().get(0).index();
	}

	private static byte[] ipsBundle() throws IOException {
		try (InputStream bundle = new ClassPathResource("demo/" + IPS_BUNDLE).getInputStream()) {
			return bundle.readAllBytes();
		}
	}

	/**
	 * Who sends the demo's proxy exchanges to which endpoint (they land on the running
	 * PDQm instance between the two), the automated step to run, and the port of the PIX
	 * Manager's HL7 v2 endpoint (null without the responder).
	 */
	record DemoExchanges(String platform, long eventId, long supplierEndpointId, long consumerSystemId,
			long automatedInstanceId, int automatedStepIndex, @Nullable Integer pixManagerPort) {

	}

}
