package org.connectathon.platform.security;

import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class SecurityIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Organization acme;

	Organization globex;

	ApiClient alice;

	ApiClient bob;

	Event event;

	@BeforeEach
	void twoOrganizationsInAnOpenEvent() {
		this.event = this.fixtures.openEvent();
		this.acme = this.fixtures.organization();
		this.globex = this.fixtures.organization();
		this.alice = this.fixtures.participantOf(this.acme);
		this.bob = this.fixtures.participantOf(this.globex);
	}

	@Test
	void shouldAnswerUnauthenticatedCallsWith401ProblemJson() {
		ApiClient anonymous = this.fixtures.anonymous();
		for (Response response : List.of(anonymous.get("/api/events"), anonymous.get("/api/me"),
				anonymous.post("/api/events/" + this.event.id() + "/systems", Map.of("name", "Sneaky")),
				anonymous.postText("/api/catalog", "profiles: []", "application/yaml"))) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().path("detail").asString()).contains("Bearer");
		}
		assertThat(systemNamed("Sneaky")).isZero();
	}

	@Test
	void shouldRefuseAnUnknownToken() {
		ApiClient forger = new ApiClient(this.fixtures.port(), "ctn_not-a-real-token");
		assertThat(forger.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void shouldIdentifyTheTokensOwner() {
		Response me = this.alice.get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("role").asString()).isEqualTo("PARTICIPANT");
		assertThat(me.json().path("organizationId").asLong()).isEqualTo(this.acme.id());
	}

	@Test
	void shouldKeepContactsPrivateToTheirOrganization() {
		Response added = this.bob.post("/api/organizations/" + this.globex.id() + "/contacts",
				Map.of("name", "Grace", "email", "grace@globex.example", "contactRole", "TECHNICAL"));
		assertThat(added.status()).isEqualTo(201);

		assertThat(this.bob.get("/api/organizations/" + this.globex.id() + "/contacts").json().size()).isEqualTo(1);
		Response peek = this.alice.get("/api/organizations/" + this.globex.id() + "/contacts");
		assertThat(peek.status()).isEqualTo(403);
		assertThat(peek.body()).doesNotContain("grace@globex.example");
	}

	@Test
	void shouldRefuseChangesToAnotherOrganization() {
		Response renamed = this.alice.put("/api/organizations/" + this.globex.id(), Map.of("name", "Hacked"));
		assertThat(renamed.status()).isEqualTo(403);
		Response contact = this.alice.post("/api/organizations/" + this.globex.id() + "/contacts",
				Map.of("name", "Mallory", "contactRole", "TECHNICAL"));
		assertThat(contact.status()).isEqualTo(403);

		assertThat(this.bob.get("/api/organizations/" + this.globex.id()).json().path("name").asString())
			.isEqualTo(this.globex.name());
		assertThat(this.bob.get("/api/organizations/" + this.globex.id() + "/contacts").json().size()).isZero();
	}

	@Test
	void shouldHideAnotherOrganizationsDraftSystems() {
		long draft = this.bob
			.post("/api/events/" + this.event.id() + "/systems", Map.of("name", "Secret prototype", "status", "DRAFT"))
			.json()
			.path("id")
			.asLong();

		assertThat(this.alice.get("/api/systems/" + draft).status()).isEqualTo(404);
		assertThat(this.alice.get("/api/events/" + this.event.id() + "/systems").body())
			.doesNotContain("Secret prototype");
		assertThat(this.alice.get("/api/organizations/" + this.globex.id() + "/systems").status()).isEqualTo(403);
		assertThat(this.bob.get("/api/events/" + this.event.id() + "/systems").body()).contains("Secret prototype");
	}

	@Test
	void shouldRefuseChangesToAnotherOrganizationsPublishedSystem() {
		long system = this.bob
			.post("/api/events/" + this.event.id() + "/systems", Map.of("name", "Repository", "status", "PUBLISHED"))
			.json()
			.path("id")
			.asLong();

		assertThat(this.alice.get("/api/systems/" + system).status()).isEqualTo(200);
		assertThat(this.alice.put("/api/systems/" + system, Map.of("name", "Defaced")).status()).isEqualTo(403);
		assertThat(this.alice
			.post("/api/systems/" + system + "/registrations", List.of(Map.of("profile", "IPS", "actor", "CREATOR")))
			.status()).isEqualTo(403);
		assertThat(this.alice.delete("/api/systems/" + system).status()).isEqualTo(403);

		assertThat(this.bob.get("/api/systems/" + system).json().path("name").asString()).isEqualTo("Repository");
		assertThat(this.bob.get("/api/systems/" + system + "/registrations").json().size()).isZero();
	}

	@Test
	void shouldKeepTokensPrivateToTheirOwner() {
		Response created = this.bob.post("/api/tokens", Map.of("name", "ci pipeline"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("secret").asString()).startsWith("ctn_");
		long bobsToken = created.json().path("id").asLong();

		assertThat(this.alice.get("/api/tokens").body()).doesNotContain("ci pipeline");
		assertThat(this.alice.delete("/api/tokens/" + bobsToken).status()).isEqualTo(404);
		assertThat(this.bob.get("/api/tokens").body()).contains("ci pipeline");
		assertThat(this.bob.get("/api/tokens").body()).doesNotContain("secret");
	}

	@Test
	void shouldKeepParticipantsOutOfAdminFunctions() {
		Map<String, Object> event = Map.of("name", Fixtures.unique("Rogue event"), "startDate", "2030-01-01", "endDate",
				"2030-01-02", "registrationDeadline", "2029-12-01T00:00:00Z");
		assertThat(this.alice.post("/api/events", event).status()).isEqualTo(403);
		assertThat(this.alice.put("/api/events/" + this.event.id(), event).status()).isEqualTo(403);
		assertThat(this.alice.postText("/api/catalog", "profiles: []", "application/yaml").status()).isEqualTo(403);
		assertThat(this.alice.get("/api/users").status()).isEqualTo(403);
		assertThat(this.alice.post("/api/users", Map.of("username", "eve", "password", "long-enough", "role", "ADMIN"))
			.status()).isEqualTo(403);
		assertThat(this.alice.post("/api/organizations", Map.of("name", "Shell company")).status()).isEqualTo(403);

		assertThat(this.jdbc.sql("select count(*) from users where username = 'eve'").query(Long.class).single())
			.isZero();
	}

	@Test
	void shouldStorePasswordsAsBcryptHashes() {
		String hash = this.jdbc
			.sql("select password_hash from users where role = 'PARTICIPANT' fetch first 1 rows only")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
	}

	private long systemNamed(String name) {
		return this.jdbc.sql("select count(*) from systems where name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

}
