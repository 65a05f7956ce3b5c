package org.connectathon.platform.testing;

import java.net.http.HttpResponse;
import java.util.List;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The test list of an event, filtered and sorted, on the API and its page. */
@PlatformIntegrationTest
class TestListIntegrationTests {

	@Autowired
	Fixtures fixtures;

	Event event;

	ApiClient participant;

	User participantUser;

	@BeforeEach
	void aPeerToPeerAndANoPeerTest() {
		this.event = this.fixtures.openEvent();
		ApiClient admin = this.fixtures.admin();
		Response imported = admin.postText("/api/events/" + this.event.id() + "/test-plan",
				TestInstanceListIntegrationTests.PLAN, "application/yaml");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		this.participantUser = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		this.participant = this.fixtures.apiAs(this.participantUser);
	}

	@Test
	void shouldFilterByTextTypeAndProfile() {
		assertThat(keywords("")).containsExactly("IPS-VALIDATION", "PDQM-QUERY");
		assertThat(keywords("text=query")).containsExactly("PDQM-QUERY");
		assertThat(keywords("text=DOCUMENT+VALIDATES")).as("the name").containsExactly("IPS-VALIDATION");
		assertThat(keywords("type=no-peer")).containsExactly("IPS-VALIDATION");
		assertThat(keywords("type=PEER_TO_PEER")).containsExactly("PDQM-QUERY");
		assertThat(keywords("type=GROUP")).isEmpty();
		assertThat(keywords("profile=pdqm")).containsExactly("PDQM-QUERY");
		assertThat(keywords("profile=IPS&type=NO_PEER&text=ips")).containsExactly("IPS-VALIDATION");
		JsonNode filtered = this.participant.get(listPath() + "?profile=PDQm").json();
		assertThat(filtered.get(0).path("roles").size()).as("a filtered test keeps all its roles").isEqualTo(2);
		assertThat(filtered.get(0).path("steps").size()).isEqualTo(1);
	}

	@Test
	void shouldSortByEachColumnEitherWay() {
		assertThat(keywords("sort=-keyword")).containsExactly("PDQM-QUERY", "IPS-VALIDATION");
		assertThat(keywords("sort=name")).containsExactly("PDQM-QUERY", "IPS-VALIDATION");
		assertThat(keywords("sort=-name")).containsExactly("IPS-VALIDATION", "PDQM-QUERY");
		assertThat(keywords("sort=type")).containsExactly("IPS-VALIDATION", "PDQM-QUERY");
		assertThat(keywords("sort=-type")).containsExactly("PDQM-QUERY", "IPS-VALIDATION");
	}

	@Test
	void shouldRefuseValuesItCannotReadNamingTheAllowedOnes() {
		Response refused = this.participant
			.get(listPath() + "?type=SOLO&status=RUNNING&organization=1&table=A&sort=date");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("problems").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder(
				"status: the test list has no such filter; it has profile, text, type",
				"organization: the test list has no such filter; it has profile, text, type",
				"table: the test list has no such filter; it has profile, text, type",
				"type: expected one of NO_PEER, PEER_TO_PEER, GROUP, found 'SOLO'",
				"sort: expected one of keyword, name, type, each after a '-' for descending order, found 'date'");
		assertThat(this.participant.get("/api/events/" + Long.MAX_VALUE + "/tests?type=GROUP").status()).isEqualTo(404);
	}

	@Test
	void shouldKeepTheFiltersInTheAddressOfThePageAndItsSortLinks() {
		PageClient pages = PageClient.signedIn(this.fixtures.port(), this.participantUser.username());
		String path = "/events/" + this.event.id() + "/tests";

		HttpResponse<String> page = pages.get(path + "?text=i&sort=-name");

		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("name=\"text\" value=\"i\"", "href=\"" + path + "?text=i&amp;sort=name\"",
				"href=\"" + path + "?text=i&amp;sort=type\"");
		assertThat(body.indexOf(">IPS-VALIDATION<")).isPositive().isLessThan(body.indexOf(">PDQM-QUERY<"));

		HttpResponse<String> refused = pages.get(path + "?type=SOLO");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"type-error\"", "found &#39;SOLO&#39;").doesNotContain(">PDQM-QUERY<");
	}

	private List<String> keywords(String query) {
		Response listed = this.participant.get(listPath() + "?" + query);
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		return listed.json().valueStream().map((test) -> test.path("keyword").asString()).toList();
	}

	private String listPath() {
		return "/api/events/" + this.event.id() + "/tests";
	}

}
