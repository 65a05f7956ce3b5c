package org.connectathon.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventForm;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.registration.OrganizationForm;
import org.connectathon.platform.registration.OrganizationService;
import org.connectathon.platform.security.ApiTokenService;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.User;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.security.UserService.NewUser;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * Named builders of test data, each under a unique name so that tests sharing one
 * platform and one database never see each other's data.
 */
@TestComponent
public class Fixtures {

	public static final String PASSWORD = "correct-horse";

	public static final List<String> DEMO_PROFILES = List.of("IPS", "MHD", "PDQm", "SVCM", "FHIR", "XCA", "XCPD",
			"XDS.b", "XDR", "PIX", "PDQ");

	private final UserService users;

	private final ApiTokenService tokens;

	private final OrganizationService organizations;

	private final EventService events;

	private final CatalogService catalog;

	private final Environment environment;

	Fixtures(UserService users, ApiTokenService tokens, OrganizationService organizations, EventService events,
			CatalogService catalog, Environment environment) {
		this.users = users;
		this.tokens = tokens;
		this.organizations = organizations;
		this.events = events;
		this.catalog = catalog;
		this.environment = environment;
	}

	public static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The running platform's port, known once the web server has started. */
	public int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * The demo catalogs, FHIR's and IHE's SOAP and HL7 v2 profiles; importing them again
	 * changes nothing, so every test may ask for them.
	 */
	public void demoCatalog() {
		try {
			for (String catalogFile : List.of("demo/ips-catalog.yaml", "demo/ihe-catalog.yaml")) {
				this.catalog.importCatalog(new ClassPathResource(catalogFile).getContentAsByteArray(),
						SignedInUser.machineOwner());
			}
		}
		catch (IOException exception) {
			throw new UncheckedIOException(exception);
		}
	}

	/** An open event on the demo catalog whose registration deadline is a month away. */
	public Event openEvent() {
		return event(EventStatus.OPEN, OffsetDateTime.now(ZoneOffset.UTC).plusMonths(1));
	}

	/**
	 * An open event whose automated steps may call endpoints on loopback and private
	 * addresses, such as the tests' reference server.
	 */
	public Event openEventAllowingPrivateAddresses() {
		return event(EventStatus.OPEN, OffsetDateTime.now(ZoneOffset.UTC).plusMonths(1), true);
	}

	public Event event(EventStatus status, OffsetDateTime registrationDeadline) {
		return event(status, registrationDeadline, false);
	}

	private Event event(EventStatus status, OffsetDateTime registrationDeadline, boolean allowPrivateAddresses) {
		demoCatalog();
		LocalDate start = LocalDate.now(ZoneOffset.UTC).plusMonths(2);
		return this.events.create(
				new EventForm(unique("Connectathon"), "A test event", "Online", start, start.plusDays(3),
						registrationDeadline, status, DEMO_PROFILES, allowPrivateAddresses),
				SignedInUser.machineOwner());
	}

	public Organization organization() {
		return this.organizations.create(new OrganizationForm(unique("Vendor"), null, null),
				SignedInUser.machineOwner());
	}

	public User user(Role role, Organization organization) {
		return this.users.create(new NewUser(unique("user").replace(' ', '-'), PASSWORD, null, role,
				(organization != null) ? organization.id() : null));
	}

	/** A participant of the organization, signed in to the API. */
	public ApiClient participantOf(Organization organization) {
		return apiAs(user(Role.PARTICIPANT, organization));
	}

	public ApiClient admin() {
		return apiAs(user(Role.ADMIN, null));
	}

	public ApiClient apiAs(User user) {
		return new ApiClient(port(), this.tokens.create(user.id(), "test").secret());
	}

	public ApiClient anonymous() {
		return new ApiClient(port(), null);
	}

}
