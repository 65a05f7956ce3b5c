package org.connectathon.platform.event;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class EventIntegrationTests {

	@Autowired
	Fixtures fixtures;

	ApiClient admin;

	ApiClient participant;

	@BeforeEach
	void anOrganizerAndAParticipant() {
		this.fixtures.demoCatalog();
		this.admin = this.fixtures.admin();
		this.participant = this.fixtures.participantOf(this.fixtures.organization());
	}

	@Test
	void shouldCreateAnEventWithItsProfilesInScope() {
		Response created = this.admin.post("/api/events", event(Fixtures.unique("IPS week"), "OPEN", "IPS", "MHD"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("profiles").valueStream().map((profile) -> profile.asString()))
			.containsExactly("IPS", "MHD");
		assertThat(this.participant.get("/api/events/" + created.json().path("id").asLong()).status()).isEqualTo(200);
	}

	@Test
	void shouldSendRequestsToPrivateAddressesOnlyWhenTheOrganizerAllowsIt() {
		Map<String, Object> form = new java.util.HashMap<>(event(Fixtures.unique("Laptop event"), "OPEN", "IPS"));
		Response created = this.admin.post("/api/events", form);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("allowPrivateAddresses").asBoolean()).isFalse();

		form.put("allowPrivateAddresses", true);
		Response allowed = this.admin.put("/api/events/" + id, form);

		assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		assertThat(this.participant.get("/api/events/" + id).json().path("allowPrivateAddresses").asBoolean()).isTrue();
		assertThat(this.participant.put("/api/events/" + id, form).status()).isEqualTo(403);
		String page = PageClient.signedIn(this.fixtures.port(), this.fixtures.user(Role.ADMIN, null).username())
			.get("/admin/events/" + id + "/edit")
			.body();
		assertThat(page).containsPattern("<input type=\"checkbox\" value=\"true\" id=\"allow-private-addresses\" "
				+ "name=\"allowPrivateAddresses\" checked");
	}

	@Test
	void shouldAnswerARefusedEventFormWithWhatWasTypedAndTheErrorBesideTheField() {
		PageClient organizer = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.ADMIN, null).username());
		String name = Fixtures.unique("Reversed dates");
		Map<String, String> form = new java.util.LinkedHashMap<>(
				Map.of("name", name, "description", "Kept as typed", "startDate", "2031-03-10", "endDate", "2031-03-01",
						"registrationDeadline", "2031-02-28T18:00", "status", "OPEN", "profiles", "IPS"));

		HttpResponse<String> refused = organizer.postForm("/admin/events/new", "/admin/events/new", form);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"" + name + "\"")
			.contains(">Kept as typed</textarea>")
			.containsPattern("name=\"endDate\" value=\"2031-03-01\"[^>]*>\\s*<span id=\"endDate-error\" "
					+ "class=\"field-error\" role=\"alert\">on or after startDate 2031-03-10</span>")
			.containsPattern("value=\"IPS\" id=\"profiles\\d\" name=\"profiles\" checked")
			.doesNotContain("startDate-error");
		assertThat(this.admin.get("/api/events").body()).doesNotContain(name);

		form.put("endDate", "2031-03-12");
		HttpResponse<String> created = organizer.postForm("/admin/events/new", "/admin/events/new", form);

		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(organizer.get(java.net.URI.create(location).getPath()).body()).contains("Created " + name + ".");
	}

	@Test
	void shouldKeepAValueThatIsNotADateWithItsErrorBesideTheField() {
		PageClient organizer = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.ADMIN, null).username());
		String name = Fixtures.unique("Impossible date");

		HttpResponse<String> refused = organizer.postForm("/admin/events/new", "/admin/events/new",
				Map.of("name", name, "startDate", "2031-02-30", "endDate", "2031-03-12", "registrationDeadline",
						"2031-02-28T18:00", "status", "OPEN"));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"" + name + "\"")
			.containsPattern("name=\"startDate\" value=\"2031-02-30\"[^>]*>\\s*<span id=\"startDate-error\" "
					+ "class=\"field-error\" role=\"alert\">is not a valid value here</span>");
		assertThat(this.admin.get("/api/events").body()).doesNotContain(name);
	}

	@Test
	void shouldShowDraftEventsOnlyToOrganizers() {
		String name = Fixtures.unique("Secret planning");
		long id = this.admin.post("/api/events", event(name, "DRAFT", "IPS")).json().path("id").asLong();

		assertThat(this.participant.get("/api/events").body()).doesNotContain(name);
		assertThat(this.participant.get("/api/events/" + id).status()).isEqualTo(404);
		assertThat(this.admin.get("/api/events").body()).contains(name);
	}

	@Test
	void shouldRefuseInconsistentEvents() {
		Map<String, Object> backwards = Map.of("name", Fixtures.unique("Backwards"), "startDate", "2030-05-10",
				"endDate", "2030-05-01", "registrationDeadline", "2030-04-01T00:00:00Z");
		Response refused = this.admin.post("/api/events", backwards);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("problems").get(0).asString()).contains("endDate");

		Response unknownProfile = this.admin.post("/api/events", event(Fixtures.unique("Typo"), "OPEN", "IPZ"));
		assertThat(unknownProfile.status()).isEqualTo(400);
		assertThat(unknownProfile.json().path("detail").asString()).isEqualTo("Unknown profile: IPZ.");

		Response missingDates = this.admin.post("/api/events", Map.of("name", "No dates"));
		assertThat(missingDates.status()).isEqualTo(400);
		assertThat(missingDates.json().path("problems").toString()).contains("startDate")
			.contains("registrationDeadline");

		assertThat(this.admin.get("/api/events").body()).doesNotContain("Backwards")
			.doesNotContain("Typo")
			.doesNotContain("No dates");
	}

	private static Map<String, Object> event(String name, String status, String... profiles) {
		return Map.of("name", name, "startDate", "2030-05-01", "endDate", "2030-05-03", "registrationDeadline",
				"2030-04-01T12:00:00Z", "status", status, "profiles", List.of(profiles));
	}

}
