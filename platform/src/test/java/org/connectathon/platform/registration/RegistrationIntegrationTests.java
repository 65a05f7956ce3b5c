package org.connectathon.platform.registration;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class RegistrationIntegrationTests {

	@Autowired
	Fixtures fixtures;

	Organization acme;

	ApiClient alice;

	Event event;

	@BeforeEach
	void aParticipantInAnOpenEvent() {
		this.event = this.fixtures.openEvent();
		this.acme = this.fixtures.organization();
		this.alice = this.fixtures.participantOf(this.acme);
	}

	@Test
	void shouldRegisterASystemWithTwoActorsAndListIt() {
		long system = createSystem(this.alice, this.event, "Acme EHR");
		Response registered = this.alice.post("/api/systems/" + system + "/registrations",
				List.of(actor("IPS", "CREATOR"), Map.of("profile", "MHD", "actor", "DOCUMENT_SOURCE", "option",
						"COMPREHENSIVE_METADATA", "testingType", "SUPPORTIVE")));

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().size()).isEqualTo(2);
		Response registrations = this.alice.get("/api/systems/" + system + "/registrations");
		assertThat(registrations.json().findValuesAsString("actorKeyword")).containsExactly("CREATOR",
				"DOCUMENT_SOURCE");
		assertThat(registrations.json().get(0).path("optionKeyword").isNull()).isTrue();
		assertThat(registrations.json().get(1).path("optionKeyword").asString()).isEqualTo("COMPREHENSIVE_METADATA");
		assertThat(registrations.json().get(1).path("testingType").asString()).isEqualTo("SUPPORTIVE");
		assertThat(this.alice.get("/api/events/" + this.event.id() + "/systems").body()).contains("Acme EHR");
	}

	@Test
	void shouldRequireTheActorThatAnActorDependsOn() {
		long system = createSystem(this.alice, this.event, "Acme Viewer");

		Response alone = this.alice.post("/api/systems/" + system + "/registrations",
				List.of(actor("IPS", "CONSUMER")));
		assertThat(alone.status()).isEqualTo(409);
		assertThat(alone.json().path("detail").asString()).contains("IPS:CONSUMER requires PDQm:CONSUMER");
		assertThat(this.alice.get("/api/systems/" + system + "/registrations").json().size()).isZero();

		Response together = this.alice.post("/api/systems/" + system + "/registrations",
				List.of(actor("IPS", "CONSUMER"), actor("PDQm", "CONSUMER")));
		assertThat(together.status()).isEqualTo(201);

		long pdqm = together.json()
			.findValues("id")
			.get(together.json().findValuesAsString("profileKeyword").indexOf("PDQm"))
			.asLong();
		Response removal = this.alice.delete("/api/systems/" + system + "/registrations/" + pdqm);
		assertThat(removal.status()).isEqualTo(409);
		assertThat(removal.json().path("detail").asString()).contains("IPS:CONSUMER requires PDQm:CONSUMER");
		assertThat(this.alice.get("/api/systems/" + system + "/registrations").json().size()).isEqualTo(2);
	}

	@Test
	void shouldRefuseActorsOutsideTheCatalogOrTheEventOrTwice() {
		Event pdqmOnly = this.fixtures.openEvent();
		ApiClient admin = this.fixtures.admin();
		Map<String, Object> scope = Map.of("name", pdqmOnly.name(), "startDate", pdqmOnly.startDate().toString(),
				"endDate", pdqmOnly.endDate().toString(), "registrationDeadline",
				pdqmOnly.registrationDeadline().toString(), "status", "OPEN", "profiles", List.of("PDQm"));
		assertThat(admin.put("/api/events/" + pdqmOnly.id(), scope).status()).isEqualTo(200);
		long system = createSystem(this.alice, pdqmOnly, "Acme MPI");

		assertThat(register(system, actor("IPS", "CREATOR")).json().path("detail").asString())
			.contains("IPS:CREATOR: profile IPS is not in the scope");
		assertThat(register(system, actor("PDQm", "WIZARD")).json().path("detail").asString())
			.contains("PDQm:WIZARD: no such actor");
		assertThat(register(system, Map.of("profile", "PDQm", "actor", "SUPPLIER", "option", "TURBO")).json()
			.path("detail")
			.asString()).contains("actor has no option TURBO");
		assertThat(register(system, actor("PDQm", "SUPPLIER")).status()).isEqualTo(201);
		assertThat(register(system, actor("PDQm", "SUPPLIER")).json().path("detail").asString())
			.contains("already registered");
		assertThat(this.alice.get("/api/systems/" + system + "/registrations").json().size()).isEqualTo(1);
	}

	@Test
	void shouldCloseRegistrationAtTheDeadlineButLetOrganizersEdit() {
		Event closed = this.fixtures.event(EventStatus.OPEN, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
		Response late = this.alice.post("/api/events/" + closed.id() + "/systems", Map.of("name", "Late system"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().path("detail").asString()).contains("closed at");
		assertThat(this.alice.get("/api/organizations/" + this.acme.id() + "/systems").body())
			.doesNotContain("Late system");

		ApiClient admin = this.fixtures.admin();
		Response byOrganizer = admin.post("/api/events/" + closed.id() + "/systems",
				Map.of("name", "Late system", "organizationId", this.acme.id()));
		assertThat(byOrganizer.status()).isEqualTo(201);
		long system = byOrganizer.json().path("id").asLong();
		assertThat(admin.post("/api/systems/" + system + "/registrations", List.of(actor("FHIR", "SERVER"))).status())
			.isEqualTo(201);
		assertThat(this.alice.put("/api/systems/" + system, Map.of("name", "Renamed")).status()).isEqualTo(409);
	}

	@Test
	void shouldDeclareEndpointsOnlyForRegisteredActors() {
		long system = createSystem(this.alice, this.event, "Acme FHIR Server");
		Map<String, Object> endpoint = Map.of("profile", "FHIR", "actor", "SERVER", "baseUrl",
				"https://fhir.acme.example/r4", "fhirVersion", "R4");

		Response unregistered = this.alice.post("/api/systems/" + system + "/endpoints", endpoint);
		assertThat(unregistered.status()).isEqualTo(400);
		assertThat(unregistered.json().path("detail").asString()).contains("not registered for FHIR:SERVER");

		register(system, actor("FHIR", "SERVER"));
		assertThat(this.alice.post("/api/systems/" + system + "/endpoints", endpoint).status()).isEqualTo(201);
		Response badUrl = this.alice.post("/api/systems/" + system + "/endpoints",
				Map.of("profile", "FHIR", "actor", "SERVER", "baseUrl", "ftp://nope", "fhirVersion", "R9"));
		assertThat(badUrl.status()).isEqualTo(400);
		assertThat(badUrl.json().path("problems").toString()).contains("baseUrl").contains("fhirVersion");
		assertThat(this.alice.get("/api/systems/" + system + "/endpoints").json().size()).isEqualTo(1);
	}

	@Test
	void shouldAnswerUnknownAndMalformedIdsClearly() {
		Response unknown = this.alice.get("/api/systems/987654321");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("detail").asString()).isEqualTo("System 987654321 does not exist.");
		assertThat(this.alice.get("/api/events/987654321").status()).isEqualTo(404);
		assertThat(this.alice.get("/api/systems/not-a-number").status()).isEqualTo(400);
	}

	@Test
	void shouldRefuseInvalidAndOversizeRequestsWithoutChangingAnything() {
		Response blank = this.alice.post("/api/events/" + this.event.id() + "/systems", Map.of("name", " "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().path("problems").toString()).contains("name");

		Response malformed = this.alice.postText("/api/events/" + this.event.id() + "/systems", "{\"name\": ",
				"application/json");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");

		String huge = "x".repeat(6 * 1024 * 1024);
		Response oversize = this.alice.post("/api/events/" + this.event.id() + "/systems",
				Map.of("name", "Huge", "description", huge));
		assertThat(oversize.status()).isEqualTo(413);
		assertThat(oversize.json().path("detail").asString()).contains("at most");
		assertThat(this.alice.get("/api/organizations/" + this.acme.id() + "/systems").json().size()).isZero();
	}

	@Test
	void shouldRefuseAnEndpointThePlatformWouldNotSendRequestsTo() {
		long system = createSystem(this.alice, this.event, "Acme Local Server");
		register(system, actor("FHIR", "SERVER"));

		for (String refused : List.of("http://127.0.0.1:8080/fhir", "http://localhost:5432/", "http://[::1]:8080/fhir",
				"http://2130706433:8080/fhir", "http://0x7f000001/fhir", "http://0177.0.0.1/fhir",
				"http://[::ffff:127.0.0.1]/fhir", "http://10.1.2.3/fhir", "http://169.254.169.254/latest/meta-data/",
				"http://0.0.0.0:8080/fhir", "https://alice:secret@fhir.acme.example/r4")) {
			Response response = endpoint(this.alice, system, refused);
			assertThat(response.status()).as(refused).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().path("detail").asString()).as(refused)
				.startsWith("The platform will not send requests to this base URL: ")
				.doesNotContain(refused);
			assertThat(response.json().path("problems").toString()).contains("baseUrl: ");
		}
		assertThat(endpoint(this.alice, system, "http://127.0.0.1:5432/").json().path("detail").asString())
			.isEqualTo("The platform will not send requests to this base URL: 127.0.0.1 is a loopback address, and "
					+ "requests go to public addresses only (an organizer may allow private addresses for the event).");
		assertThat(this.alice.get("/api/systems/" + system + "/endpoints").json().size()).isZero();

		Event local = this.fixtures.openEventAllowingPrivateAddresses();
		long localSystem = createSystem(this.alice, local, "Acme Laptop Server");
		register(localSystem, actor("FHIR", "SERVER"));
		assertThat(endpoint(this.alice, localSystem, "http://127.0.0.1:8080/fhir").status()).isEqualTo(201);
		assertThat(endpoint(this.alice, localSystem, "http://10.1.2.3/fhir").status()).isEqualTo(201);
		Response metadata = endpoint(this.alice, localSystem, "http://169.254.169.254/latest/meta-data/");
		assertThat(metadata.status()).isEqualTo(400);
		assertThat(metadata.json().path("detail").asString()).isEqualTo("The platform will not send requests to this "
				+ "base URL: 169.254.169.254 is a link-local address, to which requests are never sent.");
		assertThat(
				this.fixtures.admin().get("/api/events/" + local.id()).json().path("allowPrivateAddresses").asBoolean())
			.isTrue();
		assertThat(this.alice.get("/api/events/" + this.event.id()).json().path("allowPrivateAddresses").asBoolean())
			.isFalse();
	}

	@Test
	void shouldDeclareSoapAndHl7v2EndpointsWithAnAddressThatFitsTheirProtocol() {
		long gateway = createSystem(this.alice, this.event, "Acme Gateway");
		register(gateway, actor("XCA", "RESPONDING_GATEWAY"));
		long manager = createSystem(this.alice, this.event, "Acme PIX Manager");
		register(manager, actor("PIX", "PIX_MANAGER"));

		Response soap = this.alice.post("/api/systems/" + gateway + "/endpoints", Map.of("profile", "XCA", "actor",
				"RESPONDING_GATEWAY", "baseUrl", "https://gateway.acme.example/xca/query", "protocol", "SOAP"));
		Response hl7v2 = this.alice.post("/api/systems/" + manager + "/endpoints", Map.of("profile", "PIX", "actor",
				"PIX_MANAGER", "baseUrl", "mllp://pix.acme.example:2575", "protocol", "HL7V2"));
		assertThat(soap.status()).as(soap.toString()).isEqualTo(201);
		assertThat(soap.json().path("protocol").asString()).isEqualTo("SOAP");
		assertThat(hl7v2.status()).as(hl7v2.toString()).isEqualTo(201);
		assertThat(hl7v2.json().path("protocol").asString()).isEqualTo("HL7V2");

		Map<String, String> refused = Map.of("https://pix.acme.example/", "an HL7 v2 endpoint's address is mllp",
				"mllp://pix.acme.example", "mllp://host:port, and nothing else", "mllp://pix.acme.example:2575/path",
				"mllp://host:port, and nothing else", "mllp://10.1.2.3:2575", "will not send requests");
		refused.forEach((baseUrl, why) -> {
			Response response = this.alice.post("/api/systems/" + manager + "/endpoints",
					Map.of("profile", "PIX", "actor", "PIX_MANAGER", "baseUrl", baseUrl, "protocol", "HL7V2"));
			assertThat(response.status()).as(baseUrl).isEqualTo(400);
			assertThat(response.json().path("detail").asString()).as(baseUrl).contains(why);
		});
		Response mllpForFhir = endpoint(this.alice, gateway, "mllp://pix.acme.example:2575");
		assertThat(mllpForFhir.status()).isEqualTo(400);
		Response unknownProtocol = this.alice.post("/api/systems/" + gateway + "/endpoints", Map.of("profile", "XCA",
				"actor", "RESPONDING_GATEWAY", "baseUrl", "https://gateway.acme.example/", "protocol", "SMTP"));
		assertThat(unknownProtocol.status()).isEqualTo(400);
		Response stranger = this.fixtures.participantOf(this.fixtures.organization())
			.post("/api/systems/" + manager + "/endpoints", Map.of("profile", "PIX", "actor", "PIX_MANAGER", "baseUrl",
					"mllp://pix.other.example:2575", "protocol", "HL7V2"));
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(this.alice.get("/api/systems/" + manager + "/endpoints").json().size()).isOne();
	}

	@Test
	void shouldRefuseASecondSystemOfTheSameName() {
		createSystem(this.alice, this.event, "Twin");
		Response twin = this.alice.post("/api/events/" + this.event.id() + "/systems", Map.of("name", "Twin"));
		assertThat(twin.status()).isEqualTo(409);
		assertThat(this.alice.get("/api/organizations/" + this.acme.id() + "/systems").json().size()).isEqualTo(1);
	}

	@Test
	void shouldAnswerARefusedNewSystemFormWithWhatWasTypedAndTheErrorBesideTheField() {
		PageClient bob = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.acme).username());
		String form = "/events/" + this.event.id() + "/systems/new";
		Map<String, String> typed = new java.util.HashMap<>(Map.of("name", "Acme Kept", "version", "v".repeat(51),
				"description", "Typed before the refusal", "status", "DRAFT"));

		HttpResponse<String> refused = bob.postForm(form, form, typed);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).containsPattern("id=\"system-name\"[^>]*value=\"Acme Kept\"")
			.containsPattern("id=\"system-version\"[^>]*value=\"v{51}\">\\s*<span id=\"version-error\" "
					+ "class=\"field-error\" role=\"alert\">size must be between 0 and 50</span>")
			.contains(">Typed before the refusal</textarea>")
			.contains("<option value=\"DRAFT\" selected=\"selected\">")
			.doesNotContain("name-error");
		assertThat(this.alice.get("/api/organizations/" + this.acme.id() + "/systems").json().size()).isZero();

		typed.put("version", "2.0");
		HttpResponse<String> registered = bob.postForm(form, form, typed);

		assertThat(registered.statusCode()).isEqualTo(302);
		assertThat(bob.get(URI.create(registered.headers().firstValue("Location").orElseThrow()).getPath()).body())
			.contains("Registered Acme Kept. Now choose its actors.");
	}

	@Test
	void shouldAnswerARefusedEndpointFormWithWhatWasTypedAndTheErrorBesideTheField() {
		long system = createSystem(this.alice, this.event, "Acme Endpoint Server");
		register(system, actor("FHIR", "SERVER"));
		PageClient bob = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.acme).username());
		String page = "/systems/" + system;
		Map<String, String> typed = new java.util.HashMap<>(
				Map.of("actor", "FHIR:SERVER", "baseUrl", "ftp://fhir.acme.example", "notes", "Behind the VPN"));

		HttpResponse<String> refused = bob.postForm(page, page + "/endpoints", typed);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body())
			.containsPattern("name=\"baseUrl\" value=\"ftp://fhir.acme.example\">\\s*<span id=\"baseUrl-error\" "
					+ "class=\"field-error\" role=\"alert\">must be an http or https URL, or mllp://host:port for HL7 v2</span>")
			.containsPattern("name=\"notes\" value=\"Behind the VPN\"")
			.containsPattern("<details class=\"panel\" open=\"open\">\\s*<summary>Add an endpoint");
		assertThat(this.alice.get("/api/systems/" + system + "/endpoints").json().size()).isZero();

		typed.put("baseUrl", "https://fhir.acme.example/r4");
		HttpResponse<String> added = bob.postForm(page, page + "/endpoints", typed);

		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(bob.get(page).body()).contains("Added the endpoint.").contains("https://fhir.acme.example/r4");
	}

	private static Response endpoint(ApiClient client, long system, String baseUrl) {
		return client.post("/api/systems/" + system + "/endpoints",
				Map.of("profile", "FHIR", "actor", "SERVER", "baseUrl", baseUrl, "fhirVersion", "R4"));
	}

	private Response register(long system, Map<String, Object> registration) {
		return this.alice.post("/api/systems/" + system + "/registrations", List.of(registration));
	}

	static long createSystem(ApiClient client, Event event, String name) {
		Response created = client.post("/api/events/" + event.id() + "/systems",
				Map.of("name", name, "version", "1.0", "status", "PUBLISHED"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	static Map<String, Object> actor(String profile, String actor) {
		return Map.of("profile", profile, "actor", actor);
	}

}
