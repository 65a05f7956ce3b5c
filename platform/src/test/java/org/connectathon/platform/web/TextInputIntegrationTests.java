package org.connectathon.platform.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.TextInput;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control characters, unpaired surrogates and non-characters are refused wherever text
 * comes in, with the field named and nothing stored.
 */
@PlatformIntegrationTest
class TextInputIntegrationTests {

	@Autowired
	Fixtures fixtures;

	ApiClient admin;

	String name;

	@BeforeEach
	void anOrganizerAndAUniqueName() {
		this.admin = this.fixtures.admin();
		this.name = Fixtures.unique("Initech");
	}

	@Test
	void shouldRefuseANulANonCharacterAndAnUnpairedSurrogateInAJsonBodyAndStoreNothing() {
		Response nul = this.admin.post("/api/organizations", Map.of("name", this.name + "\u0000"));
		Response nonCharacter = this.admin.post("/api/organizations", Map.of("name", this.name + "\uFFFF"));
		// A lone surrogate cannot be written as UTF-8, so it comes as a JSON escape.
		Response surrogate = this.admin.postText("/api/organizations", "{\"name\": \"" + this.name + "\\ud800\"}",
				"application/json");

		for (Response refused : List.of(nul, nonCharacter, surrogate)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().path("detail").asString()).isEqualTo(TextInput.REFUSED);
		}
		int length = this.name.length();
		assertThat(nul.json().path("problems").get(0).asString())
			.isEqualTo("name: holds the control character U+0000 at character " + (length + 1));
		assertThat(nonCharacter.json().path("problems").get(0).asString())
			.isEqualTo("name: holds the Unicode non-character U+FFFF at character " + (length + 1));
		assertThat(surrogate.json().path("problems").get(0).asString())
			.isEqualTo("name: holds an unpaired surrogate U+D800 at character " + (length + 1));
		assertThat(this.admin.get("/api/organizations").json().findValuesAsString("name"))
			.noneMatch((stored) -> stored.startsWith(this.name));
	}

	@Test
	void shouldNameTheItemOfAListBody() {
		Event event = this.fixtures.openEvent();

		Response refused = this.admin.put("/api/events/" + event.id() + "/grading-rules", List.of(
				Map.of("distinctPartnerOrganizations", 1, "supportiveVerifiedInstances", 1),
				Map.of("profile", "PDQm\u001B", "distinctPartnerOrganizations", 1, "supportiveVerifiedInstances", 1)));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("problems").get(0).asString())
			.isEqualTo("rules[1].profile: holds the control character U+001B at character 5");
	}

	@Test
	void shouldRefuseTheTextInAQueryParameter() {
		Response refused = this.admin.get("/api/catalog?format=yaml%00");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("problems").get(0).asString())
			.isEqualTo("format: holds the control character U+0000 at character 5");
	}

	@Test
	void shouldRefuseAPageFormWithTheReasonOnThePageAndStoreNothing() {
		Organization acme = this.fixtures.organization();
		PageClient alice = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, acme).username());

		for (String refusedName : List.of("Mallory\u0000", "Mallory\uFFFF")) {
			HttpResponse<String> refused = alice.postForm("/organization", "/organization/contacts",
					Map.of("name", refusedName, "contactRole", "TECHNICAL"));
			assertThat(refused.statusCode()).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/organization"));
			assertThat(alice.get("/organization").body()).contains(TextInput.REFUSED, "name: holds the");
		}
		assertThat(alice.get("/organization").body()).doesNotContain("Mallory");
		assertThat(this.admin.get("/api/organizations/" + acme.id() + "/contacts").json().size()).isZero();
	}

	@Test
	void shouldRefuseImportedCatalogsAndTestPlansNamingWhereTheCharacterIs() {
		Event event = this.fixtures.openEvent();
		String catalog = """
				format: connectathon-catalog/1
				profiles:
				  - keyword: NUL-TEST
				    name: "Bad\\0 name"
				    kind: IHE_PROFILE
				""";
		String plan = """
				tests:
				  - keyword: NUL-TEST
				    name: "Bad\\uFFFF name"
				    type: NO_PEER
				    roles:
				      - { keyword: CREATOR, actor: "IPS:CREATOR" }
				    steps:
				      - { initiator: CREATOR, transaction: "IPS:IPS-SUBMIT" }
				""";

		Response refusedCatalog = this.admin.postText("/api/catalog", catalog, "application/yaml");
		Response refusedPlan = this.admin.postText("/api/events/" + event.id() + "/test-plan", plan,
				"application/yaml");

		assertThat(refusedCatalog.status()).as(refusedCatalog.toString()).isEqualTo(400);
		assertThat(refusedCatalog.json().path("problems").get(0).asString())
			.isEqualTo("profiles[0].name: holds the control character U+0000 at character 4");
		assertThat(refusedPlan.status()).as(refusedPlan.toString()).isEqualTo(400);
		assertThat(refusedPlan.json().path("problems").get(0).asString())
			.isEqualTo("tests[0].name: holds the Unicode non-character U+FFFF at character 4");
		JsonNode profiles = this.admin.get("/api/catalog").json().path("profiles");
		assertThat(profiles.findValuesAsString("keyword")).doesNotContain("NUL-TEST");
		assertThat(this.admin.get("/api/events/" + event.id() + "/tests").json().findValuesAsString("keyword"))
			.doesNotContain("NUL-TEST");
	}

}
