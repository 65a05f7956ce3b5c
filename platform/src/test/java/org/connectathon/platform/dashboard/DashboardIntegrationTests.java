package org.connectathon.platform.dashboard;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

@PlatformIntegrationTest
class DashboardIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	BusyEvent busy;

	@BeforeEach
	void anEventUnderWay() {
		this.busy = BusyEvent.start(this.fixtures);
	}

	@Test
	void shouldCountTheWholeEventForAnOrganizer() {
		JsonNode figures = this.busy.admin().get(this.busy.dashboardPath()).json();

		assertThat(figures.path("organizationId").isNull()).isTrue();
		assertThat(figures.path("instances").asLong()).isEqualTo(3);
		assertThat(count(figures, "RUNNING")).isEqualTo(1);
		assertThat(count(figures, "TO_BE_VERIFIED")).isEqualTo(1);
		assertThat(count(figures, "VERIFIED")).isEqualTo(1);
		assertThat(count(figures, "ABORTED")).as("every status, with zeros").isZero();
		assertThat(figures.path("instancesByStatus").size()).isEqualTo(7);
		JsonNode activity = figures.path("activity");
		assertThat(activity.findValues("started").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(3);
		assertThat(activity.findValues("handedOver").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(2);
		assertThat(activity.findValues("verified").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(1);
		JsonNode queue = figures.path("monitorQueue");
		assertThat(queue.path("waiting").asLong()).isEqualTo(1);
		assertThat(queue.path("claimed").asLong()).isZero();
		assertThat(queue.path("waitingUnder15Minutes").asLong()).isEqualTo(1);
		assertThat(queue.path("oldestInstanceId").asLong()).isEqualTo(this.busy.waiting());
		assertThat(queue.path("oldestTestKeyword").asString()).isEqualTo("PDQM-QUERY");
		JsonNode supplier = actor(figures, "PDQm", "SUPPLIER");
		assertThat(supplier.path("pass").asLong()).as("Globex MPI passed with its one verified instance").isEqualTo(1);
		assertThat(actor(figures, "MHD", "DOCUMENT_SOURCE").path("notGraded").asLong()).isEqualTo(1);
		assertThat(figures.path("systemsWithoutPartner").size()).isEqualTo(1);
		JsonNode lonely = figures.path("systemsWithoutPartner").get(0);
		assertThat(lonely.path("systemId").asLong()).isEqualTo(this.busy.publisher());
		assertThat(lonely.path("testKeyword").asString()).isEqualTo("MHD-PUBLISH");
		assertThat(lonely.path("missingRoleKeyword").asString()).isEqualTo("RECIPIENT");
		assertThat(figures.path("slowestTests").findValuesAsString("testKeyword"))
			.containsExactlyInAnyOrder("PDQM-QUERY", "IPS-VALIDATION");
	}

	@Test
	void shouldPutTheTestWhoseOpenInstanceWaitedLongestFirstAndBandTheQueueByWaitingTime() {
		this.jdbc.sql("update test_instances set status_changed_at = :since where id = :id")
			.param("since", OffsetDateTime.now().minusHours(2))
			.param("id", this.busy.waiting())
			.update();

		JsonNode figures = this.busy.admin().get(this.busy.dashboardPath()).json();

		assertThat(figures.path("slowestTests").get(0).path("testKeyword").asString()).isEqualTo("PDQM-QUERY");
		assertThat(figures.path("slowestTests").get(0).path("openInstances").asLong()).isEqualTo(1);
		assertThat(figures.path("slowestTests").get(0).path("verified").asLong()).isEqualTo(1);
		assertThat(figures.path("monitorQueue").path("waiting1To4Hours").asLong()).isEqualTo(1);
		assertThat(figures.path("monitorQueue").path("waitingUnder15Minutes").asLong()).isZero();
	}

	@Test
	void shouldShowAParticipantOnlyItsOrganizationsFigures() {
		JsonNode acme = this.busy.alice().get(this.busy.dashboardPath()).json();
		JsonNode initech = this.busy.carol().get(this.busy.dashboardPath()).json();

		assertThat(acme.path("organizationId").asLong()).isEqualTo(this.busy.acme().id());
		assertThat(acme.path("instances").asLong()).isEqualTo(2);
		assertThat(count(acme, "RUNNING")).as("Initech's running validation").isZero();
		assertThat(acme.path("grades").findValuesAsString("profileKeyword")).containsExactly("PDQm");
		assertThat(acme.path("grades").findValuesAsString("actorKeyword")).containsExactly("CONSUMER");
		assertThat(acme.path("systemsWithoutPartner").size()).as("Initech's lonely publisher").isZero();
		assertThat(acme.path("slowestTests").findValuesAsString("testKeyword")).containsExactly("PDQM-QUERY");
		assertThat(initech.path("instances").asLong()).isEqualTo(1);
		assertThat(initech.path("monitorQueue").path("waiting").asLong()).as("Acme's waiting query").isZero();
		assertThat(initech.path("systemsWithoutPartner").size()).isEqualTo(1);

		String page = PageClient
			.signedIn(this.fixtures.port(), this.fixtures.user(Role.PARTICIPANT, this.busy.acme()).username())
			.get("/events/" + this.busy.event().id() + "/dashboard")
			.body();
		assertThat(page).contains("Figures of your organization only", "PDQm:CONSUMER")
			.doesNotContain("Initech", "IPS:CREATOR", "MHD:DOCUMENT_SOURCE", "PDQm:SUPPLIER");
	}

	@Test
	void shouldShowTheOrganizerThePageWithEveryFigureLinkedFromTheEventPage() {
		PageClient organizer = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.ADMIN, null).username());
		String eventPage = organizer.get("/events/" + this.busy.event().id()).body();
		HttpResponse<String> dashboard = organizer.get("/events/" + this.busy.event().id() + "/dashboard");

		assertThat(eventPage).contains("/events/" + this.busy.event().id() + "/dashboard");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Figures of the whole event", "id=\"instances-by-status\"",
				"data-chart=\"pie\"", "/webjars/echarts/", "/js/dashboard.js", "Initech Publisher", "MHD-PUBLISH",
				"PDQm:SUPPLIER", "IPS:CREATOR", "sse-connect=\"/events/" + this.busy.event().id() + "/updates\"");
		assertThat(organizer.get("/js/dashboard.js").statusCode()).isEqualTo(200);
		assertThat(organizer.get("/webjars/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldShowNothingToAnonymousVisitors() {
		Response api = this.fixtures.anonymous().get(this.busy.dashboardPath());
		HttpResponse<String> page = PageClient.signedOut(this.fixtures.port())
			.get("/events/" + this.busy.event().id() + "/dashboard");

		assertThat(api.status()).isEqualTo(401);
		assertThat(api.contentType()).startsWith("application/problem+json");
		assertThat(api.body()).doesNotContain("PDQM-QUERY");
		assertThat(page.statusCode()).as("sent to sign in").isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	@Test
	void shouldAnswerAProblemForAnUnknownEventOrOneTheUserCannotSee() {
		Event draft = this.fixtures.event(EventStatus.DRAFT, OffsetDateTime.now().plusMonths(1));
		ApiClient alice = this.busy.alice();

		Response unknown = alice.get("/api/events/" + Long.MAX_VALUE + "/dashboard");
		Response notANumber = alice.get("/api/events/first/dashboard");
		Response hidden = alice.get("/api/events/" + draft.id() + "/dashboard");

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.json().path("detail").asString()).contains("Event");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.contentType()).startsWith("application/problem+json");
		assertThat(hidden.status()).as("a draft event, for a participant").isEqualTo(404);
		assertThat(this.busy.admin().get("/api/events/" + draft.id() + "/dashboard").status()).isEqualTo(200);
		HttpResponse<String> page = PageClient
			.signedIn(this.fixtures.port(), this.fixtures.user(Role.PARTICIPANT, this.busy.acme()).username())
			.get("/events/" + Long.MAX_VALUE + "/dashboard");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<main").doesNotContain("Exception");
	}

	@Test
	void shouldNameNoSystemWithoutPartnerOnceAnotherOrganizationCanPlayThePartnerRole() {
		publishedSystem(this.fixtures.participantOf(this.busy.initech()), this.busy.event(), "Initech Repository",
				"MHD:DOCUMENT_RECIPIENT");
		assertThat(this.busy.admin().get(this.busy.dashboardPath()).json().path("systemsWithoutPartner").size())
			.as("a recipient of the same organization is no partner")
			.isEqualTo(2);

		publishedSystem(this.busy.bob(), this.busy.event(), "Globex Repository", "MHD:DOCUMENT_RECIPIENT");

		JsonNode lonely = this.busy.admin().get(this.busy.dashboardPath()).json().path("systemsWithoutPartner");
		assertThat(lonely.findValuesAsString("systemName")).as("no other organization's source for Initech's")
			.containsExactly("Initech Repository");
	}

	@Test
	void shouldBeInTheOpenApiDocument() {
		assertThat(this.fixtures.anonymous().get("/api/openapi.json").body())
			.contains("/api/events/{eventId}/dashboard");
	}

	private static long count(JsonNode figures, String status) {
		return figures.path("instancesByStatus")
			.valueStream()
			.filter((count) -> count.path("status").asString().equals(status))
			.findFirst()
			.orElseThrow()
			.path("instances")
			.asLong();
	}

	private static JsonNode actor(JsonNode figures, String profile, String actor) {
		return figures.path("grades")
			.valueStream()
			.filter((row) -> row.path("profileKeyword").asString().equals(profile)
					&& row.path("actorKeyword").asString().equals(actor))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no grades for " + profile + ":" + actor));
	}

}
