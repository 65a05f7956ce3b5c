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
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An out-of-cycle connectathon proposed, reviewed with its criteria met or missing,
 * returned, revised and approved into a draft event its coordinator organizes.
 */
@PlatformIntegrationTest
class EventProposalIntegrationTests {

	@Autowired
	Fixtures fixtures;

	User coordinator;

	ApiClient proposer;

	ApiClient reviewer;

	@BeforeEach
	void aCoordinatorAndAReviewer() {
		this.coordinator = this.fixtures.user(Role.TRACK_LEAD, null);
		this.proposer = this.fixtures.apiAs(this.coordinator);
		this.reviewer = this.fixtures.apiAs(this.fixtures.user(Role.REVIEWER, null));
	}

	static Map<String, Object> proposal(String name) {
		LocalDate start = LocalDate.now(ZoneOffset.UTC).plusMonths(4);
		Map<String, Object> proposal = new HashMap<>();
		proposal.put("name", name);
		proposal.put("description", "Patient summaries across the region");
		proposal.put("location", "Online");
		proposal.put("startDate", start.toString());
		proposal.put("endDate", start.plusDays(1).toString());
		proposal.put("sponsor", "HL7 Europe");
		proposal.put("coordinator", Map.of("name", "Ada Coordinator", "email", "ada@example.org"));
		proposal.put("fhirExperts", List.of(Map.of("name", "Grace Expert", "email", "grace@example.org",
				"attendedConnectathon", false, "hasImplementation", false)));
		proposal.put("specification",
				Map.of("fhirVersion", "R4", "packageName", "hl7.fhir.uv.ips", "version", "2.0.0"));
		proposal.put("scenarios", List.of("Fetch a patient summary"));
		return proposal;
	}

	@Test
	void shouldApproveAnEventProposalIntoADraftEventItsCoordinatorOrganizes() {
		String name = Fixtures.unique("IPS out of cycle");
		Response submitted = this.proposer.post("/api/event-proposals", proposal(name));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		long id = submitted.json().path("id").asLong();
		assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
		assertThat(criteria(submitted)).containsEntry("sponsor", true)
			.containsEntry("technicalLead", false)
			.containsEntry("fhirExpert", true)
			.containsEntry("fhirExpertExperience", false)
			.containsEntry("specification", true);

		Response returned = this.reviewer.post("/api/event-proposals/" + id + "/decision",
				Map.of("decision", "RETURNED", "comment", "Name a technical lead."));
		assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
		assertThat(returned.json().path("status").asString()).isEqualTo("RETURNED");

		Map<String, Object> revised = proposal(name);
		revised.put("technicalLead", Map.of("name", "Linus Lead", "email", "linus@example.org"));
		Response revision = this.proposer.put("/api/event-proposals/" + id, revised);
		assertThat(revision.status()).as(revision.toString()).isEqualTo(200);
		assertThat(revision.json().path("versions").size()).isEqualTo(2);
		assertThat(criteria(revision)).containsEntry("technicalLead", true);

		Response approved = this.reviewer.post("/api/event-proposals/" + id + "/decision",
				Map.of("decision", "APPROVED", "comment", "Welcome."));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().path("reviews").valueStream().map((review) -> review.path("decision").asString()))
			.containsExactly("RETURNED", "APPROVED");
		long eventId = approved.json().path("eventId").asLong();
		Response event = this.proposer.get("/api/events/" + eventId);
		assertThat(event.status()).as(event.toString()).isEqualTo(200);
		assertThat(event.json().path("status").asString()).isEqualTo("DRAFT");
		assertThat(event.json().path("name").asString()).isEqualTo(name);
		assertThat(this.fixtures.participantOf(this.fixtures.organization()).get("/api/events/" + eventId).status())
			.isEqualTo(404);
		Map<String, Object> renamed = Map.of("name", name + " (renamed)", "startDate",
				event.json().path("startDate").asString(), "endDate", event.json().path("endDate").asString(),
				"registrationDeadline", event.json().path("registrationDeadline").asString());
		Response changed = this.proposer.put("/api/events/" + eventId, renamed);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("name").asString()).isEqualTo(name + " (renamed)");
	}

	@Test
	void shouldLetOnlyReviewersDecide() {
		long id = this.proposer.post("/api/event-proposals", proposal(Fixtures.unique("Refused")))
			.json()
			.path("id")
			.asLong();
		Map<String, Object> approve = Map.of("decision", "APPROVED");

		Response byProposer = this.proposer.post("/api/event-proposals/" + id + "/decision", approve);
		Response byAdmin = this.fixtures.admin().post("/api/event-proposals/" + id + "/decision", approve);

		assertThat(byProposer.status()).isEqualTo(403);
		assertThat(byProposer.json().path("detail").asString()).contains("Only reviewers");
		assertThat(byAdmin.status()).isEqualTo(403);
		assertThat(this.reviewer.get("/api/event-proposals/" + id).json().path("status").asString())
			.isEqualTo("SUBMITTED");
	}

	@Test
	void shouldRefuseASecondDecisionAndARevisionOfAnApprovedProposal() {
		String name = Fixtures.unique("Decided once");
		long id = this.proposer.post("/api/event-proposals", proposal(name)).json().path("id").asLong();
		this.reviewer.post("/api/event-proposals/" + id + "/decision", Map.of("decision", "APPROVED"));

		Response again = this.reviewer.post("/api/event-proposals/" + id + "/decision", Map.of("decision", "RETURNED"));
		Response revised = this.proposer.put("/api/event-proposals/" + id, proposal(name));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("detail").asString()).contains("is approved");
		assertThat(revised.status()).isEqualTo(409);
		assertThat(revised.json().path("detail").asString()).contains("only a returned proposal can be revised");
		Response proposal = this.reviewer.get("/api/event-proposals/" + id);
		assertThat(proposal.json().path("reviews").size()).isEqualTo(1);
		assertThat(proposal.json().path("versions").size()).isEqualTo(1);
	}

	@Test
	void shouldLetOnlyTheSubmitterOrCoordinatorReviseAndHideTheProposalFromOthers() {
		long id = this.proposer.post("/api/event-proposals", proposal(Fixtures.unique("Mine")))
			.json()
			.path("id")
			.asLong();
		this.reviewer.post("/api/event-proposals/" + id + "/decision", Map.of("decision", "RETURNED"));
		ApiClient stranger = this.fixtures.participantOf(this.fixtures.organization());

		assertThat(stranger.put("/api/event-proposals/" + id, proposal("Taken over")).status()).isEqualTo(404);
		assertThat(stranger.get("/api/event-proposals/" + id).status()).isEqualTo(404);
		assertThat(stranger.get("/api/event-proposals")
			.json()
			.valueStream()
			.map((proposal) -> proposal.path("id").asLong())).doesNotContain(id);
		assertThat(this.reviewer.get("/api/event-proposals/" + id).json().path("versions").size()).isEqualTo(1);
	}

	@Test
	void shouldRefuseMalformedProposalsAndUnknownIdsWithAClearMessage() {
		Map<String, Object> missing = proposal(" ");
		missing.remove("coordinator");
		Map<String, Object> wrongType = proposal(Fixtures.unique("Wrong type"));
		wrongType.put("startDate", "next spring");
		Map<String, Object> unknownCoordinator = proposal(Fixtures.unique("Unknown coordinator"));
		unknownCoordinator.put("coordinator",
				Map.of("name", "Nobody", "email", "nobody@example.org", "username", "no-such-user"));
		Map<String, Object> reversed = proposal(Fixtures.unique("Reversed"));
		reversed.put("endDate", LocalDate.now(ZoneOffset.UTC).toString());
		int before = this.reviewer.get("/api/event-proposals").json().size();

		Response missingFields = this.proposer.post("/api/event-proposals", missing);
		Response wrongTypes = this.proposer.post("/api/event-proposals", wrongType);
		Response noAccount = this.proposer.post("/api/event-proposals", unknownCoordinator);
		Response endsFirst = this.proposer.post("/api/event-proposals", reversed);

		assertThat(missingFields.status()).isEqualTo(400);
		assertThat(missingFields.json().path("problems").toString()).contains("name:").contains("coordinator:");
		assertThat(wrongTypes.status()).isEqualTo(400);
		assertThat(wrongTypes.body()).contains("startDate");
		assertThat(noAccount.status()).isEqualTo(400);
		assertThat(noAccount.body()).contains("no user is named no-such-user");
		assertThat(endsFirst.status()).isEqualTo(400);
		assertThat(
				this.reviewer.post("/api/event-proposals/99999999/decision", Map.of("decision", "APPROVED")).status())
			.isEqualTo(404);
		assertThat(this.reviewer.post("/api/event-proposals/99999999/decision", Map.of("decision", "MAYBE")).status())
			.isEqualTo(400);
		assertThat(this.reviewer.get("/api/event-proposals").json().size()).isEqualTo(before);
	}

	@Test
	void shouldDescribeTheProposalApiInTheOpenApiDocument() {
		Response document = this.fixtures.anonymous().get("/api/openapi.json");

		assertThat(document.json().path("paths").propertyNames()).contains("/api/event-proposals",
				"/api/event-proposals/{id}", "/api/event-proposals/{id}/decision",
				"/api/events/{eventId}/track-proposals", "/api/events/{eventId}/track-proposal-window",
				"/api/track-proposals", "/api/track-proposals/{id}", "/api/track-proposals/{id}/decision");
	}

	static Map<String, Boolean> criteria(Response proposal) {
		Map<String, Boolean> criteria = new HashMap<>();
		proposal.json()
			.path("criteria")
			.forEach((criterion) -> criteria.put(criterion.path("criterion").asString(),
					criterion.path("met").asBoolean()));
		return criteria;
	}

}
