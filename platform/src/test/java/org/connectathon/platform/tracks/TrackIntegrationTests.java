package org.connectathon.platform.tracks;

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

import static org.assertj.core.api.Assertions.assertThat;

/** An event's tracks over the API, and their leads alone editing them. */
@PlatformIntegrationTest
class TrackIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldListTheEventsTracksAndLetOnlyTheirLeadsEditThem() {
		User leadUser = this.fixtures.user(Role.TRACK_LEAD, null);
		SeededTrack track = new TrackFixtures(this.context).track(leadUser);
		ApiClient acme = this.fixtures.participantOf(this.fixtures.organization());

		Response tracks = acme.get("/api/events/" + track.event().id() + "/tracks");
		assertThat(tracks.json().valueStream().map((found) -> found.path("id").asLong()))
			.containsExactly(track.trackId());
		assertThat(tracks.json().get(0).path("roles").size()).isEqualTo(2);
		assertThat(tracks.json().get(0).path("scenarios").get(0).path("keyword").asString()).isEqualTo("scenario-1");

		Map<String, String> change = Map.of("description", "Read, search and page patients", "chatLink",
				"https://chat.fhir.org/#narrow/stream/patient-track");
		assertThat(acme.put("/api/tracks/" + track.trackId(), change).status()).isEqualTo(403);
		assertThat(this.fixtures.apiAs(this.fixtures.user(Role.TRACK_LEAD, null))
			.put("/api/tracks/" + track.trackId(), change)
			.status()).isEqualTo(403);
		Response badLink = this.fixtures.apiAs(leadUser)
			.put("/api/tracks/" + track.trackId(), Map.of("chatLink", "not a link"));
		assertThat(badLink.status()).isEqualTo(400);
		assertThat(acme.get("/api/tracks/" + track.trackId()).json().path("description").asString())
			.isEqualTo("Read and search patients");

		Response edited = this.fixtures.apiAs(leadUser).put("/api/tracks/" + track.trackId(), change);
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().path("chatLink").asString())
			.isEqualTo("https://chat.fhir.org/#narrow/stream/patient-track");
		assertThat(acme.get("/api/events/999999999/tracks").status()).isEqualTo(404);
	}

	@Test
	void shouldDescribeTheTracksApiInTheOpenApiDocument() {
		Response document = this.fixtures.anonymous().get("/api/openapi.json");

		assertThat(document.json().path("paths").propertyNames()).contains("/api/events/{eventId}/tracks",
				"/api/tracks/{trackId}", "/api/tracks/{trackId}/sign-ups", "/api/tracks/{trackId}/sign-ups/{signUpId}",
				"/api/tracks/{trackId}/sign-ups/{signUpId}/capability-statement", "/api/events/{eventId}/track-servers",
				"/api/tracks/{trackId}/scenario-results", "/api/tracks/{trackId}/scenario-results/matrix",
				"/api/tracks/{trackId}/feedback", "/api/tracks/{trackId}/feedback/{feedbackId}/triage",
				"/api/tracks/{trackId}/feedback.csv", "/api/tracks/{trackId}/report",
				"/api/events/{eventId}/track-reports");
	}

}
