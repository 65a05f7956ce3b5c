package org.connectathon.platform.tracks;

import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.tracks.TrackFixtures.SeededTrack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing systems up to a track's roles over the API, a server's CapabilityStatement
 * fetched from the platform's own R4 reference server, and every refusal leaving nothing
 * behind.
 */
@PlatformIntegrationTest
class SignUpIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	SeededTrack track;

	String referenceServer;

	ApiClient acme;

	long acmeServer;

	long acmeClient;

	@BeforeEach
	void seed() {
		TrackFixtures tracks = new TrackFixtures(this.context);
		this.track = tracks.track(this.fixtures.user(Role.TRACK_LEAD, null));
		this.referenceServer = tracks.referenceServer();
		this.acme = this.fixtures.participantOf(this.fixtures.organization());
		this.acmeServer = TrackFixtures.system(this.acme, this.track.event(), "Acme FHIR Server");
		this.acmeClient = TrackFixtures.system(this.acme, this.track.event(), "Acme App");
	}

	@Test
	void shouldSignUpAServerWithWhatItsCapabilityStatementClaimsAndRegisterItForTheRolesActor() {
		Response server = signUp(this.acme, this.acmeServer, "server", referenceServer());
		assertThat(server.status()).as(server.toString()).isEqualTo(201);
		assertThat(server.json().path("baseUrl").asString()).isEqualTo(referenceServer());
		assertThat(server.json().path("fhirVersion").asString()).startsWith("4.0");
		assertThat(server.json()
			.path("capabilities")
			.valueStream()
			.map((claim) -> claim.path("resourceType").asString(""))).contains("Patient", "Observation");
		assertThat(server.json()
			.path("capabilities")
			.valueStream()
			.filter((claim) -> claim.path("resourceType").asString("").equals("Patient"))
			.map((claim) -> claim.path("kind").asString() + " " + claim.path("name").asString()))
			.contains("INTERACTION read", "INTERACTION search-type");

		Response client = signUp(this.acme, this.acmeClient, "client", null);
		assertThat(client.status()).as(client.toString()).isEqualTo(201);
		assertThat(client.json().path("capabilities").isEmpty()).isTrue();

		Response signUps = this.acme.get("/api/tracks/" + this.track.trackId() + "/sign-ups");
		assertThat(signUps.json().valueStream().map((signUp) -> signUp.path("roleKeyword").asString()))
			.containsExactly("client", "server");
		// the partner finder and test instances know the system by its actor registration
		assertThat(
				this.acme.get("/api/systems/" + this.acmeServer + "/registrations")
					.json()
					.valueStream()
					.map((registration) -> registration.path("profileKeyword").asString() + ":"
							+ registration.path("actorKeyword").asString()))
			.containsExactly(this.track.profile() + ":server");
		assertThat(this.acme.get("/api/systems/" + this.acmeServer + "/endpoints")
			.json()
			.get(0)
			.path("baseUrl")
			.asString()).isEqualTo(referenceServer());
		Response statement = this.acme.get("/api/tracks/" + this.track.trackId() + "/sign-ups/"
				+ server.json().path("id").asLong() + "/capability-statement");
		assertThat(statement.json().path("resourceType").asString()).isEqualTo("CapabilityStatement");
	}

	@Test
	void shouldFindTheEventsServersByResourceTypeInteractionAndOperation() {
		signUp(this.acme, this.acmeServer, "server", referenceServer());
		String servers = "/api/events/" + this.track.event().id() + "/track-servers";

		assertThat(systemIds(this.acme.get(servers + "?resourceType=Patient&interaction=read")))
			.containsExactly(this.acmeServer);
		assertThat(systemIds(this.acme.get(servers + "?resourceType=Patient&interaction=search-type")))
			.containsExactly(this.acmeServer);
		assertThat(systemIds(this.acme.get(servers + "?resourceType=NoSuchType"))).isEmpty();
		assertThat(systemIds(this.acme.get(servers + "?operation=$no-such-operation"))).isEmpty();
		assertThat(systemIds(this.acme.get(servers))).containsExactly(this.acmeServer);
	}

	@Test
	void shouldRefuseASignUpOfAnotherOrganizationsSystemAndChangeNothing() {
		ApiClient globex = this.fixtures.participantOf(this.fixtures.organization());

		Response refused = signUp(globex, this.acmeClient, "client", null);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(signUpCount()).isZero();
		assertThat(this.acme.get("/api/systems/" + this.acmeClient + "/registrations").json().isEmpty()).isTrue();
	}

	@Test
	void shouldRefuseAnotherOrganizationWithdrawingYourSignUp() {
		long signUp = signUp(this.acme, this.acmeClient, "client", null).json().path("id").asLong();
		ApiClient globex = this.fixtures.participantOf(this.fixtures.organization());

		Response refused = globex.delete("/api/tracks/" + this.track.trackId() + "/sign-ups/" + signUp);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(signUpCount()).isOne();
		assertThat(this.acme.delete("/api/tracks/" + this.track.trackId() + "/sign-ups/" + signUp).status())
			.isEqualTo(204);
		assertThat(signUpCount()).isZero();
	}

	@Test
	void shouldRefuseADuplicateSignUp() {
		signUp(this.acme, this.acmeClient, "client", null);

		Response duplicate = signUp(this.acme, this.acmeClient, "client", null);

		assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
		assertThat(duplicate.json().path("detail").asString()).contains("already signed up as Patient client");
		assertThat(signUpCount()).isOne();
	}

	@Test
	void shouldRefuseAnUnknownRoleAnUnknownSystemAndMalformedBodies() {
		Response unknownRole = signUp(this.acme, this.acmeClient, "observer", null);
		assertThat(unknownRole.status()).isEqualTo(400);
		assertThat(unknownRole.json().path("detail").asString()).contains("has no role observer");

		Response unknownSystem = signUp(this.acme, 999_999_999L, "client", null);
		assertThat(unknownSystem.status()).isEqualTo(404);

		Response notJson = this.acme.postText("/api/tracks/" + this.track.trackId() + "/sign-ups", "{\"systemId\":",
				"application/json");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.contentType()).contains("application/problem+json");

		Response wrongType = this.acme.post("/api/tracks/" + this.track.trackId() + "/sign-ups",
				Map.of("systemId", "Acme", "role", "client"));
		assertThat(wrongType.status()).isEqualTo(400);

		Response badUrl = signUp(this.acme, this.acmeServer, "server", "ftp://example.org/fhir");
		assertThat(badUrl.status()).isEqualTo(400);
		assertThat(badUrl.body()).contains("must be an http or https URL");

		Response unknownTrack = this.acme.get("/api/tracks/999999999/sign-ups");
		assertThat(unknownTrack.status()).isEqualTo(404);
		assertThat(signUpCount()).isZero();
	}

	@Test
	void shouldRefuseAServerWhoseCapabilityStatementCannotBeFetchedAndStoreNothing() {
		Response unreachable = signUp(this.acme, this.acmeServer, "server", "http://127.0.0.1:1/fhir");

		assertThat(unreachable.status()).as(unreachable.toString()).isEqualTo(400);
		assertThat(unreachable.json().path("detail").asString())
			.startsWith("The server's CapabilityStatement could not be fetched from http://127.0.0.1:1/fhir/metadata")
			.contains("Nothing was stored");

		Response notAServer = signUp(this.acme, this.acmeServer, "server",
				"http://localhost:" + this.fixtures.port() + "/api/events");
		assertThat(notAServer.status()).as(notAServer.toString()).isEqualTo(400);
		assertThat(notAServer.json().path("detail").asString()).contains("could not be fetched");

		assertThat(signUpCount()).isZero();
		assertThat(this.acme.get("/api/systems/" + this.acmeServer + "/registrations").json().isEmpty()).isTrue();
		assertThat(this.acme.get("/api/systems/" + this.acmeServer + "/endpoints").json().isEmpty()).isTrue();
	}

	@Test
	void shouldRefuseALoopbackServerWhenTheEventAllowsOnlyPublicAddresses() {
		SeededTrack publicOnly = new TrackFixtures(this.context).track(this.fixtures.user(Role.TRACK_LEAD, null),
				false);
		long server = TrackFixtures.system(this.acme, publicOnly.event(), "Acme Loopback Server");

		Response refused = this.acme.post("/api/tracks/" + publicOnly.trackId() + "/sign-ups",
				Map.of("systemId", server, "role", "server", "baseUrl", referenceServer()));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().path("detail").asString()).contains("will not send requests to this base URL")
			.contains("an organizer may allow private addresses");
		assertThat(this.acme.get("/api/tracks/" + publicOnly.trackId() + "/sign-ups").json().isEmpty()).isTrue();
	}

	private Response signUp(ApiClient participant, long system, String role, String baseUrl) {
		return participant.post("/api/tracks/" + this.track.trackId() + "/sign-ups",
				(baseUrl != null) ? Map.of("systemId", system, "role", role, "baseUrl", baseUrl)
						: Map.of("systemId", system, "role", role));
	}

	private int signUpCount() {
		return this.acme.get("/api/tracks/" + this.track.trackId() + "/sign-ups").json().size();
	}

	private String referenceServer() {
		return this.referenceServer;
	}

	private static List<Long> systemIds(Response servers) {
		assertThat(servers.status()).as(servers.toString()).isEqualTo(200);
		return servers.json().valueStream().map((signUp) -> signUp.path("systemId").asLong()).toList();
	}

}
