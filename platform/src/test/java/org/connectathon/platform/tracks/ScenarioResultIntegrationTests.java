package org.connectathon.platform.tracks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.tracks.TrackFixtures.SeededTrack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario results of a signed-up pair (Acme's client, Globex's server), their history
 * and their roll-up, and who may record them.
 */
@PlatformIntegrationTest
class ScenarioResultIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	SeededTrack track;

	ApiClient lead;

	ApiClient acme;

	ApiClient globex;

	long client;

	long server;

	@BeforeEach
	void seed() {
		TrackFixtures tracks = new TrackFixtures(this.context);
		User leadUser = this.fixtures.user(Role.TRACK_LEAD, null);
		this.lead = this.fixtures.apiAs(leadUser);
		this.track = tracks.track(leadUser);
		this.acme = this.fixtures.participantOf(this.fixtures.organization());
		this.globex = this.fixtures.participantOf(this.fixtures.organization());
		this.client = TrackFixtures.system(this.acme, this.track.event(), "Acme App");
		this.server = TrackFixtures.system(this.globex, this.track.event(), "Globex Server");
		TrackFixtures.signUp(this.acme, this.track.trackId(), this.client, "client", null);
		TrackFixtures.signUp(this.globex, this.track.trackId(), this.server, "server", tracks.referenceServer());
	}

	@Test
	void shouldKeepEveryResultOfAPairAndRollTheLatestUpPerScenarioAndTrack() {
		assertThat(record(this.acme, "scenario-1", "FAIL", "Wrong content type", List.of()).status()).isEqualTo(201);
		Response latest = record(this.globex, "scenario-1", "PASS", null, List.of());
		assertThat(latest.status()).as(latest.toString()).isEqualTo(201);
		assertThat(latest.json().path("recordedBy").asString()).isNotBlank();
		assertThat(record(this.acme, "scenario-2", "PARTIAL", "No paging",
				List.of("https://jira.hl7.org/browse/FHIR-12345"))
			.status()).isEqualTo(201);

		Response history = this.acme.get(path());
		assertThat(history.json().valueStream().map((result) -> result.path("result").asString()))
			.containsExactly("FAIL", "PASS", "PARTIAL");

		JsonNode matrix = this.acme.get(path() + "/matrix").json();
		assertThat(matrix.path("clients").get(0).path("systemId").asLong()).isEqualTo(this.client);
		assertThat(matrix.path("servers").get(0).path("systemId").asLong()).isEqualTo(this.server);
		JsonNode read = matrix.path("scenarios").get(0);
		assertThat(read.path("keyword").asString()).isEqualTo("scenario-1");
		assertThat(read.path("cells").get(0).path("result").asString()).isEqualTo("PASS");
		assertThat(read.path("cells").get(0).path("resultsRecorded").asInt()).isEqualTo(2);
		assertThat(read.path("counts").path("PASS").asInt()).isOne();
		assertThat(read.path("counts").path("FAIL").asInt()).isZero();
		JsonNode search = matrix.path("scenarios").get(1);
		assertThat(search.path("cells").get(0).path("links").get(0).asString())
			.isEqualTo("https://jira.hl7.org/browse/FHIR-12345");
		assertThat(matrix.path("counts").path("PASS").asInt()).isOne();
		assertThat(matrix.path("counts").path("PARTIAL").asInt()).isOne();
	}

	@Test
	void shouldLetATrackLeadRecordAPairsResultButNotAnotherOrganization() {
		assertThat(record(this.lead, "scenario-1", "NOTE", "Seen by the lead", List.of()).status()).isEqualTo(201);

		ApiClient outsider = this.fixtures.participantOf(this.fixtures.organization());
		Response refused = record(outsider, "scenario-1", "PASS", null, List.of());
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		Response otherLead = record(this.fixtures.apiAs(this.fixtures.user(Role.TRACK_LEAD, null)), "scenario-1",
				"PASS", null, List.of());
		assertThat(otherLead.status()).as(otherLead.toString()).isEqualTo(403);

		assertThat(this.acme.get(path()).json().size()).isOne();
	}

	@Test
	void shouldRefuseAPairThatDidNotSignUpAnUnknownScenarioAndMalformedBodies() {
		long unsigned = TrackFixtures.system(this.acme, this.track.event(), "Acme Unsigned");
		Response notSignedUp = this.acme.post(path(), Map.of("scenario", "scenario-1", "clientSystemId", unsigned,
				"serverSystemId", this.server, "result", "PASS"));
		assertThat(notSignedUp.status()).as(notSignedUp.toString()).isEqualTo(409);
		assertThat(notSignedUp.json().path("detail").asString()).contains("is not signed up as a client");

		Response swapped = this.acme.post(path(), Map.of("scenario", "scenario-1", "clientSystemId", this.server,
				"serverSystemId", this.client, "result", "PASS"));
		assertThat(swapped.status()).isEqualTo(409);

		Response unknownScenario = record(this.acme, "delete", "PASS", null, List.of());
		assertThat(unknownScenario.status()).isEqualTo(400);
		assertThat(unknownScenario.json().path("detail").asString()).contains("has no scenario delete");

		Response unknownResult = this.acme.post(path(), Map.of("scenario", "scenario-1", "clientSystemId", this.client,
				"serverSystemId", this.server, "result", "WIN"));
		assertThat(unknownResult.status()).isEqualTo(400);
		assertThat(unknownResult.contentType()).contains("application/problem+json");

		Response badLink = record(this.acme, "scenario-1", "PASS", null, List.of("javascript:alert(1)"));
		assertThat(badLink.status()).isEqualTo(400);
		assertThat(badLink.body()).contains("must be an http or https URL");

		Response missing = this.acme.post(path(), Map.of("scenario", "scenario-1"));
		assertThat(missing.status()).isEqualTo(400);

		Response oversize = record(this.acme, "scenario-1", "NOTE", "x".repeat(4001), List.of());
		assertThat(oversize.status()).isEqualTo(400);

		assertThat(this.acme.get(path()).json().isEmpty()).isTrue();
	}

	private Response record(ApiClient api, String scenario, String result, String comment, List<String> links) {
		Map<String, Object> body = new HashMap<>(Map.of("scenario", scenario, "clientSystemId", this.client,
				"serverSystemId", this.server, "result", result, "links", links));
		if (comment != null) {
			body.put("comment", comment);
		}
		return api.post(path(), body);
	}

	private String path() {
		return "/api/tracks/" + this.track.trackId() + "/scenario-results";
	}

}
