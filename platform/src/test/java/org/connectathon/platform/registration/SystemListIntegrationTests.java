package org.connectathon.platform.registration;

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
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

/**
 * The systems list of an event, filtered, sorted and paged, on the API and its page, with
 * what a participant may see left as it was.
 */
@PlatformIntegrationTest
class SystemListIntegrationTests {

	@Autowired
	Fixtures fixtures;

	Event event;

	ApiClient admin;

	ApiClient acme;

	ApiClient globex;

	Organization acmeOrganization;

	Organization globexOrganization;

	String organizerName;

	@BeforeEach
	void twoOrganizationsWithSystemsAtTables() {
		this.event = this.fixtures.openEvent();
		var organizer = this.fixtures.user(Role.ADMIN, null);
		this.organizerName = organizer.username();
		this.admin = this.fixtures.apiAs(organizer);
		this.acmeOrganization = this.fixtures.organization();
		this.globexOrganization = this.fixtures.organization();
		this.acme = this.fixtures.participantOf(this.acmeOrganization);
		this.globex = this.fixtures.participantOf(this.globexOrganization);
		atTable(publishedSystem(this.acme, this.event, "Acme Viewer", "PDQm:CONSUMER"), "A1");
		draftSystem(this.acme, "Acme Secret Creator", "IPS:CREATOR");
		atTable(publishedSystem(this.globex, this.event, "Globex MPI", "PDQm:SUPPLIER"), "B12");
		atTable(publishedSystem(this.globex, this.event, "Globex Repository", "IPS:REPOSITORY"), "b3");
	}

	@Test
	void shouldFilterByTextStatusProfileOrganizationAndTable() {
		assertThat(names(this.admin, "text=VIEW")).containsExactly("Acme Viewer");
		assertThat(names(this.admin, "text=" + encoded(this.globexOrganization.name()))).containsExactly("Globex MPI",
				"Globex Repository");
		assertThat(names(this.admin, "status=draft")).containsExactly("Acme Secret Creator");
		assertThat(names(this.admin, "status=PUBLISHED")).hasSize(3).doesNotContain("Acme Secret Creator");
		assertThat(names(this.admin, "profile=ips")).containsExactlyInAnyOrder("Acme Secret Creator",
				"Globex Repository");
		assertThat(names(this.admin, "organization=" + this.acmeOrganization.id()))
			.containsExactly("Acme Secret Creator", "Acme Viewer");
		assertThat(names(this.admin, "table=B")).containsExactly("Globex MPI", "Globex Repository");
		assertThat(names(this.admin, "table=b1")).containsExactly("Globex MPI");
		assertThat(names(this.admin, "table=%25")).as("a wildcard typed is a character like another").isEmpty();
		assertThat(names(this.admin, "profile=PDQm&organization=" + this.globexOrganization.id() + "&text=mpi"))
			.containsExactly("Globex MPI");
	}

	@Test
	void shouldSortByEachColumnEitherWayAndPage() {
		assertThat(names(this.admin, "sort=name")).containsExactly("Acme Secret Creator", "Acme Viewer", "Globex MPI",
				"Globex Repository");
		assertThat(names(this.admin, "sort=-name")).containsExactly("Globex Repository", "Globex MPI", "Acme Viewer",
				"Acme Secret Creator");
		assertThat(names(this.admin, "sort=table")).as("no table yet comes last")
			.containsExactly("Acme Viewer", "Globex MPI", "Globex Repository", "Acme Secret Creator");
		assertThat(names(this.admin, "sort=-table")).containsExactly("Globex Repository", "Globex MPI", "Acme Viewer",
				"Acme Secret Creator");
		assertThat(names(this.admin, "sort=-status")).first().isEqualTo("Acme Viewer");
		boolean globexLast = this.globexOrganization.name().compareToIgnoreCase(this.acmeOrganization.name()) > 0;
		assertThat(names(this.admin, "sort=-organization").get(0)).startsWith(globexLast ? "Globex" : "Acme");

		Response secondPage = list(this.admin, "sort=name&size=3&page=1");
		assertThat(secondPage.headers().firstValue("X-Total-Count")).hasValue("4");
		assertThat(secondPage.json().findValuesAsString("name")).containsExactly("Globex Repository");
	}

	@Test
	void shouldRefuseValuesItCannotReadNamingTheAllowedOnes() {
		Response refused = list(this.admin,
				"status=ARCHIVED&profile=XDS&organization=acme&sort=colour&type=GROUP&table=" + "x".repeat(101));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asString()).isEqualTo("The system filters are not valid.");
		assertThat(refused.json().path("problems").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
				"type: the system list has no such filter; it has organization, profile, status, table, text",
				"status: expected one of DRAFT, PUBLISHED, found 'ARCHIVED'",
				"profile: expected one of " + String.join(", ", this.event.profiles()) + ", found 'XDS'",
				"organization: expected an organization's id, found 'acme'",
				"table: expected at most 100 characters, found 101",
				"sort: expected one of organization, name, table, status, each after a '-' for descending order,"
						+ " found 'colour'");
		assertThat(list(this.admin, "size=0").status()).isEqualTo(400);
		assertThat(list(this.admin, "size=1001").json().path("problems").get(0).asString())
			.isEqualTo("size: expected 1 to 1000, found 1001");
		assertThat(list(this.admin, "page=-1").status()).isEqualTo(400);
		assertThat(this.admin.get("/api/events/" + Long.MAX_VALUE + "/systems?status=DRAFT").status()).isEqualTo(404);
	}

	@Test
	void shouldNotLetFiltersRevealAnotherOrganizationsDrafts() {
		assertThat(names(this.globex, "status=DRAFT")).isEmpty();
		assertThat(list(this.globex, "status=DRAFT").headers().firstValue("X-Total-Count")).hasValue("0");
		assertThat(names(this.globex, "organization=" + this.acmeOrganization.id())).containsExactly("Acme Viewer");
		assertThat(names(this.globex, "text=secret")).isEmpty();
		assertThat(names(this.globex, "profile=IPS")).containsExactly("Globex Repository");
		assertThat(names(this.globex, "sort=-name")).containsExactly("Globex Repository", "Globex MPI", "Acme Viewer");
		assertThat(names(this.acme, "status=DRAFT")).containsExactly("Acme Secret Creator");
		HttpResponse<String> page = globexPage().get(systemsPath() + "?status=DRAFT");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("Acme Secret Creator");
	}

	@Test
	void shouldKeepTheFiltersInTheAddressOfThePageItsSortLinksAndItsPages() {
		PageClient organizer = PageClient.signedIn(this.fixtures.port(), this.organizerName);

		HttpResponse<String> page = organizer.get(systemsPath() + "?text=globex&table=B&sort=-name");

		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("name=\"text\" value=\"globex\"", "name=\"table\" value=\"B\"",
				"type=\"hidden\" name=\"sort\" value=\"-name\"");
		assertThat(body.indexOf(">Globex Repository<")).isLessThan(body.indexOf(">Globex MPI<"));
		assertThat(body).doesNotContain(">Acme Viewer<");
		assertThat(body).contains("href=\"" + systemsPath() + "?text=globex&amp;table=B&amp;sort=name\"",
				"href=\"" + systemsPath() + "?text=globex&amp;table=B&amp;sort=table\"", "aria-sort=\"descending\"");

		HttpResponse<String> refused = organizer.get(systemsPath() + "?status=ARCHIVED&sort=colour");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body())
			.contains("id=\"status-error\"", "expected one of DRAFT, PUBLISHED, found &#39;ARCHIVED&#39;",
					"found &#39;colour&#39;")
			.doesNotContain(">Globex MPI<");
	}

	@Test
	void shouldLinkEachPageOfALongListWithItsFilters() {
		for (int index = 0; index < 51; index++) {
			publishedSystem(this.globex, this.event, String.format("Globex Node %02d", index), "PDQm:SUPPLIER");
		}
		PageClient organizer = PageClient.signedIn(this.fixtures.port(), this.organizerName);

		String first = organizer.get(systemsPath() + "?text=node&sort=name").body();
		String second = organizer.get(systemsPath() + "?text=node&sort=name&page=1").body();

		assertThat(first)
			.contains(">Globex Node 49<", "href=\"" + systemsPath() + "?text=node&amp;sort=name&amp;page=1\"")
			.doesNotContain(">Globex Node 50<");
		assertThat(second).contains(">Globex Node 50<").doesNotContain(">Globex Node 49<", ">Globex MPI<");
	}

	private PageClient globexPage() {
		return PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.globexOrganization).username());
	}

	private String systemsPath() {
		return "/events/" + this.event.id() + "/systems";
	}

	private List<String> names(ApiClient client, String query) {
		Response listed = list(client, query);
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		return listed.json().findValuesAsString("name");
	}

	private Response list(ApiClient client, String query) {
		return client.get("/api/events/" + this.event.id() + "/systems?" + query);
	}

	private void atTable(long system, String table) {
		Response assigned = this.admin.put("/api/systems/" + system + "/table-location",
				Map.of("tableLocation", table));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
	}

	private void draftSystem(ApiClient client, String name, String actor) {
		Response created = client.post("/api/events/" + this.event.id() + "/systems",
				Map.of("name", name, "version", "1.0", "status", "DRAFT"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String[] keywords = actor.split(":");
		Response registered = client.post("/api/systems/" + created.json().path("id").asLong() + "/registrations",
				List.of(Map.of("profile", keywords[0], "actor", keywords[1])));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
