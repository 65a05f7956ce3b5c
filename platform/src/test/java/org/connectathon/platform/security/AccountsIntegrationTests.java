package org.connectathon.platform.security;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.registration.Organization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Token expiry, and what organizers do to other users' accounts: list and revoke their
 * tokens, disable and enable them.
 */
@PlatformIntegrationTest
class AccountsIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokenService tokens;

	Organization acme;

	User alice;

	ApiClient aliceApi;

	ApiClient organizer;

	@BeforeEach
	void aParticipantAndAnOrganizer() {
		this.acme = this.fixtures.organization();
		this.alice = this.fixtures.user(Role.PARTICIPANT, this.acme);
		this.aliceApi = this.fixtures.apiAs(this.alice);
		this.organizer = this.fixtures.admin();
	}

	@Test
	void shouldGiveANewTokenNinetyDaysByDefaultAndShowTheExpiry() {
		Response created = this.aliceApi.post("/api/tokens", Map.of("name", "ci pipeline"));
		assertThat(created.status()).isEqualTo(201);
		OffsetDateTime expiresAt = OffsetDateTime.parse(created.json().path("expiresAt").asString());
		assertThat(expiresAt).isCloseTo(OffsetDateTime.now().plusDays(90),
				within(1, java.time.temporal.ChronoUnit.MINUTES));

		assertThat(this.aliceApi.get("/api/tokens").json().findValuesAsString("expiresAt")).hasSize(2)
			.allSatisfy(
					(expiry) -> assertThat(OffsetDateTime.parse(expiry)).isAfter(OffsetDateTime.now().plusDays(89)));
	}

	@Test
	void shouldTakeALifetimeOrAnExpiryWithinAYear() {
		Response week = this.aliceApi.post("/api/tokens", Map.of("name", "a week", "lifetimeDays", 7));
		assertThat(week.status()).isEqualTo(201);
		assertThat(OffsetDateTime.parse(week.json().path("expiresAt").asString()))
			.isCloseTo(OffsetDateTime.now().plusDays(7), within(1, java.time.temporal.ChronoUnit.MINUTES));
		String endOfMonth = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0).toString();
		Response dated = this.aliceApi.post("/api/tokens", Map.of("name", "dated", "expiresAt", endOfMonth));
		assertThat(dated.status()).isEqualTo(201);
		assertThat(OffsetDateTime.parse(dated.json().path("expiresAt").asString()))
			.isEqualTo(OffsetDateTime.parse(endOfMonth));

		for (Map<String, Object> invalid : java.util.List.<Map<String, Object>>of(
				Map.of("name", "x", "lifetimeDays", 0), Map.of("name", "x", "lifetimeDays", 366),
				Map.of("name", "x", "expiresAt", "2001-01-01T00:00:00Z"),
				Map.of("name", "x", "lifetimeDays", 5, "expiresAt", endOfMonth))) {
			Response refused = this.aliceApi.post("/api/tokens", invalid);
			assertThat(refused.status()).as(invalid.toString()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().path("problems").toString()).containsAnyOf("lifetimeDays", "expiresAt");
		}
		assertThat(this.aliceApi.get("/api/tokens").json().size()).as("nothing made of the refused").isEqualTo(3);
	}

	@Test
	void shouldRefuseAnExpiredTokenWithAClearProblem() {
		ApiToken token = onlyToken(this.alice);
		this.jdbc.sql("update api_tokens set expires_at = :past where id = :id")
			.param("past", OffsetDateTime.now().minusMinutes(1))
			.param("id", token.id())
			.update();

		Response refused = this.aliceApi.get("/api/me");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asString()).startsWith("This API token expired on ")
			.endsWith("; create a new one.");
		Response fhir = this.aliceApi.get("/fhir/metadata");
		assertThat(fhir.status()).isEqualTo(401);
		assertThat(fhir.body()).contains("OperationOutcome").contains("expired");
	}

	@Test
	void shouldLetAnOrganizerListAndRevokeAnyUsersTokens() {
		ApiToken token = onlyToken(this.alice);
		Response listed = this.organizer.get("/api/users/" + this.alice.id() + "/tokens");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().get(0).path("id").asLong()).isEqualTo(token.id());
		assertThat(listed.body()).doesNotContain("secret");

		assertThat(this.organizer.delete("/api/tokens/" + token.id()).status()).isEqualTo(204);
		assertThat(this.aliceApi.get("/api/me").status()).as("the revoked token is refused at once").isEqualTo(401);
	}

	@Test
	void shouldRefuseAnotherOrganizationsParticipantRevokingOrListingTokens() {
		ApiToken token = onlyToken(this.alice);
		User bob = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		ApiClient bobApi = this.fixtures.apiAs(bob);

		Response revoke = bobApi.delete("/api/tokens/" + token.id());
		assertThat(revoke.status()).isEqualTo(404);
		assertThat(revoke.json().path("detail").asString()).isEqualTo("Token " + token.id() + " does not exist.");
		assertThat(bobApi.get("/api/users/" + this.alice.id() + "/tokens").status()).isEqualTo(403);
		assertThat(bobApi.post("/api/users/" + this.alice.id() + "/disable", Map.of()).status()).isEqualTo(403);
		assertThat(this.aliceApi.get("/api/me").status()).as("alice's token still works").isEqualTo(200);
	}

	@Test
	void shouldEndADisabledUsersTokensSessionsAndSignInAtOnce() {
		PageClient browser = PageClient.signedIn(this.fixtures.port(), this.alice.username());
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		Response disabled = this.organizer.post("/api/users/" + this.alice.id() + "/disable", Map.of());
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.json().path("enabled").asBoolean()).isFalse();

		Response refused = this.aliceApi.get("/api/me");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().path("detail").asString()).isEqualTo("The account of this API token is disabled.");
		assertThat(browser.get("/").statusCode()).as("the page session has ended").isEqualTo(302);
		assertThat(PageClient.signedOut(this.fixtures.port())
			.signIn(this.alice.username(), Fixtures.PASSWORD)
			.headers()
			.firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));

		assertThat(this.organizer.post("/api/users/" + this.alice.id() + "/enable", Map.of()).status()).isEqualTo(200);
		assertThat(this.aliceApi.get("/api/me").status()).as("enabled again, with its tokens").isEqualTo(200);
		assertThat(PageClient.signedIn(this.fixtures.port(), this.alice.username()).get("/").statusCode())
			.isEqualTo(200);
	}

	@Test
	void shouldNotLetAnOrganizerDisableThemselves() {
		long organizerId = this.organizer.get("/api/me").json().path("id").asLong();
		Response refused = this.organizer.post("/api/users/" + organizerId + "/disable", Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).isEqualTo("You cannot disable your own account.");
		assertThat(this.organizer.get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void shouldLetAnOrganizerDisableAUserAndRevokeATokenOnTheUsersPages() {
		User organizer = this.fixtures.user(Role.ADMIN, null);
		PageClient browser = PageClient.signedIn(this.fixtures.port(), organizer.username());
		ApiToken token = onlyToken(this.alice);

		String tokensPage = "/admin/users/" + this.alice.id() + "/tokens";
		assertThat(browser.get(tokensPage).body()).contains("API tokens of " + this.alice.username())
			.contains("revoke-" + token.id());
		assertThat(browser.post(tokensPage + "/" + token.id() + "/revoke", "", tokensPage).statusCode()).isEqualTo(302);
		assertThat(browser.get(tokensPage).body()).contains("No API tokens.");
		assertThat(this.aliceApi.get("/api/me").status()).isEqualTo(401);

		assertThat(browser.get("/admin/users").body()).contains("disable-" + this.alice.username())
			.doesNotContain("disable-" + organizer.username());
		browser.post("/admin/users/" + this.alice.id() + "/disable", "", "/admin/users");
		assertThat(browser.get("/admin/users").body()).contains("enable-" + this.alice.username());
		assertThat(this.jdbc.sql("select enabled from users where id = :id")
			.param("id", this.alice.id())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void shouldAnswerARefusedUserFormWithWhatWasTypedAndLeaveNoOrganizationBehind() {
		PageClient browser = PageClient.signedIn(this.fixtures.port(), this.fixtures.user(Role.ADMIN, null).username());
		String organization = Fixtures.unique("Initech");
		Map<String, String> typed = new java.util.HashMap<>(Map.of("username", "x", "password", "long enough secret",
				"displayName", "Peter Gibbons", "role", "PARTICIPANT", "organization", organization));

		HttpResponse<String> refused = browser.postForm("/admin/users", "/admin/users", typed);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body())
			.containsPattern("name=\"username\" value=\"x\">\\s*<span id=\"username-error\" "
					+ "class=\"field-error\" role=\"alert\">2 to 100 letters, digits or . _ @ -</span>")
			.contains("name=\"displayName\" value=\"Peter Gibbons\"")
			.contains("name=\"organization\" value=\"" + organization + "\"")
			.contains("<option value=\"PARTICIPANT\" selected=\"selected\">")
			.doesNotContain("long enough secret");
		assertThat(this.jdbc.sql("select count(*) from organizations where name = :name")
			.param("name", organization)
			.query(Integer.class)
			.single()).as("the organization typed for a refused user").isZero();

		String username = Fixtures.unique("peter").replace(' ', '-');
		typed.put("username", username);
		HttpResponse<String> created = browser.postForm("/admin/users", "/admin/users", typed);

		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(browser.get("/admin/users").body()).contains("Created user " + username + ".");
		assertThat(this.jdbc.sql("select count(*) from organizations where name = :name")
			.param("name", organization)
			.query(Integer.class)
			.single()).isOne();
	}

	private ApiToken onlyToken(User user) {
		return this.tokens.findOwnedBy(SignedInUser.machineOwner(), user.id()).get(0);
	}

}
