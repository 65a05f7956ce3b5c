package org.connectathon.platform.testing;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.participants;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

/**
 * The test instance list of an event, filtered, sorted and paged, on the API and its
 * page.
 */
@PlatformIntegrationTest
class TestInstanceListIntegrationTests {

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

	@Autowired
	Fixtures fixtures;

	Event event;

	ApiClient admin;

	ApiClient acme;

	ApiClient initech;

	Organization globexOrganization;

	Organization initechOrganization;

	User initechUser;

	long firstQuery;

	long handedOverQuery;

	long validation;

	@BeforeEach
	void twoQueriesOneHandedOverAndAValidation() {
		this.event = this.fixtures.openEvent();
		this.admin = this.fixtures.admin();
		this.acme = this.fixtures.participantOf(this.fixtures.organization());
		this.globexOrganization = this.fixtures.organization();
		ApiClient globex = this.fixtures.participantOf(this.globexOrganization);
		this.initechOrganization = this.fixtures.organization();
		this.initechUser = this.fixtures.user(Role.PARTICIPANT, this.initechOrganization);
		this.initech = this.fixtures.apiAs(this.initechUser);
		Response imported = this.admin.postText("/api/events/" + this.event.id() + "/test-plan", PLAN,
				"application/yaml");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		long query = testId("PDQM-QUERY");
		long consumer = atTable(publishedSystem(this.acme, this.event, "Acme Viewer", "PDQm:CONSUMER"), "A1");
		long supplier = atTable(publishedSystem(globex, this.event, "Globex MPI", "PDQm:SUPPLIER"), "B12");
		long creator = atTable(publishedSystem(this.initech, this.event, "Initech Creator", "IPS:CREATOR"), "C7");
		this.firstQuery = start(this.acme, query, participants("CONSUMER", consumer, "SUPPLIER", supplier));
		this.handedOverQuery = start(this.acme, query, participants("CONSUMER", consumer, "SUPPLIER", supplier));
		this.validation = start(this.initech, testId("IPS-VALIDATION"), participants("CREATOR", creator));
		Response handedOver = this.acme.post("/api/test-instances/" + this.handedOverQuery + "/status",
				Map.of("status", "TO_BE_VERIFIED", "reason", "Done"));
		assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(200);
	}

	@Test
	void shouldFilterByTextStatusProfileOrganizationAndTable() {
		assertThat(ids("")).containsExactly(this.validation, this.handedOverQuery, this.firstQuery);
		assertThat(ids("text=ips-val")).containsExactly(this.validation);
		assertThat(ids("text=FINDS+THE")).as("the test's name").containsExactly(this.handedOverQuery, this.firstQuery);
		assertThat(ids("text=globex")).as("a system's name").containsExactly(this.handedOverQuery, this.firstQuery);
		assertThat(ids("text=" + URLEncoder.encode(this.initechOrganization.name(), StandardCharsets.UTF_8)))
			.as("an organization's name")
			.containsExactly(this.validation);
		assertThat(ids("text=_")).as("a wildcard typed is a character like another").isEmpty();
		assertThat(ids("status=to_be_verified")).containsExactly(this.handedOverQuery);
		assertThat(ids("status=RUNNING")).containsExactly(this.validation, this.firstQuery);
		assertThat(ids("profile=ips")).containsExactly(this.validation);
		assertThat(ids("profile=PDQm")).containsExactly(this.handedOverQuery, this.firstQuery);
		assertThat(ids("organization=" + this.globexOrganization.id())).containsExactly(this.handedOverQuery,
				this.firstQuery);
		assertThat(ids("table=c")).containsExactly(this.validation);
		assertThat(ids("table=B1")).containsExactly(this.handedOverQuery, this.firstQuery);
		assertThat(ids("status=RUNNING&profile=PDQm&table=a")).containsExactly(this.firstQuery);
		assertThat(ids(this.initech, "mine=true&status=running")).containsExactly(this.validation);
	}

	@Test
	void shouldSortByEachColumnEitherWayAndPage() {
		assertThat(ids("sort=id")).containsExactly(this.firstQuery, this.handedOverQuery, this.validation);
		assertThat(ids("sort=test")).containsExactly(this.validation, this.handedOverQuery, this.firstQuery);
		assertThat(ids("sort=-test")).containsExactly(this.handedOverQuery, this.firstQuery, this.validation);
		assertThat(ids("sort=-status")).containsExactly(this.handedOverQuery, this.validation, this.firstQuery);
		assertThat(ids("sort=started")).containsExactly(this.firstQuery, this.handedOverQuery, this.validation);
		assertThat(ids("sort=-changed")).first().isEqualTo(this.handedOverQuery);

		Response second = this.admin.get(listPath() + "?sort=id&size=2&page=1");
		assertThat(second.headers().firstValue("X-Total-Count")).hasValue("3");
		assertThat(second.json().get(0).path("id").asLong()).isEqualTo(this.validation);
		assertThat(second.json().size()).isOne();
		Response past = this.admin.get(listPath() + "?size=2&page=7");
		assertThat(past.status()).isEqualTo(200);
		assertThat(past.json().size()).isZero();
	}

	@Test
	void shouldRefuseValuesItCannotReadNamingTheAllowedOnes() {
		Response refused = this.admin.get(listPath() + "?status=DONE&profile=XDS&type=GROUP&sort=priority");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asString()).isEqualTo("The test instance filters are not valid.");
		assertThat(refused.json().path("problems").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
				"type: the test instance list has no such filter; it has organization, profile, status, table, text",
				"status: expected one of RUNNING, PAUSED, TO_BE_VERIFIED, VERIFIED, PARTIALLY_VERIFIED, FAILED,"
						+ " ABORTED, found 'DONE'",
				"profile: expected one of " + String.join(", ", this.event.profiles()) + ", found 'XDS'",
				"sort: expected one of id, test, status, started, changed, each after a '-' for descending order,"
						+ " found 'priority'");
		assertThat(this.admin.get(listPath() + "?organization=1.5").json().path("problems").get(0).asString())
			.isEqualTo("organization: expected an organization's id, found '1.5'");
		assertThat(this.admin.get(listPath() + "?size=1001").status()).isEqualTo(400);
		assertThat(this.admin.get(listPath() + "?mine=maybe").status()).isEqualTo(400);
	}

	@Test
	void shouldNotLetFiltersReachAnEventTheUserMayNotSee() {
		Event draft = this.fixtures.event(EventStatus.DRAFT, OffsetDateTime.now(ZoneOffset.UTC).plusMonths(1));

		Response hidden = this.initech.get("/api/events/" + draft.id() + "/test-instances?status=RUNNING&sort=test");

		assertThat(hidden.status()).isEqualTo(404);
		assertThat(this.initech.get("/api/events/" + draft.id() + "/test-instances?status=BOGUS").status())
			.as("the event is checked before the filters, which would tell it exists")
			.isEqualTo(404);
		PageClient initechPages = PageClient.signedIn(this.fixtures.port(), this.initechUser.username());
		assertThat(initechPages.get("/events/" + draft.id() + "/test-instances?status=RUNNING").statusCode())
			.isEqualTo(404);
	}

	@Test
	void shouldKeepTheFiltersInTheAddressOfThePageItsSortLinksAndItsPages() {
		PageClient pages = PageClient.signedIn(this.fixtures.port(), this.initechUser.username());
		String path = "/events/" + this.event.id() + "/test-instances";

		HttpResponse<String> page = pages.get(path + "?mine=true&status=RUNNING&profile=IPS&sort=-test");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("href=\"/test-instances/" + this.validation + "\"")
			.doesNotContain("href=\"/test-instances/" + this.firstQuery + "\"")
			.contains("<option value=\"RUNNING\" selected=\"selected\">",
					"<option value=\"IPS\" selected=\"selected\">", "name=\"mine\" value=\"true\"",
					"href=\"" + path + "?mine=true&amp;status=RUNNING&amp;profile=IPS&amp;sort=test\"",
					"aria-sort=\"descending\"");

		HttpResponse<String> refused = pages.get(path + "?status=DONE");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"status-error\"", "found &#39;DONE&#39;")
			.doesNotContain("href=\"/test-instances/" + this.validation + "\"");
	}

	private List<Long> ids(String query) {
		return ids(this.admin, query);
	}

	private List<Long> ids(ApiClient client, String query) {
		Response listed = client.get(listPath() + "?" + query);
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		return listed.json().valueStream().map((instance) -> instance.path("id").asLong()).toList();
	}

	private String listPath() {
		return "/api/events/" + this.event.id() + "/test-instances";
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

}
