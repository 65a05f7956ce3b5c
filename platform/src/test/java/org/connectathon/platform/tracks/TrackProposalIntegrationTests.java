package org.connectathon.platform.tracks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A track proposed for an event inside its window, returned, revised by a lead and
 * approved: the event then has the track with its profile, actors, tests and leads.
 */
@PlatformIntegrationTest
class TrackProposalIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TrackRepository tracks;

	Event event;

	User lead;

	User coLead;

	ApiClient proposer;

	ApiClient reviewer;

	@BeforeEach
	void anEventInItsProposalWindowWithLeadsAndAReviewer() {
		this.event = this.fixtures.openEvent();
		this.lead = this.fixtures.user(Role.TRACK_LEAD, null);
		this.coLead = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		this.proposer = this.fixtures.apiAs(this.lead);
		this.reviewer = this.fixtures.apiAs(this.fixtures.user(Role.REVIEWER, null));
	}

	static Map<String, Object> proposal(String name, String... leads) {
		Map<String, Object> proposal = new HashMap<>();
		proposal.put("name", name);
		proposal.put("workGroup", "Patient Care");
		proposal.put("justification", "Summaries must cross borders.");
		proposal.put("leads", List.of(leads));
		proposal.put("specification",
				Map.of("fhirVersion", "R4", "packageName", "hl7.fhir.uv.ips", "version", "2.0.0"));
		proposal.put("roles",
				List.of(Map.of("keyword", "client", "name", "IPS Client"),
						Map.of("keyword", "server", "name", "IPS Server", "description", "Answers $summary"),
						Map.of("keyword", "validator", "name", "IPS Validator")));
		proposal.put("scenarios",
				List.of(Map.of("action", "Fetch a patient summary", "precondition", "A patient with a summary",
						"successCriteria", "The bundle validates", "bonusPoint", "Narrative shown", "steps",
						"1. GET Patient/$summary", "roles", List.of("client", "server")),
						Map.of("action", "Validate a summary", "successCriteria", "No errors")));
		proposal.put("expectedParticipants", 12);
		proposal.put("chatLink", "https://chat.fhir.org/#narrow/stream/ips");
		proposal.put("successCriteria", "Three pairs pass.");
		return proposal;
	}

	String proposals() {
		return "/api/events/" + this.event.id() + "/track-proposals";
	}

	@Test
	void shouldMakeAnApprovedProposalATrackWithItsProfileActorsTestsAndLeads() {
		String name = Fixtures.unique("IPS track");
		Response submitted = this.proposer.post(proposals(), proposal(name, this.lead.username()));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		long id = submitted.json().path("id").asLong();

		Response returned = this.reviewer.post("/api/track-proposals/" + id + "/decision",
				Map.of("decision", "RETURNED", "comment", "Add a co-lead."));
		assertThat(returned.json().path("status").asString()).isEqualTo("RETURNED");
		Response revised = this.proposer.put("/api/track-proposals/" + id,
				proposal(name, this.lead.username(), this.coLead.username()));
		assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
		assertThat(revised.json().path("versions").size()).isEqualTo(2);
		assertThat(revised.json().path("status").asString()).isEqualTo("SUBMITTED");

		Response approved = this.reviewer.post("/api/track-proposals/" + id + "/decision",
				Map.of("decision", "APPROVED", "comment", "Welcome aboard."));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		long trackId = approved.json().path("trackId").asLong();
		Track track = this.tracks.find(trackId).orElseThrow();
		assertThat(track.eventId()).isEqualTo(this.event.id());
		assertThat(track.leadUserIds()).containsExactlyInAnyOrder(this.lead.id(), this.coLead.id());
		assertThat(track.roles()).extracting(Track.Role::keyword).containsExactly("client", "server", "validator");
		assertThat(track.scenarios()).extracting(Track.Scenario::action)
			.containsExactly("Fetch a patient summary", "Validate a summary");

		String profile = "TRACK-" + id;
		JsonNode catalogProfile = this.proposer.get("/api/profiles/" + profile).json();
		assertThat(catalogProfile.path("profile").path("kind").asString()).isEqualTo("FHIR_IG");
		assertThat(catalogProfile.path("actors").valueStream().map((actor) -> actor.path("keyword").asString()))
			.containsExactlyInAnyOrder("client", "server", "validator");
		assertThat(this.proposer.get("/api/events/" + this.event.id()).json().path("profiles").toString())
			.contains(profile);
		JsonNode tests = this.proposer.get("/api/events/" + this.event.id() + "/tests").json();
		Map<String, JsonNode> byKeyword = new HashMap<>();
		tests.forEach((test) -> byKeyword.put(test.path("keyword").asString(), test));
		assertThat(byKeyword.get(profile + "-1").path("type").asString()).isEqualTo("PEER_TO_PEER");
		assertThat(byKeyword.get(profile + "-1")
			.path("roles")
			.valueStream()
			.map((role) -> role.path("keyword").asString())).containsExactly("client", "server");
		assertThat(byKeyword.get(profile + "-2")
			.path("roles")
			.valueStream()
			.map((role) -> role.path("keyword").asString())).containsExactly("client", "server", "validator");
		assertThat(track.scenarios().get(0).testId()).isEqualTo(byKeyword.get(profile + "-1").path("id").asLong());
	}

	@Test
	void shouldRefuseSubmissionsOutsideTheWindowWithItsDates() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Map<String, Object> closed = Map.of("opensOn", today.minusWeeks(3).toString(), "closesOn",
				today.minusDays(1).toString());
		assertThat(this.proposer.put("/api/events/" + this.event.id() + "/track-proposal-window", closed).status())
			.isEqualTo(403);
		Response set = this.fixtures.admin().put("/api/events/" + this.event.id() + "/track-proposal-window", closed);
		assertThat(set.status()).as(set.toString()).isEqualTo(200);

		Response refused = this.proposer.post(proposals(), proposal(Fixtures.unique("Late track")));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains(today.minusWeeks(3).toString())
			.contains(today.minusDays(1).toString());
		assertThat(this.reviewer.get(proposals()).json().size()).isZero();
	}

	@Test
	void shouldTakeProposalsFromTwelveToSixWeeksBeforeTheStartByDefault() {
		JsonNode window = this.proposer.get("/api/events/" + this.event.id() + "/track-proposal-window").json();

		assertThat(window.path("opensOn").asString()).isEqualTo(this.event.startDate().minusWeeks(12).toString());
		assertThat(window.path("closesOn").asString()).isEqualTo(this.event.startDate().minusWeeks(6).toString());
	}

	@Test
	void shouldLetOnlyLeadsOrTheSubmitterReviseAndOnlyReviewersDecide() {
		String name = Fixtures.unique("Guarded track");
		long id = this.proposer.post(proposals(), proposal(name, this.coLead.username())).json().path("id").asLong();
		ApiClient otherParticipant = this.fixtures.participantOf(this.fixtures.organization());

		assertThat(
				this.proposer.post("/api/track-proposals/" + id + "/decision", Map.of("decision", "APPROVED")).status())
			.isEqualTo(403);
		assertThat(otherParticipant.post("/api/track-proposals/" + id + "/decision", Map.of("decision", "APPROVED"))
			.status()).isEqualTo(403);
		this.reviewer.post("/api/track-proposals/" + id + "/decision", Map.of("decision", "RETURNED"));
		assertThat(otherParticipant.put("/api/track-proposals/" + id, proposal(name)).status()).isEqualTo(404);
		Response byCoLead = this.fixtures.apiAs(this.coLead).put("/api/track-proposals/" + id, proposal(name));
		assertThat(byCoLead.status()).as(byCoLead.toString()).isEqualTo(200);
		this.reviewer.post("/api/track-proposals/" + id + "/decision", Map.of("decision", "APPROVED"));

		Response afterApproval = this.proposer.put("/api/track-proposals/" + id, proposal(name));
		Response secondDecision = this.reviewer.post("/api/track-proposals/" + id + "/decision",
				Map.of("decision", "RETURNED"));

		assertThat(afterApproval.status()).isEqualTo(409);
		assertThat(secondDecision.status()).isEqualTo(409);
		Response proposal = this.reviewer.get("/api/track-proposals/" + id);
		assertThat(proposal.json().path("versions").size()).isEqualTo(2);
		assertThat(proposal.json().path("reviews").size()).isEqualTo(2);
		assertThat(this.tracks.findByEvent(this.event.id())).hasSize(1);
	}

	@Test
	void shouldRefuseMalformedProposalsAndUnknownEventsWithAClearMessage() {
		Map<String, Object> missing = proposal(" ");
		missing.remove("roles");
		Map<String, Object> oneRole = proposal(Fixtures.unique("One role"));
		oneRole.put("roles", List.of(Map.of("keyword", "server", "name", "Server")));
		Map<String, Object> wrongType = proposal(Fixtures.unique("Wrong type"));
		wrongType.put("expectedParticipants", "a dozen");
		Map<String, Object> inconsistent = proposal(Fixtures.unique("Inconsistent"), "no-such-lead");
		inconsistent.put("specification", Map.of("fhirVersion", "R3"));
		inconsistent.put("scenarios", List.of(Map.of("action", "Fetch", "roles", List.of("client", "printer"))));
		inconsistent.put("chatLink", "javascript:alert(1)");

		Response missingFields = this.proposer.post(proposals(), missing);
		Response tooFewRoles = this.proposer.post(proposals(), oneRole);
		Response wrongTypes = this.proposer.post(proposals(), wrongType);
		Response inconsistentFields = this.proposer.post(proposals(), inconsistent);
		Response unknownEvent = this.proposer.post("/api/events/99999999/track-proposals", proposal("Nowhere"));

		assertThat(missingFields.status()).isEqualTo(400);
		assertThat(missingFields.json().path("problems").toString()).contains("name:").contains("roles:");
		assertThat(tooFewRoles.status()).isEqualTo(400);
		assertThat(tooFewRoles.json().path("problems").toString()).contains("roles:");
		assertThat(wrongTypes.status()).isEqualTo(400);
		assertThat(wrongTypes.json().path("detail").asText()).contains("at $.expectedParticipants");
		assertThat(inconsistentFields.status()).isEqualTo(400);
		assertThat(inconsistentFields.json().path("problems").toString()).contains("fhirVersion: one of R4, R4B, R5")
			.contains("no user is named no-such-lead")
			.contains("names no role of the track: printer")
			.contains("chatLink: not an http or https address");
		assertThat(unknownEvent.status()).isEqualTo(404);
		assertThat(unknownEvent.json().path("detail").asString()).isEqualTo("Event 99999999 does not exist.");
		assertThat(
				this.reviewer.post("/api/track-proposals/99999999/decision", Map.of("decision", "APPROVED")).status())
			.isEqualTo(404);
		assertThat(this.reviewer.get(proposals()).json().size()).isZero();
	}

}
