package org.connectathon.platform.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.connectathon.platform.automation.TestScriptLibrary;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventForm;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.registration.ContactForm;
import org.connectathon.platform.registration.ContactRole;
import org.connectathon.platform.registration.EndpointForm;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.registration.OrganizationService;
import org.connectathon.platform.registration.RegisteredSystem;
import org.connectathon.platform.registration.RegistrationForm;
import org.connectathon.platform.registration.SystemForm;
import org.connectathon.platform.registration.TableLocationForm;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.registration.SystemStatus;
import org.connectathon.platform.registration.TestingType;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.security.UserService.NewUser;
import org.connectathon.platform.monitoring.MonitoringService;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.engine.packages.PackageReference;
import org.connectathon.platform.validation.FhirValidation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty platform with an IPS connectathon that a new user can explore at once:
 * the demo catalog, an open event, two vendor organizations, and a user for every role.
 * Runs only on a database without users, so it never touches real data.
 */
@Component
@ConditionalOnBooleanProperty("connectathon.demo.enabled")
class DemoEventSeeder {

	static final List<DemoSignIn> SIGN_INS = List.of(new DemoSignIn("admin", "admin-demo", "organizer"),
			new DemoSignIn("monitor", "monitor-demo", "monitor"), new DemoSignIn("lead", "lead-demo", "track lead"),
			new DemoSignIn("alice", "alice-demo", "participant, Acme Health"),
			new DemoSignIn("bob", "bob-demo", "participant, Globex Medical"),
			new DemoSignIn("reviewer", "reviewer-demo", "reviewer (decides on proposals)"));

	/**
	 * What the demo's IPS documents are validated against, on the Validate page and in
	 * automated steps; put in the package cache on the first start.
	 */
	static final List<PackageReference> IMPLEMENTATION_GUIDES = List
		.of(new PackageReference("hl7.fhir.uv.ips", "2.0.0"));

	/** The TestScript of the demo plan's automated $summary test. */
	private static final String SUMMARY_SCRIPT = "ips-summary-operation.testscript.json";

	private static final Log logger = LogFactory.getLog(DemoEventSeeder.class);

	private final UserService users;

	private final CatalogService catalog;

	private final EventService events;

	private final OrganizationService organizations;

	private final SystemService systems;

	private final TestDefinitionService tests;

	private final MonitoringService monitoring;

	private final TestScriptLibrary testScripts;

	private final Environment environment;

	// The demo's activity and its implementation guides
	private final DemoActivity activity;

	private final FhirValidation validation;

	private final URI packageServer;

	// The demo's FHIR connectathon with tracks
	private final DemoFhirConnectathon fhirConnectathon;

	// The demo's XCA test over SOAP
	private final DemoDocumentSharing documentSharing;

	DemoEventSeeder(UserService users, CatalogService catalog, EventService events, OrganizationService organizations,
			SystemService systems, TestDefinitionService tests, MonitoringService monitoring,
			TestScriptLibrary testScripts, Environment environment, DemoActivity activity, FhirValidation validation,
			@Value("${connectathon.demo.package-server:https://registry.npmjs.org/}") URI packageServer,
			DemoFhirConnectathon fhirConnectathon, DemoDocumentSharing documentSharing) {
		this.users = users;
		this.catalog = catalog;
		this.events = events;
		this.organizations = organizations;
		this.systems = systems;
		this.tests = tests;
		this.monitoring = monitoring;
		this.testScripts = testScripts;
		this.environment = environment;
		this.activity = activity;
		this.validation = validation;
		this.packageServer = packageServer;
		this.fhirConnectathon = fhirConnectathon;
		this.documentSharing = documentSharing;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void seedAndGreet() throws IOException {
		this.validation.installInBackground(IMPLEMENTATION_GUIDES, this.packageServer);
		if (!this.users.hasAnyUser()) {
			long started = System.nanoTime();
			seed();
			logger.info("Seeded the demo in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		}
		// The address and the rest follow in the banner of the serve command
		StringBuilder greeting = new StringBuilder("\n  Demo sign-ins (user / password):\n");
		SIGN_INS.forEach((signIn) -> greeting
			.append(String.format("    %-8s %-14s %s%n", signIn.username(), signIn.password(), signIn.role())));
		System.out.print(greeting);
	}

	private void seed() throws IOException {
		SignedInUser console = SignedInUser.machineOwner();
		for (String demoCatalog : List.of("demo/ips-catalog.yaml", "demo/ihe-catalog.yaml")) {
			try (InputStream file = new ClassPathResource(demoCatalog).getInputStream()) {
				this.catalog.importCatalog(file.readAllBytes(), console);
			}
		}
		LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(30);
		Event event = this.events.create(new EventForm("IPS Connectathon " + start.getYear(),
				"Exchange International Patient Summaries over MHD, find patients with PDQm "
						+ "and look up codes with SVCM.",
				"Online", start, start.plusDays(3),
				OffsetDateTime.now(ZoneOffset.UTC).plusDays(21).truncatedTo(ChronoUnit.HOURS), EventStatus.OPEN,
				// the demo runs on one machine, its reference server on the loopback
				// address
				List.of("IPS", "MHD", "PDQm", "SVCM", "FHIR", "XCA", "PIX"), true), console);
		for (String plan : List.of("demo/ips-test-plan.yaml", "demo/xca-test-plan.yaml")) {
			try (InputStream testPlan = new ClassPathResource(plan).getInputStream()) {
				this.tests.importPlan(event.id(), testPlan.readAllBytes(), console);
			}
		}
		try (InputStream script = new ClassPathResource("demo/" + SUMMARY_SCRIPT).getInputStream()) {
			this.testScripts.upload(event.id(), SUMMARY_SCRIPT, script.readAllBytes(), List.of(), console);
		}

		Organization acme = this.organizations.findOrCreateOrganization("Acme Health", console);
		Organization globex = this.organizations.findOrCreateOrganization("Globex Medical", console);
		this.organizations.addContact(globex.id(),
				new ContactForm("Grace Hopper", "grace@globex.example", "+1 555 0100", ContactRole.TECHNICAL), console);
		this.users.create(new NewUser("admin", "admin-demo", "Olivia Organizer", Role.ADMIN, null));
		User monitor = this.users.create(new NewUser("monitor", "monitor-demo", "Max Monitor", Role.MONITOR, null));
		for (TestDefinition test : this.tests.findInEvent(event.id(), console)) {
			this.monitoring.assign(test.id(), List.of(monitor.id()), console);
		}
		this.users.create(new NewUser("lead", "lead-demo", "Tara Tracklead", Role.TRACK_LEAD, null));
		this.users.create(new NewUser("alice", "alice-demo", "Alice Anders", Role.PARTICIPANT, acme.id()));
		this.users.create(new NewUser("bob", "bob-demo", "Bob Brown", Role.PARTICIPANT, globex.id()));
		this.users.create(new NewUser("reviewer", "reviewer-demo", "Rita Reviewer", Role.REVIEWER, null));

		RegisteredSystem repository = this.systems.create(event.id(), new SystemForm("Globex IPS Repository", "3.1",
				"Stores IPS documents and answers $summary.", SystemStatus.PUBLISHED, globex.id()), console);
		this.systems.assignTableLocation(repository.id(), new TableLocationForm("B4"), console);
		this.systems.register(repository.id(),
				List.of(new RegistrationForm("IPS", "REPOSITORY", null, TestingType.THOROUGH),
						new RegistrationForm("MHD", "DOCUMENT_RESPONDER", null, TestingType.THOROUGH),
						new RegistrationForm("PDQm", "SUPPLIER", null, TestingType.SUPPORTIVE)),
				console);
		this.systems.addEndpoint(repository.id(), new EndpointForm("IPS", "REPOSITORY",
				"https://fhir.globex.example/r4", "R4", "Open during the event", null), console);
		// Before the day's activity, which publishes the grades of every registration.
		this.documentSharing.play(event,
				"http://localhost:" + this.environment.getProperty("local.server.port", "8080"));
		this.activity.play(event, repository,
				"http://localhost:" + this.environment.getProperty("local.server.port", "8080"));
		logger.info("Seeded the demo event '" + event.name() + "'");
		long fhirStarted = System.nanoTime();
		this.fhirConnectathon.play("http://localhost:" + this.environment.getProperty("local.server.port", "8080"));
		logger.info("Seeded the demo's FHIR connectathon in " + (System.nanoTime() - fhirStarted) / 1_000_000 + " ms");
	}

	record DemoSignIn(String username, String password, String role) {

	}

}
