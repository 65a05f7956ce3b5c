package org.connectathon.platform.web;

import java.net.http.HttpResponse;
import java.util.List;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.monitoring.MonitoringService;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page numbers a person may type into an address, on every paged list: a page past the
 * end is empty, a page below 0 or not a number is refused with a reason, and the page
 * size is the server's whatever {@code size} asks.
 */
@PlatformIntegrationTest
class PageBoundsIntegrationTests {

	static final String PLAN = """
			tests:
			  - keyword: IPS-VALIDATION
			    name: The IPS document validates
			    type: NO_PEER
			    roles:
			      - { keyword: CREATOR, actor: "IPS:CREATOR" }
			    steps:
			      - { initiator: CREATOR, transaction: "IPS:IPS-SUBMIT" }
			""";

	@Autowired
	Fixtures fixtures;

	Event event;

	ApiClient monitor;

	PageClient monitorPages;

	PageClient organizerPages;

	@BeforeEach
	void anEventWithAMonitorAndOneInstanceWaiting() {
		this.event = this.fixtures.openEvent();
		ApiClient admin = this.fixtures.admin();
		long test = TestingFixtures.importedTest(admin, this.event, PLAN, "IPS-VALIDATION").path("id").asLong();
		User monitorUser = this.fixtures.user(Role.MONITOR, null);
		admin.put("/api/tests/" + test + "/monitors", List.of(monitorUser.id()));
		this.monitor = this.fixtures.apiAs(monitorUser);
		ApiClient alice = this.fixtures.participantOf(this.fixtures.organization());
		long system = TestingFixtures.publishedSystem(alice, this.event, "Acme Summary", "IPS:CREATOR");
		Response started = alice.post("/api/tests/" + test + "/instances",
				TestingFixtures.participants("CREATOR", system));
		alice.post("/api/test-instances/" + started.json().path("id").asLong() + "/status",
				java.util.Map.of("status", "TO_BE_VERIFIED"));
		this.monitorPages = PageClient.signedIn(this.fixtures.port(), monitorUser.username());
		this.organizerPages = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.ADMIN, null).username());
	}

	@Test
	void shouldAnswerAnEmptyWorklistPagePastTheEndOfTheApi() {
		Response last = this.monitor.get(worklist() + "?page=2147483647");

		assertThat(last.status()).as(last.toString()).isEqualTo(200);
		assertThat(last.json().size()).isZero();
		assertThat(this.monitor.get(worklist()).json().size()).isEqualTo(1);
	}

	@Test
	void shouldRefuseANegativeOrNonNumericPageOfTheWorklistApi() {
		Response negative = this.monitor.get(worklist() + "?page=-1");
		Response tooLarge = this.monitor.get(worklist() + "?page=99999999999");

		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.contentType()).startsWith("application/problem+json");
		assertThat(negative.json().path("detail").asString()).isEqualTo("Pages are numbered from 0.");
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.contentType()).startsWith("application/problem+json");
	}

	@Test
	void shouldKeepTheWorklistApisPageSizeWhateverSizeAsks() {
		Response answer = this.monitor.get(worklist() + "?size=100000");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().size()).isLessThanOrEqualTo(MonitoringService.WORKLIST_PAGE_SIZE);
	}

	@Test
	void shouldShowAnEmptyPagePastTheEndOfTheWorklistAndTheResults() {
		HttpResponse<String> worklist = this.monitorPages.get(page("worklist") + "?page=2147483647");
		HttpResponse<String> results = this.organizerPages.get(page("results/list") + "?page=2147483647");

		assertThat(worklist.statusCode()).isEqualTo(200);
		assertThat(worklist.body()).doesNotContain("Acme Summary").contains("worklist-previous");
		assertThat(results.statusCode()).isEqualTo(200);
		assertThat(results.body()).doesNotContain("Acme Summary")
			.contains("results-previous", "href=\"/events/" + this.event.id() + "/results/list?page=0\"");
	}

	@Test
	void shouldRefuseANegativeOrNonNumericPageOfTheWorklistAndTheResultsPages() {
		for (String path : List.of(page("worklist"), page("results/list"))) {
			PageClient pages = path.endsWith("worklist") ? this.monitorPages : this.organizerPages;
			for (String number : List.of("-1", "99999999999", "first")) {
				HttpResponse<String> refused = pages.get(path + "?page=" + number);
				assertThat(refused.statusCode()).as(path + "?page=" + number).isEqualTo(400);
				assertThat(refused.body()).as(path + "?page=" + number)
					.contains("<li>page: ", number)
					.doesNotContain("flash success");
			}
		}
	}

	@Test
	void shouldKeepThePagesSizeWhateverSizeAsks() {
		HttpResponse<String> worklist = this.monitorPages.get(page("worklist") + "?size=100000");
		HttpResponse<String> results = this.organizerPages.get(page("results/list") + "?size=100000");

		assertThat(worklist.statusCode()).isEqualTo(200);
		assertThat(worklist.body()).contains("Acme Summary");
		assertThat(results.statusCode()).isEqualTo(200);
		assertThat(results.body()).contains("Acme Summary");
	}

	private String worklist() {
		return "/api/events/" + this.event.id() + "/worklist";
	}

	private String page(String list) {
		return "/events/" + this.event.id() + "/" + list;
	}

}
