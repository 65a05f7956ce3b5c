package org.connectathon.platform.evidence;

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
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestPlanIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.participants;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

/**
 * The evidence list of an event, filtered, sorted and paged, on the API and its page, and
 * what each reader finds in it.
 */
@PlatformIntegrationTest
class EvidenceListIntegrationTests {

	/** A peer-to-peer PDQm test and a no-peer IPS test. */
	static final String PLAN = """
			tests:
			  - keyword: PDQM-QUERY
			    name: A consumer finds the patient
			    type: PEER_TO_PEER
			    roles:
			      - { keyword: CONSUMER, actor: "PDQm:CONSUMER" }
			      - { keyword: SUPPLIER, actor: "PDQm:SUPPLIER" }
			    steps:
			      - { initiator: CONSUMER, responder: SUPPLIER, transaction: "PDQm:ITI-78" }
			  - keyword: IPS-VALIDATION
			    name: An IPS document validates
			    type: NO_PEER
			    roles:
			      - { keyword: CREATOR, actor: "IPS:CREATOR" }
			    steps:
			      - { initiator: CREATOR, transaction: "IPS:IPS-SUBMIT" }
			""";

	private static final String BOUNDARY = "evidence-list-boundary";

	@Autowired
	Fixtures fixtures;

	Event event;

	ApiClient admin;

	ApiClient acme;

	ApiClient globex;

	ApiClient initech;

	Organization globexOrganization;

	User initechUser;

	long queryTest;

	long query;

	long validation;

	long comment;

	long capture;

	long report;

	@BeforeEach
	void aQueryWithACommentAndACaptureAndAValidationWithAReport() {
		this.event = this.fixtures.openEvent();
		this.admin = this.fixtures.admin();
		this.acme = this.fixtures.participantOf(this.fixtures.organization());
		this.globexOrganization = this.fixtures.organization();
		this.globex = this.fixtures.participantOf(this.globexOrganization);
		this.initechUser = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		this.initech = this.fixtures.apiAs(this.initechUser);
		Response imported = this.admin.postText("/api/events/" + this.event.id() + "/test-plan", PLAN,
				"application/yaml");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		this.queryTest = testId("PDQM-QUERY");
		long consumer = atTable(publishedSystem(this.acme, this.event, "Acme Viewer", "PDQm:CONSUMER"), "A1");
		long supplier = atTable(publishedSystem(this.globex, this.event, "Globex MPI", "PDQm:SUPPLIER"), "B12");
		long creator = atTable(publishedSystem(this.initech, this.event, "Initech Creator", "IPS:CREATOR"), "C7");
		this.query = start(this.acme, this.queryTest, participants("CONSUMER", consumer, "SUPPLIER", supplier));
		this.validation = start(this.initech, testId("IPS-VALIDATION"), participants("CREATOR", creator));

		Response commented = this.acme.post("/api/test-instances/" + this.query + "/evidence",
				Map.of("kind", "COMMENT", "text", "Patient found by name"));
		assertThat(commented.status()).as(commented.toString()).isEqualTo(201);
		this.comment = commented.json().path("id").asLong();
		this.capture = upload(this.globex, this.query, "search-bundle.json", "CAPTURED_EXCHANGE", "The search");
		this.report = upload(this.initech, this.validation, "ips-bundle.json", "VALIDATION_REPORT", "Validator output");
		Response handedOver = this.acme.post("/api/test-instances/" + this.query + "/status",
				Map.of("status", "TO_BE_VERIFIED", "reason", "Done"));
		assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(200);
	}

	@Test
	void shouldFilterByTextKindStatusProfileOrganizationAndTable() {
		assertThat(ids("")).containsExactly(this.report, this.capture, this.comment);
		assertThat(ids("text=IPS-BUNDLE")).as("a file name").containsExactly(this.report);
		assertThat(ids("text=found+by")).as("a comment").containsExactly(this.comment);
		assertThat(ids("text=validator")).as("a file's description").containsExactly(this.report);
		assertThat(ids("text=pdqm-query")).as("the test's keyword").containsExactly(this.capture, this.comment);
		assertThat(ids("text=finds+the")).as("the test's name").containsExactly(this.capture, this.comment);
		assertThat(ids("text=_")).as("a wildcard typed is a character like another").isEmpty();
		assertThat(ids("type=captured_exchange")).containsExactly(this.capture);
		assertThat(ids("type=COMMENT")).containsExactly(this.comment);
		assertThat(ids("status=to-be-verified")).containsExactly(this.capture, this.comment);
		assertThat(ids("status=RUNNING")).containsExactly(this.report);
		assertThat(ids("profile=ips")).containsExactly(this.report);
		assertThat(ids("organization=" + this.globexOrganization.id())).containsExactly(this.capture, this.comment);
		assertThat(ids("table=c")).containsExactly(this.report);
		assertThat(ids("table=B1")).containsExactly(this.capture, this.comment);
		assertThat(ids("status=TO_BE_VERIFIED&profile=PDQm&type=comment&table=a")).containsExactly(this.comment);

		JsonNode listed = this.admin.get(listPath() + "?type=VALIDATION_REPORT").json().get(0);
		assertThat(listed.path("testInstanceId").asLong()).isEqualTo(this.validation);
		assertThat(listed.path("testKeyword").asString()).isEqualTo("IPS-VALIDATION");
		assertThat(listed.path("instanceStatus").asString()).isEqualTo("RUNNING");
		assertThat(listed.path("fileName").asString()).isEqualTo("ips-bundle.json");
		assertThat(listed.has("content")).as("content is fetched on its own").isFalse();
	}

	@Test
	void shouldSortByEachColumnEitherWayAndPage() {
		assertThat(ids("sort=id")).containsExactly(this.comment, this.capture, this.report);
		assertThat(ids("sort=test")).containsExactly(this.report, this.capture, this.comment);
		assertThat(ids("sort=-kind")).containsExactly(this.report, this.comment, this.capture);
		assertThat(ids("sort=kind")).containsExactly(this.capture, this.comment, this.report);
		assertThat(ids("sort=name")).as("a comment has no file name: last either way")
			.containsExactly(this.report, this.capture, this.comment);
		assertThat(ids("sort=-name")).containsExactly(this.capture, this.report, this.comment);
		assertThat(ids("sort=status")).containsExactly(this.report, this.capture, this.comment);
		assertThat(ids("sort=-instance")).containsExactly(this.report, this.capture, this.comment);
		assertThat(ids("sort=added")).first().isEqualTo(this.comment);

		Response second = this.admin.get(listPath() + "?sort=id&size=2&page=1");
		assertThat(second.headers().firstValue("X-Total-Count")).hasValue("3");
		assertThat(second.json().size()).isOne();
		assertThat(second.json().get(0).path("id").asLong()).isEqualTo(this.report);
		Response past = this.admin.get(listPath() + "?size=2&page=9");
		assertThat(past.status()).isEqualTo(200);
		assertThat(past.json().size()).isZero();
	}

	@Test
	void shouldShowEachReaderOnlyTheEvidenceOfTheInstancesItTakesPartInOrMonitors() {
		assertThat(ids(this.initech, "")).containsExactly(this.report);
		assertThat(ids(this.acme, "")).containsExactly(this.capture, this.comment);
		assertThat(ids(this.globex, "sort=id")).containsExactly(this.comment, this.capture);
		assertThat(ids(this.initech, "organization=" + this.globexOrganization.id()))
			.as("filtering by another organization does not reach its evidence")
			.isEmpty();
		Response initechTotal = this.initech.get(listPath() + "?text=pdqm");
		assertThat(initechTotal.headers().firstValue("X-Total-Count")).as("nor does the count tell it").hasValue("0");
		ApiClient outsider = this.fixtures.participantOf(this.fixtures.organization());
		assertThat(ids(outsider, "")).isEmpty();

		User monitorUser = this.fixtures.user(Role.MONITOR, null);
		Response assigned = this.admin.put("/api/tests/" + this.queryTest + "/monitors", List.of(monitorUser.id()));
		assertThat(assigned.status()).as(assigned.toString()).isIn(200, 204);
		assertThat(ids(this.fixtures.apiAs(monitorUser), "")).containsExactly(this.capture, this.comment);
		assertThat(ids(this.fixtures.apiAs(this.fixtures.user(Role.MONITOR, null)), ""))
			.as("a monitor of no test of the event")
			.isEmpty();

		PageClient initechPages = PageClient.signedIn(this.fixtures.port(), this.initechUser.username());
		HttpResponse<String> page = initechPages.get("/events/" + this.event.id() + "/evidence");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("href=\"/evidence/" + this.report + "/content\"", "ips-bundle.json")
			.doesNotContain("href=\"/evidence/" + this.capture + "/content\"", "search-bundle.json",
					"Patient found by name");
	}

	@Test
	void shouldRefuseValuesItCannotReadNamingTheAllowedOnes() {
		Response refused = this.admin.get(listPath() + "?type=PHOTO&status=DONE&profile=XDS&sort=size");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asString()).isEqualTo("The evidence filters are not valid.");
		assertThat(refused.json().path("problems").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
				"type: expected one of COMMENT, LINK, FILE, TEST_REPORT, VALIDATION_REPORT, CAPTURED_EXCHANGE,"
						+ " found 'PHOTO'",
				"status: expected one of RUNNING, PAUSED, TO_BE_VERIFIED, VERIFIED, PARTIALLY_VERIFIED, FAILED,"
						+ " ABORTED, found 'DONE'",
				"profile: expected one of " + String.join(", ", this.event.profiles()) + ", found 'XDS'",
				"sort: expected one of id, instance, test, status, kind, name, added, each after a '-' for"
						+ " descending order, found 'size'");
		assertThat(this.admin.get(listPath() + "?organization=acme").json().path("problems").get(0).asString())
			.isEqualTo("organization: expected an organization's id, found 'acme'");
		assertThat(this.admin.get(listPath() + "?size=1001").status()).isEqualTo(400);
		assertThat(this.admin.get(listPath() + "?page=-1").status()).isEqualTo(400);

		Event draft = this.fixtures.event(EventStatus.DRAFT, OffsetDateTime.now(ZoneOffset.UTC).plusMonths(1));
		assertThat(this.initech.get("/api/events/" + draft.id() + "/evidence?type=BOGUS").status())
			.as("the event is checked before the filters, which would tell it exists")
			.isEqualTo(404);
		assertThat(PageClient.signedIn(this.fixtures.port(), this.initechUser.username())
			.get("/events/" + draft.id() + "/evidence")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void shouldKeepTheFiltersInTheAddressOfThePageItsSortLinksAndItsPages() {
		PageClient pages = PageClient.signedIn(this.fixtures.port(), this.fixtures.user(Role.ADMIN, null).username());
		String path = "/events/" + this.event.id() + "/evidence";

		assertThat(pages.get("/events/" + this.event.id()).body()).contains("href=\"" + path + "\"");
		HttpResponse<String> page = pages.get(path + "?type=CAPTURED_EXCHANGE&status=TO_BE_VERIFIED&sort=-added");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("href=\"/evidence/" + this.capture + "/content\"", "search-bundle.json",
					"href=\"/test-instances/" + this.query + "\"", "PDQM-QUERY")
			.doesNotContain("Patient found by name", "ips-bundle.json")
			.contains("<option value=\"CAPTURED_EXCHANGE\" selected=\"selected\">",
					"<option value=\"TO_BE_VERIFIED\" selected=\"selected\">",
					"href=\"" + path + "?status=TO_BE_VERIFIED&amp;type=CAPTURED_EXCHANGE&amp;sort=added\"",
					"aria-sort=\"descending\"");

		HttpResponse<String> refused = pages.get(path + "?type=PHOTO");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"type-error\"", "found &#39;PHOTO&#39;")
			.doesNotContain("search-bundle.json");
	}

	private List<Long> ids(String query) {
		return ids(this.admin, query);
	}

	private List<Long> ids(ApiClient client, String query) {
		Response listed = client.get(listPath() + "?" + query);
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		return listed.json().valueStream().map((evidence) -> evidence.path("id").asLong()).toList();
	}

	private String listPath() {
		return "/api/events/" + this.event.id() + "/evidence";
	}

	private long testId(String keyword) {
		return TestPlanIntegrationTests
			.test(this.admin.get("/api/events/" + this.event.id() + "/tests").json(), keyword)
			.path("id")
			.asLong();
	}

	private long atTable(long system, String table) {
		Response assigned = this.admin.put("/api/systems/" + system + "/table-location",
				Map.of("tableLocation", table));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		return system;
	}

	private static long start(ApiClient client, long test, Map<String, Object> participants) {
		Response started = client.post("/api/tests/" + test + "/instances", participants);
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	private static long upload(ApiClient client, long instance, String fileName, String kind, String text) {
		String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
				+ BOUNDARY + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text + "\r\n--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/json\r\n\r\n{\"resourceType\":\"Bundle\"}\r\n--" + BOUNDARY
				+ "--\r\n";
		Response uploaded = client.postText("/api/test-instances/" + instance + "/evidence", body,
				"multipart/form-data; boundary=" + BOUNDARY);
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		return uploaded.json().path("id").asLong();
	}

}
