package org.connectathon.platform.tracks;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Comments on the specification, their triage by the track's leads and their export. */
@PlatformIntegrationTest
class FeedbackIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	SeededTrack track;

	ApiClient lead;

	ApiClient acme;

	@BeforeEach
	void seed() {
		User leadUser = this.fixtures.user(Role.TRACK_LEAD, null);
		this.lead = this.fixtures.apiAs(leadUser);
		this.track = new TrackFixtures(this.context).track(leadUser);
		this.acme = this.fixtures.participantOf(this.fixtures.organization());
	}

	@Test
	void shouldTriageACommentAndExportTheChangeRequestsAsCsvForTheIssueTracker() {
		Response submitted = this.acme.post(path(),
				Map.of("scenario", "scenario-2", "artifact", "StructureDefinition/us-core-patient", "elementPath",
						"Patient.name", "type", "CLARIFICATION", "summary", "Which name, is searched?", "description",
						"The search parameter \"name\" does not say."));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		long id = submitted.json().path("id").asLong();
		assertThat(submitted.json().path("triage").isNull()).isTrue();
		long formula = this.acme
			.post(path(), Map.of("scenario", "scenario-1", "type", "ERROR", "summary", "=HYPERLINK(\"x\")",
					"description", "A spreadsheet must show it as text"))
			.json()
			.path("id")
			.asLong();
		this.acme.post(path(), Map.of("scenario", "scenario-1", "type", "QUESTION", "summary", "Untriaged",
				"description", "Left untriaged: not exported"));
		this.lead.put(path() + "/" + formula + "/triage", Map.of("triage", "CHANGE_REQUEST"));

		Response triaged = this.lead.put(path() + "/" + id + "/triage",
				Map.of("triage", "CHANGE_REQUEST", "note", "File it"));
		assertThat(triaged.status()).as(triaged.toString()).isEqualTo(200);
		assertThat(triaged.json().path("triage").asString()).isEqualTo("CHANGE_REQUEST");

		Response csv = this.lead.get("/api/tracks/" + this.track.trackId() + "/feedback.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("summary,description,specification,artifact,type,submitter\r\n")
			.contains("\"Which name, is searched?\",\"The search parameter \"\"name\"\" does not say.")
			.contains("hl7.fhir.us.core#6.1.0,StructureDefinition/us-core-patient Patient.name,Clarification,")
			.contains("\"'=HYPERLINK(\"\"x\"\")\"")
			.doesNotContain("Untriaged");
		assertThat(csv.body().split("\r\n")).hasSize(3);
	}

	@Test
	void shouldLetOnlyTheTracksLeadsTriageAndExport() {
		long id = this.acme
			.post(path(),
					Map.of("scenario", "scenario-1", "type", "ERROR", "summary", "Typo", "description", "In the id"))
			.json()
			.path("id")
			.asLong();
		ApiClient otherLead = this.fixtures.apiAs(this.fixtures.user(Role.TRACK_LEAD, null));

		assertThat(this.acme.put(path() + "/" + id + "/triage", Map.of("triage", "DUPLICATE")).status()).isEqualTo(403);
		assertThat(otherLead.put(path() + "/" + id + "/triage", Map.of("triage", "DUPLICATE")).status()).isEqualTo(403);
		assertThat(this.acme.get("/api/tracks/" + this.track.trackId() + "/feedback.csv").status()).isEqualTo(403);
		assertThat(this.acme.get(path()).json().get(0).path("triage").isNull()).isTrue();
	}

	@Test
	void shouldRefuseUnknownScenariosUnknownCommentsAndMalformedBodies() {
		Response unknownScenario = this.acme.post(path(),
				Map.of("scenario", "nope", "type", "ERROR", "summary", "S", "description", "D"));
		assertThat(unknownScenario.status()).isEqualTo(400);
		assertThat(unknownScenario.json().path("detail").asString()).contains("has no scenario nope");

		Response unknownType = this.acme.post(path(),
				Map.of("scenario", "scenario-1", "type", "RANT", "summary", "S", "description", "D"));
		assertThat(unknownType.status()).isEqualTo(400);

		Response noSummary = this.acme.post(path(),
				Map.of("scenario", "scenario-1", "type", "ERROR", "description", "D"));
		assertThat(noSummary.status()).isEqualTo(400);
		assertThat(noSummary.body()).contains("summary");

		Response tooLong = this.acme.post(path(),
				Map.of("scenario", "scenario-1", "type", "ERROR", "summary", "s".repeat(201), "description", "D"));
		assertThat(tooLong.status()).isEqualTo(400);

		Response unknownComment = this.lead.put(path() + "/999999999/triage", Map.of("triage", "DUPLICATE"));
		assertThat(unknownComment.status()).isEqualTo(404);

		Response badTriage = this.lead.put(path() + "/999999999/triage", Map.of("triage", "LATER"));
		assertThat(badTriage.status()).isEqualTo(400);

		assertThat(this.acme.get(path()).json().isEmpty()).isTrue();
	}

	private String path() {
		return "/api/tracks/" + this.track.trackId() + "/feedback";
	}

}
