package org.connectathon.platform.results;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

/**
 * The results matrix on the organizers' page and the public one: a system's grade in the
 * cell of its profile, actor and option, the filters, and what reaches the public.
 */
@PlatformIntegrationTest
class ResultsMatrixIntegrationTests {

	private static final Map<String, String> MARKS = Map.of("PASS", "P", "AT_RISK", "R", "DID_NOT_COMPLETE", "D",
			"WITHDRAWN", "W", "NO_PEER_AVAILABLE", "N");

	@Autowired
	Fixtures fixtures;

	Event event;

	ApiClient admin;

	Organization acme;

	Organization globex;

	ApiClient alice;

	ApiClient bob;

	PageClient organizer;

	@BeforeEach
	void anEventWithTwoOrganizations() {
		this.event = this.fixtures.openEvent();
		this.admin = this.fixtures.admin();
		this.acme = this.fixtures.organization();
		this.globex = this.fixtures.organization();
		this.alice = this.fixtures.participantOf(this.acme);
		this.bob = this.fixtures.participantOf(this.globex);
		this.organizer = PageClient.signedIn(this.fixtures.port(), this.fixtures.user(Role.ADMIN, null).username());
	}

	@Test
	void shouldShowEachRegistrationsGradeInTheCellOfItsSystemActorAndOption() {
		long ehr = publishedSystem(this.alice, this.event, "Acme EHR", "IPS:CREATOR");
		register(this.alice, ehr, Map.of("profile", "MHD", "actor", "DOCUMENT_SOURCE"));
		register(this.alice, ehr,
				Map.of("profile", "MHD", "actor", "DOCUMENT_SOURCE", "option", "COMPREHENSIVE_METADATA"));
		publishedSystem(this.alice, this.event, "Acme Viewer", "PDQm:CONSUMER");
		publishedSystem(this.bob, this.event, "Globex MPI", "PDQm:SUPPLIER", "IPS:CREATOR");
		override("Acme EHR", "DOCUMENT_SOURCE", "COMPREHENSIVE_METADATA", "PASS");
		override("Acme EHR", "DOCUMENT_SOURCE", null, "WITHDRAWN");
		override("Globex MPI", "CREATOR", null, "DID_NOT_COMPLETE");

		MatrixPage matrix = MatrixPage.read(this.organizer.get(matrixPath("")).body());

		assertThat(matrix.columns()).containsExactly("IPS:CREATOR:no option", "MHD:DOCUMENT_SOURCE:no option",
				"MHD:DOCUMENT_SOURCE:COMPREHENSIVE_METADATA", "PDQm:CONSUMER:no option", "PDQm:SUPPLIER:no option");
		assertThat(matrix.cellsBySystem()).containsOnlyKeys("Acme EHR", "Acme Viewer", "Globex MPI");
		assertThat(matrix.cell("Acme EHR", "MHD:DOCUMENT_SOURCE:COMPREHENSIVE_METADATA")).isEqualTo("P");
		assertThat(matrix.cell("Acme EHR", "MHD:DOCUMENT_SOURCE:no option")).isEqualTo("W");
		assertThat(matrix.cell("Globex MPI", "IPS:CREATOR:no option")).isEqualTo("D");
		assertThat(matrix.cell("Acme Viewer", "IPS:CREATOR:no option")).isEmpty();
		assertThat(matrix.cell("Globex MPI", "PDQm:CONSUMER:no option")).isEmpty();
		JsonNode results = this.admin.get("/api/events/" + this.event.id() + "/results").json();
		assertThat(results.size()).isEqualTo(6);
		for (JsonNode result : results) {
			String column = result.path("profileKeyword").asString() + ":" + result.path("actorKeyword").asString()
					+ ":"
					+ (result.path("optionKeyword").isNull() ? "no option" : result.path("optionKeyword").asString());
			assertThat(matrix.cell(result.path("systemName").asString(), column)).as(column)
				.isEqualTo(MARKS.get(result.path("grade").asString()));
		}
	}

	@Test
	void shouldFilterTheMatrixAndTheListByProfileAndOrganizationKeptInTheAddress() {
		publishedSystem(this.alice, this.event, "Acme EHR", "IPS:CREATOR", "PDQm:CONSUMER");
		publishedSystem(this.bob, this.event, "Globex MPI", "PDQm:SUPPLIER");
		String acmeName = this.acme.name();

		MatrixPage byProfile = MatrixPage.read(this.organizer.get(matrixPath("?profile=PDQm")).body());
		assertThat(byProfile.columns()).containsExactly("PDQm:CONSUMER:no option", "PDQm:SUPPLIER:no option");
		assertThat(byProfile.cellsBySystem()).containsOnlyKeys("Acme EHR", "Globex MPI");

		String byBoth = this.organizer
			.get(matrixPath("?profile=PDQm&organization=" + URLEncoder.encode(acmeName, StandardCharsets.UTF_8)))
			.body();
		MatrixPage both = MatrixPage.read(byBoth);
		assertThat(both.columns()).containsExactly("PDQm:CONSUMER:no option");
		assertThat(both.cellsBySystem()).containsOnlyKeys("Acme EHR");
		assertThat(byBoth).containsPattern("<option value=\"PDQm\" selected=\"selected\">")
			.contains("id=\"clear-filter\"")
			.contains("/results/list?profile=PDQm&amp;organization=");

		String list = this.organizer.get(matrixPath("/list?profile=IPS")).body();
		assertThat(list).contains("IPS:CREATOR").doesNotContain("PDQm:CONSUMER", "Globex MPI");
	}

	@Test
	void shouldAnswerAFilterThatMatchesNothingWithAClearMessage() {
		publishedSystem(this.alice, this.event, "Acme EHR", "IPS:CREATOR");

		for (String query : List.of("?profile=XDS", "?organization=Nobody", "?profile=" + "X".repeat(5000))) {
			HttpResponse<String> page = this.organizer.get(matrixPath(query));
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("No result matches this filter")
				.doesNotContain("id=\"results-matrix\"")
				.contains("<option value=\"IPS\">");
		}
		assertThat(this.organizer.get(matrixPath("/list?profile=XDS")).body())
			.contains("No result matches this filter");
	}

	@Test
	void shouldSayAnEventWithoutResultsHasNoneYet() {
		HttpResponse<String> page = this.organizer.get(matrixPath(""));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("No published system is registered yet.")
			.doesNotContain("id=\"results-matrix\"");
		assertThat(this.organizer.get("/events/" + Long.MAX_VALUE + "/results").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldShowParticipantsOnlyTheirOrganizationsRowsAndNoDraftSystem() {
		publishedSystem(this.alice, this.event, "Acme EHR", "IPS:CREATOR");
		publishedSystem(this.bob, this.event, "Globex MPI", "IPS:CREATOR");
		Response draft = this.alice.post("/api/events/" + this.event.id() + "/systems",
				Map.of("name", "Acme Draft", "version", "1.0", "status", "DRAFT"));
		register(this.alice, draft.json().path("id").asLong(), Map.of("profile", "PDQm", "actor", "CONSUMER"));
		PageClient participant = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.acme).username());

		String page = participant.get(matrixPath("")).body();

		assertThat(MatrixPage.read(page).cellsBySystem()).containsOnlyKeys("Acme EHR");
		assertThat(page).doesNotContain("Globex MPI", "Acme Draft", this.globex.name());
		assertThat(MatrixPage.read(this.organizer.get(matrixPath("")).body()).cellsBySystem())
			.containsOnlyKeys("Acme EHR", "Globex MPI");
	}

	@Test
	void shouldShowThePublicOnlyTheResultsAsPublished() {
		publishedSystem(this.alice, this.event, "Acme EHR", "IPS:CREATOR");
		String publicMatrix = "/public/events/" + this.event.id() + "/results";
		assertThat(this.fixtures.anonymous().get(publicMatrix).status()).isEqualTo(404);
		assertThat(this.admin.post("/api/events/" + this.event.id() + "/results/publication", Map.of()).status())
			.isEqualTo(200);

		override("Acme EHR", "CREATOR", null, "WITHDRAWN");
		publishedSystem(this.bob, this.event, "Globex MPI", "IPS:CREATOR");
		Response draft = this.alice.post("/api/events/" + this.event.id() + "/systems",
				Map.of("name", "Acme Draft", "version", "1.0", "status", "DRAFT"));
		register(this.alice, draft.json().path("id").asLong(), Map.of("profile", "IPS", "actor", "CREATOR"));

		Response page = this.fixtures.anonymous().get(publicMatrix);
		assertThat(page.status()).isEqualTo(200);
		MatrixPage published = MatrixPage.read(page.body());
		assertThat(published.cellsBySystem()).containsOnlyKeys("Acme EHR");
		assertThat(published.cell("Acme EHR", "IPS:CREATOR:no option")).isEqualTo("R");
		assertThat(page.body()).doesNotContain("Globex MPI", "Acme Draft", "/history");
		assertThat(this.fixtures.anonymous().get(publicMatrix + "?profile=PDQm").body())
			.contains("No result matches this filter");
		assertThat(this.fixtures.anonymous().get(publicMatrix + "/list").body()).contains("Acme EHR")
			.doesNotContain("Globex MPI");
		assertThat(MatrixPage.read(this.organizer.get(matrixPath("")).body()).cell("Acme EHR", "IPS:CREATOR:no option"))
			.as("the organizers' matrix is live")
			.isEqualTo("W");

		this.admin.post("/api/events/" + this.event.id() + "/results/publication/withdrawal",
				Map.of("reason", "A verdict was wrong"));
		assertThat(this.fixtures.anonymous().get(publicMatrix).status()).isEqualTo(404);
		assertThat(this.fixtures.anonymous().get(publicMatrix + "/list").status()).isEqualTo(404);
	}

	@Test
	void shouldSayAPublicationWithoutRegistrationsHoldsNone() {
		assertThat(this.admin.post("/api/events/" + this.event.id() + "/results/publication", Map.of()).status())
			.isEqualTo(200);

		Response page = this.fixtures.anonymous().get("/public/events/" + this.event.id() + "/results");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("The published results hold no registration.")
			.doesNotContain("id=\"results-matrix\"");
	}

	private void register(ApiClient client, long system, Map<String, String> registration) {
		Response registered = client.post("/api/systems/" + system + "/registrations", List.of(registration));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
	}

	private void override(String system, String actor, String option, String grade) {
		long registration = this.admin.get("/api/events/" + this.event.id() + "/results")
			.json()
			.valueStream()
			.filter((row) -> row.path("systemName").asString().equals(system)
					&& row.path("actorKeyword").asString().equals(actor)
					&& ((option == null) ? row.path("optionKeyword").isNull()
							: option.equals(row.path("optionKeyword").asString())))
			.findFirst()
			.orElseThrow()
			.path("registrationId")
			.asLong();
		Response overridden = this.admin.put(
				"/api/events/" + this.event.id() + "/results/" + registration + "/override",
				Map.of("grade", grade, "reason", "Set by the test"));
		assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
	}

	private String matrixPath(String rest) {
		return "/events/" + this.event.id() + "/results" + rest;
	}

}
