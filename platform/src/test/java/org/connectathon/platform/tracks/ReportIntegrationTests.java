package org.connectathon.platform.tracks;

import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.tracks.TrackFixtures.SeededTrack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A track's report-out, as JSON and as Markdown, and the event's list of report-outs. */
@PlatformIntegrationTest
class ReportIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldReportParticipantsResultCountsFindingsAndFeedbackAsJsonAndMarkdown() {
		TrackFixtures tracks = new TrackFixtures(this.context);
		User leadUser = this.fixtures.user(Role.TRACK_LEAD, null);
		SeededTrack track = tracks.track(leadUser);
		ApiClient acme = this.fixtures.participantOf(this.fixtures.organization());
		ApiClient globex = this.fixtures.participantOf(this.fixtures.organization());
		long client = TrackFixtures.system(acme, track.event(), "Acme App");
		long server = TrackFixtures.system(globex, track.event(), "Globex Server");
		TrackFixtures.signUp(acme, track.trackId(), client, "client", null);
		TrackFixtures.signUp(globex, track.trackId(), server, "server", tracks.referenceServer());
		String results = "/api/tracks/" + track.trackId() + "/scenario-results";
		acme.post(results, Map.of("scenario", "scenario-1", "clientSystemId", client, "serverSystemId", server,
				"result", "PASS", "links", List.of()));
		acme.post(results,
				Map.of("scenario", "scenario-2", "clientSystemId", client, "serverSystemId", server, "result", "FAIL",
						"comment", "Searching by name | family finds nothing", "links",
						List.of("https://jira.hl7.org/browse/FHIR-1")));
		acme.post("/api/tracks/" + track.trackId() + "/feedback", Map.of("scenario", "scenario-2", "type", "ERROR",
				"summary", "Name search is unclear", "description", "Which parts of the name?"));
		long setAside = acme
			.post("/api/tracks/" + track.trackId() + "/feedback", Map.of("scenario", "scenario-1", "type", "QUESTION",
					"summary", "About our server", "description", "x"))
			.json()
			.path("id")
			.asLong();
		this.fixtures.apiAs(leadUser)
			.put("/api/tracks/" + track.trackId() + "/feedback/" + setAside + "/triage",
					Map.of("triage", "NOT_A_SPECIFICATION_ISSUE"));

		Response json = acme.get("/api/tracks/" + track.trackId() + "/report?format=json");
		assertThat(json.status()).as(json.toString()).isEqualTo(200);
		JsonNode report = json.json();
		assertThat(report.path("leads").get(0).asString()).isNotBlank();
		assertThat(report.path("participants").get(0).path("roleKeyword").asString()).isEqualTo("client");
		assertThat(report.path("participants").get(0).path("systems").get(0).asString()).startsWith("Acme App");
		assertThat(report.path("scenarios").get(1).path("counts").path("FAIL").asInt()).isOne();
		assertThat(report.path("counts").path("PASS").asInt()).isOne();
		assertThat(report.path("findings").size()).isOne();
		assertThat(report.path("findings").get(0).path("result").asString()).isEqualTo("FAIL");
		assertThat(report.path("feedback").valueStream().map((comment) -> comment.path("summary").asString()))
			.containsExactly("Name search is unclear");

		Response markdown = acme.get("/api/tracks/" + track.trackId() + "/report?format=markdown");
		assertThat(markdown.status()).isEqualTo(200);
		assertThat(markdown.contentType()).startsWith("text/markdown");
		assertThat(markdown.body()).startsWith("# Patient track")
			.contains("## Participants", "| Patient client | Acme App", "## Scenarios",
					"| scenario-1: Read a patient by id | 1 | 1 | 0 | 0 | 0 |",
					"| **All scenarios** | 2 | 1 | 1 | 0 | 0 |", "Searching by name \\| family finds nothing",
					"<https://jira.hl7.org/browse/FHIR-1>", "- ERROR: Name search is unclear - not triaged yet")
			.doesNotContain("About our server");

		Response event = acme.get("/api/events/" + track.event().id() + "/track-reports");
		assertThat(event.json().path("tracks").get(0).path("trackId").asLong()).isEqualTo(track.trackId());
		assertThat(event.json().path("countsBySpecification").path("hl7.fhir.us.core#6.1.0").path("FAIL").asInt())
			.isOne();
	}

	@Test
	void shouldRefuseAnUnknownFormatAndAnUnknownTrack() {
		SeededTrack track = new TrackFixtures(this.context).track(this.fixtures.user(Role.TRACK_LEAD, null));
		ApiClient acme = this.fixtures.participantOf(this.fixtures.organization());

		Response xml = acme.get("/api/tracks/" + track.trackId() + "/report?format=xml");
		assertThat(xml.status()).isEqualTo(400);
		assertThat(xml.json().path("detail").asString()).isEqualTo("The format is json or markdown, not xml.");
		assertThat(acme.get("/api/tracks/999999999/report").status()).isEqualTo(404);
		assertThat(this.fixtures.anonymous().get("/api/tracks/" + track.trackId() + "/report").status()).isEqualTo(401);
	}

}
