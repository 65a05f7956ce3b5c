package org.connectathon.platform.proxy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PageClient.ServerSentEvent;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capture pages as participants read them: the event's list with only their
 * organization's captures, its filters refusing what they cannot read, the detail with
 * the validation issue under the line it concerns, the instance's list with its HAR
 * download, the live stream that tells the lists of a new capture, and another
 * organization's capture not found.
 */
@PlatformIntegrationTest
class CapturePagesIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRepository captures;

	@Autowired
	CaptureRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	CaptureViewerFixtures recorded;

	PageClient acme;

	PageClient initech;

	@BeforeEach
	void capturesBetweenThreeOrganizations() {
		this.recorded = new CaptureViewerFixtures(this.fixtures, this.captures, this.jdbc);
		this.acme = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.recorded.pdqmQuery.acmeOrganization()).username());
		this.initech = PageClient.signedIn(this.fixtures.port(), this.recorded.initechUser.username());
	}

	@Test
	void shouldListOnlyTheCapturesOfTheParticipantsOrganizationLiveAndLinkedFromTheEvent() {
		HttpResponse<String> list = this.initech.get("/events/" + this.recorded.event() + "/captures");

		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"capture-" + this.recorded.initechFailed.id() + "\"",
				"id=\"capture-" + this.recorded.initechToGlobex.id() + "\"", "Initech Client → Globex MPI",
				"failed 502", "sse-connect=\"/events/" + this.recorded.event() + "/captures/updates\"");
		assertThat(list.body()).doesNotContain("id=\"capture-" + this.recorded.acmeToGlobex.id() + "\"");
		assertThat(this.initech.get("/events/" + this.recorded.event()).body()).contains("id=\"event-captures\"");
	}

	@Test
	void shouldFilterTheListAndKeepTheFiltersWhenItReadsItselfAgain() {
		HttpResponse<String> filtered = this.initech
			.get("/events/" + this.recorded.event() + "/captures?status=failed&resourceType=Observation");

		assertThat(filtered.body()).contains("id=\"capture-" + this.recorded.initechFailed.id() + "\"");
		assertThat(filtered.body()).doesNotContain("id=\"capture-" + this.recorded.initechToGlobex.id() + "\"");
		Matcher liveList = Pattern.compile("hx-get=\"(/events/" + this.recorded.event() + "/captures\\?[^\"]*)\"")
			.matcher(filtered.body());
		assertThat(liveList.find()).isTrue();
		assertThat(liveList.group(1)).contains("status=failed", "resourceType=Observation", "page=0");
	}

	@Test
	void shouldShowFiltersItCannotReadBesideTheirFields() {
		HttpResponse<String> refused = this.initech
			.get("/events/" + this.recorded.event() + "/captures?validation=BOGUS&from=yesterday");

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"validation-error\"", "id=\"from-error\"",
				"expected an ISO date-time such as 2026-12-07T09:30:00Z, found &#39;yesterday&#39;",
				"id=\"captures-empty\"");
	}

	@Test
	void shouldFindAnEmptyPagePastTheEndAndRefuseAPageBelowZero() {
		String list = "/events/" + this.recorded.event() + "/captures";

		HttpResponse<String> past = this.initech.get(list + "?page=9&size=1000");
		HttpResponse<String> below = this.initech.get(list + "?page=-1");
		HttpResponse<String> instanceBelow = this.acme
			.get("/test-instances/" + this.recorded.instance + "/captures?page=-1");

		assertThat(past.body()).contains("id=\"captures-empty\"", "page 10 of 1 (2 in all)");
		assertThat(below.body()).contains("Pages are numbered from 0.");
		assertThat(instanceBelow.statusCode()).isEqualTo(400);
		assertThat(instanceBelow.body()).contains("Pages are numbered from 0.");
	}

	@Test
	void shouldShowACaptureWithItsHeadersAndTheIssueUnderTheLineItConcerns() {
		HttpResponse<String> detail = this.acme.get("/captures/" + this.recorded.acmeToGlobex.id());

		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("id=\"request-headers\"", "<th>Authorization</th><td><code>***</code>",
				"Acme Viewer → Globex MPI", "3 ms until the upstream answered, 5 ms in all",
				"href=\"/captures/" + this.recorded.acmeToGlobex.id() + "/har\"");
		// Indented, the birth date is on a line of its own, and the issue right under it.
		assertThat(Pattern
			.compile("<span id=\"response-line-(\\d+)\" class=\"line error\"><span class=\"number\">\\1</span>"
					+ "<span>  &quot;birthDate&quot; : &quot;1974-13-25&quot;</span>\\s*</span>"
					+ "<span class=\"line-issue error\">error: Not a valid date: 1974-13-25 Patient.birthDate</span>")
			.matcher(detail.body())
			.find()).as(detail.body()).isTrue();
	}

	@Test
	void shouldNotFindAnotherOrganizationsCaptureNorItsHar() {
		long initechCapture = this.recorded.initechToGlobex.id();

		assertThat(this.acme.get("/captures/" + initechCapture).statusCode()).isEqualTo(404);
		assertThat(this.acme.get("/captures/" + initechCapture + "/har").statusCode()).isEqualTo(404);
		assertThat(this.initech.get("/captures/" + initechCapture).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldListAnInstancesCapturesWithItsHarDownloadLinkedFromTheInstance() {
		String path = "/test-instances/" + this.recorded.instance + "/captures";

		HttpResponse<String> list = this.acme.get(path);
		HttpResponse<String> har = this.acme.get(path + "/har");

		assertThat(list.body()).contains("id=\"capture-" + this.recorded.acmeToGlobex.id() + "\"",
				"href=\"" + path + "/har\"", "instance " + this.recorded.instance + ", step 1");
		assertThat(har.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).contains("test-instance-" + this.recorded.instance));
		assertThat(har.body()).contains("\"version\":\"1.2\"");
		assertThat(this.acme.get("/test-instances/" + this.recorded.instance).body()).contains("href=\"" + path + "\"");
	}

	@Test
	void shouldShowASystemsCapturesOnItsPage() {
		HttpResponse<String> system = this.initech.get("/systems/" + this.recorded.initechClient);

		assertThat(system.body()).contains("id=\"system-captures\"",
				"hx-get=\"/events/" + this.recorded.event() + "/captures?system=" + this.recorded.initechClient + "\"");
	}

	@Test
	void shouldTellTheOpenListsOfEachNewBatchOfCaptures() throws InterruptedException {
		BlockingQueue<ServerSentEvent> updates = this.initech
			.serverSentEvents("/events/" + this.recorded.event() + "/captures/updates");
		assertThat(updates.poll(10, TimeUnit.SECONDS)).extracting(ServerSentEvent::name).isEqualTo("subscribed");

		this.recorder.record(CaptureViewerFixtures.read(this.recorded.event(), this.recorded.initechClient, null,
				CaptureViewerFixtures.NOON.plusHours(1), 201, "{}", false));

		ServerSentEvent changed = updates.poll(10, TimeUnit.SECONDS);
		assertThat(changed).isNotNull();
		assertThat(changed.name()).isEqualTo("changed");
		assertThat(this.initech.get("/events/" + this.recorded.event() + "/captures?status=201").body())
			.contains("Initech Client → unknown system");
		assertThat(List.of(this.initech.get("/events/" + Long.MAX_VALUE + "/captures/updates").statusCode()))
			.containsExactly(404);
	}

}
