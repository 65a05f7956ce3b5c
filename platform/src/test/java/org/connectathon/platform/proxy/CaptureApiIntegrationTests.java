package org.connectathon.platform.proxy;

import java.util.List;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The captures in the JSON API: who sees which (organizers all; a participant those of
 * its organization's systems; a monitor those of the instances it may verify and the
 * unattached ones), the filters, paging and its bounds, the detail with its bodies, and
 * bad input refused with problem JSON.
 */
@PlatformIntegrationTest
class CaptureApiIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRepository captures;

	@Autowired
	JdbcClient jdbc;

	CaptureViewerFixtures recorded;

	ApiClient initech;

	@BeforeEach
	void capturesBetweenThreeOrganizations() {
		this.recorded = new CaptureViewerFixtures(this.fixtures, this.captures, this.jdbc);
		this.initech = this.fixtures.apiAs(this.recorded.initechUser);
	}

	@Test
	void shouldShowOrganizersEveryCaptureOfTheEventNewestFirst() {
		JsonNode page = eventCaptures(this.recorded.pdqmQuery.admin(), "");

		assertThat(ids(page)).containsExactly(this.recorded.initechFailed.id(), this.recorded.initechToGlobex.id(),
				this.recorded.acmeToGlobex.id());
		assertThat(page.path("total").asInt()).isEqualTo(3);
		assertThat(page.path("page").asInt()).isZero();
		assertThat(page.path("size").asInt()).isEqualTo(50);
		assertThat(page.has("droppedOnThisNode")).isTrue();
		assertThat(page.path("droppedOnThisNode").asLong()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void shouldShowParticipantsOnlyTheCapturesOfTheirOrganizationsSystems() {
		assertThat(ids(eventCaptures(this.recorded.pdqmQuery.acme(), "")))
			.containsExactly(this.recorded.acmeToGlobex.id());
		assertThat(ids(eventCaptures(this.recorded.pdqmQuery.globex(), "")))
			.containsExactly(this.recorded.initechToGlobex.id(), this.recorded.acmeToGlobex.id());
		assertThat(ids(eventCaptures(this.initech, ""))).containsExactly(this.recorded.initechFailed.id(),
				this.recorded.initechToGlobex.id());
		ApiClient bystander = this.fixtures.participantOf(this.fixtures.organization());
		assertThat(eventCaptures(bystander, "").path("total").asInt()).isZero();
	}

	@Test
	void shouldAnswerNotFoundForAnotherOrganizationsCaptureAsForAnUnknownOne() {
		ApiClient acme = this.recorded.pdqmQuery.acme();
		long initechCapture = this.recorded.initechToGlobex.id();

		Response detail = acme.get("/api/captures/" + initechCapture);
		Response har = acme.get("/api/captures/" + initechCapture + "/har");
		Response unknown = acme.get("/api/captures/" + Long.MAX_VALUE);

		assertThat(detail.status()).isEqualTo(404);
		assertThat(detail.contentType()).startsWith("application/problem+json");
		assertThat(har.status()).isEqualTo(404);
		assertThat(detail.json().path("detail").asString()).isEqualTo("Capture " + initechCapture + " does not exist.");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(acme.get("/api/captures/" + this.recorded.acmeToGlobex.id()).status()).isEqualTo(200);
	}

	@Test
	void shouldShowMonitorsTheCapturesOfTheInstancesTheyMayVerifyAndTheUnattachedOnes() {
		User assigned = this.fixtures.user(Role.MONITOR, null);
		this.recorded.pdqmQuery.monitoredBy(assigned.id());
		ApiClient unassigned = this.fixtures.apiAs(this.fixtures.user(Role.MONITOR, null));

		assertThat(ids(eventCaptures(this.fixtures.apiAs(assigned), ""))).containsExactly(
				this.recorded.initechFailed.id(), this.recorded.initechToGlobex.id(), this.recorded.acmeToGlobex.id());
		assertThat(ids(eventCaptures(unassigned, ""))).containsExactly(this.recorded.initechFailed.id(),
				this.recorded.initechToGlobex.id());
		assertThat(unassigned.get("/api/captures/" + this.recorded.acmeToGlobex.id()).status()).isEqualTo(404);
	}

	@Test
	void shouldApplyEveryFilterTogether() {
		ApiClient admin = this.recorded.pdqmQuery.admin();

		assertThat(ids(eventCaptures(admin, "status=404"))).containsExactly(this.recorded.initechToGlobex.id());
		assertThat(ids(eventCaptures(admin, "status=failed"))).containsExactly(this.recorded.initechFailed.id());
		assertThat(ids(eventCaptures(admin, "system=" + this.recorded.pdqmQuery.consumer())))
			.containsExactly(this.recorded.acmeToGlobex.id());
		assertThat(ids(eventCaptures(admin, "validation=invalid"))).containsExactly(this.recorded.acmeToGlobex.id());
		assertThat(ids(eventCaptures(admin, "resourceType=Observation")))
			.containsExactly(this.recorded.initechFailed.id());
		assertThat(ids(eventCaptures(admin, "from=2026-12-07T12:01:00Z&to=2026-12-07T12:02:00Z")))
			.containsExactly(this.recorded.initechToGlobex.id());
		assertThat(ids(eventCaptures(admin, "from=2026-12-07T13:01:00%2B01:00")))
			.containsExactly(this.recorded.initechFailed.id(), this.recorded.initechToGlobex.id());
		assertThat(
				ids(eventCaptures(admin, "system=" + this.recorded.initechClient + "&status=404&validation=PENDING")))
			.containsExactly(this.recorded.initechToGlobex.id());
	}

	@Test
	void shouldPageNewestFirstAndFindAnEmptyPagePastTheEnd() {
		ApiClient admin = this.recorded.pdqmQuery.admin();

		JsonNode first = eventCaptures(admin, "size=2");
		JsonNode second = eventCaptures(admin, "size=2&page=1");
		JsonNode past = eventCaptures(admin, "size=2&page=7");

		assertThat(ids(first)).containsExactly(this.recorded.initechFailed.id(), this.recorded.initechToGlobex.id());
		assertThat(ids(second)).containsExactly(this.recorded.acmeToGlobex.id());
		assertThat(first.path("total").asInt()).isEqualTo(3);
		assertThat(ids(past)).isEmpty();
		assertThat(eventCaptures(admin, "size=100").path("size").asInt()).isEqualTo(100);
	}

	@Test
	void shouldRefuseBadPagingAndFiltersWithProblemJsonNamingEachValue() {
		ApiClient admin = this.recorded.pdqmQuery.admin();
		String captures = "/api/events/" + this.recorded.event() + "/captures?";

		assertRefused(admin.get(captures + "page=-1"), "page: -1");
		assertRefused(admin.get(captures + "size=10000"), "size: expected 1 to 100, found 10000");
		assertRefused(admin.get(captures + "size=0"), "size: expected 1 to 100, found 0");
		assertRefused(admin.get(captures + "validation=BOGUS"),
				"validation: expected one of PENDING, VALID, INVALID, SKIPPED, FAILED, found 'BOGUS'");
		assertRefused(admin.get(captures + "from=yesterday"),
				"from: expected an ISO date-time such as 2026-12-07T09:30:00Z, found 'yesterday'");
		assertRefused(admin.get(captures + "to=2026-02-30T10:00:00Z"),
				"to: expected an ISO date-time such as 2026-12-07T09:30:00Z, found '2026-02-30T10:00:00Z'");
		assertRefused(admin.get(captures + "status=teapot"),
				"status: expected an HTTP status from 100 to 599 or 'failed', found 'teapot'");
		assertRefused(admin.get(captures + "status=999"),
				"status: expected an HTTP status from 100 to 599 or 'failed', found '999'");
		assertRefused(admin.get(captures + "system=acme"), "system: expected a system's id, found 'acme'");
		assertRefused(admin.get(captures + "resourceType=Patient;drop"),
				"resourceType: expected a FHIR resource type such as Patient, found 'Patient;drop'");
		assertRefused(admin.get(captures + "from=2026-12-07T12:00:00Z&to=2026-12-07T11:00:00Z"),
				"to: expected a time after from (2026-12-07T12:00Z), found 2026-12-07T11:00Z");
		Response bothWrong = admin.get(captures + "validation=x&status=x");
		assertThat(bothWrong.json().path("problems").size()).isEqualTo(2);
		assertThat(admin.get(captures + "page=first").status()).isEqualTo(400);
		assertRefused(admin.get("/api/test-instances/" + this.recorded.instance + "/captures?size=101"),
				"size: expected 1 to 100, found 101");
	}

	@Test
	void shouldListTheCapturesAttachedToAnInstance() {
		String path = "/api/test-instances/" + this.recorded.instance + "/captures";

		assertThat(ids(this.recorded.pdqmQuery.admin().get(path).json()))
			.containsExactly(this.recorded.acmeToGlobex.id());
		assertThat(ids(this.recorded.pdqmQuery.acme().get(path).json()))
			.containsExactly(this.recorded.acmeToGlobex.id());
		assertThat(ids(this.initech.get(path).json())).isEmpty();
		assertThat(this.initech.get("/api/test-instances/" + Long.MAX_VALUE + "/captures").status()).isEqualTo(404);
	}

	@Test
	void shouldGiveACaptureWithItsMessagesTextualBodiesAsTextAndItsValidationIssues() {
		JsonNode capture = this.recorded.pdqmQuery.acme()
			.get("/api/captures/" + this.recorded.acmeToGlobex.id())
			.json();

		assertThat(capture.path("capture").path("url").asString()).isEqualTo("/Patient/1?_format=json");
		assertThat(capture.path("senderSystemName").asString()).isEqualTo("Acme Viewer");
		assertThat(capture.path("receiverSystemName").asString()).isEqualTo("Globex MPI");
		assertThat(capture.path("request").path("headers").findValuesAsString("value"))
			.containsExactly("application/fhir+json", "***");
		assertThat(capture.path("response").path("bodyText").asString()).isEqualTo(CaptureViewerFixtures.PATIENT);
		assertThat(capture.path("response").path("bodyBase64").isNull()).isTrue();
		assertThat(capture.path("validationIssues").get(0).path("location").asString()).isEqualTo("Patient.birthDate");
		assertThat(capture.path("validationIssues").get(0).path("side").asString()).isEqualTo("RESPONSE");
	}

	@Test
	void shouldDescribeTheCaptureRoutesInTheOpenApiDocument() {
		JsonNode paths = this.fixtures.anonymous().get("/api/openapi.json").json().path("paths");

		assertThat(paths.propertyNames()).contains("/api/events/{eventId}/captures",
				"/api/test-instances/{id}/captures", "/api/captures/{id}", "/api/captures/{id}/har",
				"/api/test-instances/{id}/captures/har");
		assertThat(
				paths.path("/api/events/{eventId}/captures").path("get").path("parameters").findValuesAsString("name"))
			.contains("system", "status", "from", "to", "resourceType", "validation", "page", "size");
	}

	private JsonNode eventCaptures(ApiClient client, String query) {
		Response response = client.get("/api/events/" + this.recorded.event() + "/captures?" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<Long> ids(JsonNode page) {
		return page.path("items").valueStream().map((capture) -> capture.path("id").asLong()).toList();
	}

	private static void assertRefused(Response response, String problem) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("problems").findValuesAsString("problems")).isEmpty();
		assertThat(response.json().path("problems").valueStream().map(JsonNode::asString)).contains(problem);
	}

}
