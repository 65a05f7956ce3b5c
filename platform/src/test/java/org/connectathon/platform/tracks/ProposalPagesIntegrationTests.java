package org.connectathon.platform.tracks;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proposal pages: a track proposed with rows of roles and scenarios, the reviewer's
 * queue with its criteria, returned, revised and approved into the event's tests; and an
 * event proposal approved from its page.
 */
@PlatformIntegrationTest
class ProposalPagesIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TrackRepository tracks;

	Event event;

	User lead;

	PageClient leadPages;

	PageClient reviewerPages;

	@BeforeEach
	void anEventALeadAndAReviewer() {
		this.event = this.fixtures.openEvent();
		this.lead = this.fixtures.user(Role.TRACK_LEAD, null);
		this.leadPages = PageClient.signedIn(this.fixtures.port(), this.lead.username());
		this.reviewerPages = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.REVIEWER, null).username());
	}

	Map<String, String> trackForm(String name, String successCriteria) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("workGroup", "Patient Care");
		form.put("justification", "Summaries must cross borders.");
		form.put("leads", "");
		form.put("fhirVersion", "R4");
		form.put("packageName", "hl7.fhir.uv.ips");
		form.put("packageVersion", "2.0.0");
		form.put("roles[0].keyword", "client");
		form.put("roles[0].name", "IPS Client");
		form.put("roles[0].description", "");
		form.put("roles[1].keyword", "server");
		form.put("roles[1].name", "IPS Server");
		form.put("roles[1].description", "Answers $summary");
		form.put("roles[2].keyword", "");
		form.put("roles[2].name", "");
		form.put("roles[2].description", "");
		form.put("scenarios[0].action", "Fetch a patient summary");
		form.put("scenarios[0].precondition", "A patient");
		form.put("scenarios[0].successCriteria", successCriteria);
		form.put("scenarios[0].bonusPoint", "");
		form.put("scenarios[0].steps", "1. GET Patient/$summary");
		form.put("scenarios[0].roles", "client, server");
		form.put("scenarios[1].action", "");
		form.put("expectedParticipants", "8");
		form.put("chatLink", "https://chat.fhir.org/#narrow/stream/ips");
		form.put("successCriteria", "Three pairs pass.");
		return form;
	}

	@Test
	void shouldProposeReturnReviseAndApproveATrackOnThePages() {
		String newPage = "/events/" + this.event.id() + "/track-proposals/new";
		String name = Fixtures.unique("IPS track");
		assertThat(this.leadPages.get(newPage).body()).contains("name=\"roles[0].keyword\"")
			.contains(this.event.startDate().minusWeeks(12).toString());

		HttpResponse<String> submitted = this.leadPages.postForm(newPage, newPage, trackForm(name, ""));
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
		String proposalPage = submitted.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceFirst("^https?://[^/]+", "");
		long id = Long.parseLong(proposalPage.substring(proposalPage.lastIndexOf('/') + 1));

		String queue = this.reviewerPages.get("/proposals").body();
		assertThat(queue).contains("id=\"review-queue\"").contains(name);
		assertThat(queue).containsPattern(
				"data-criterion=\"scenarioSuccessCriteria\"[^>]*>\\s*<span class=\"badge failed\">missing");
		assertThat(this.leadPages.get(proposalPage).body()).doesNotContain("id=\"decision-form\"");

		HttpResponse<String> returned = this.reviewerPages.postForm(proposalPage,
				"/track-proposals/" + id + "/decision",
				Map.of("decision", "RETURNED", "comment", "Say when the fetch succeeds."));
		assertThat(returned.statusCode()).isEqualTo(302);
		String revisePage = "/track-proposals/" + id + "/revise";
		assertThat(this.leadPages.get(proposalPage).body()).contains("Say when the fetch succeeds.")
			.contains("id=\"revise\"");
		assertThat(this.leadPages.get(revisePage).body()).contains("value=\"Fetch a patient summary\"");
		HttpResponse<String> revised = this.leadPages.postForm(revisePage, revisePage,
				trackForm(name, "The bundle validates"));
		assertThat(revised.statusCode()).as(revised.body()).isEqualTo(302);

		HttpResponse<String> approved = this.reviewerPages.postForm(proposalPage,
				"/track-proposals/" + id + "/decision", Map.of("decision", "APPROVED", "comment", ""));
		assertThat(approved.statusCode()).isEqualTo(302);
		String page = this.leadPages.get(proposalPage).body();
		assertThat(page).contains("id=\"track-created\"").contains("id=\"version-2\"").contains("id=\"version-1\"");
		assertThat(this.tracks.findByEvent(this.event.id())).extracting(Track::name).containsExactly(name);
		assertThat(this.leadPages.get("/events/" + this.event.id() + "/tests").body()).contains("TRACK-" + id + "-1");
	}

	@Test
	void shouldAnswerARefusedTrackFormWithWhatWasTypedAndRefuseADecisionByANonReviewer() {
		String newPage = "/events/" + this.event.id() + "/track-proposals/new";
		Map<String, String> oneRole = trackForm(Fixtures.unique("One role"), "ok");
		oneRole.put("roles[1].keyword", "");
		oneRole.put("roles[1].name", "");
		oneRole.put("roles[1].description", "");
		oneRole.put("scenarios[0].roles", "");

		HttpResponse<String> refused = this.leadPages.postForm(newPage, newPage, oneRole);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"Fetch a patient summary\"").contains("roles");
		assertThat(this.tracks.findByEvent(this.event.id())).isEmpty();

		long id = this.fixtures.apiAs(this.lead)
			.post("/api/events/" + this.event.id() + "/track-proposals",
					TrackProposalIntegrationTests.proposal(Fixtures.unique("Guarded")))
			.json()
			.path("id")
			.asLong();
		HttpResponse<String> byLead = this.leadPages.postForm("/track-proposals/" + id,
				"/track-proposals/" + id + "/decision", Map.of("decision", "APPROVED"));
		assertThat(byLead.statusCode()).isEqualTo(403);
		assertThat(byLead.body()).contains("Only reviewers");
	}

	@Test
	void shouldLetAnOrganizerChangeTheWindowAndRefuseSubmissionsOutsideIt() {
		PageClient organizer = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.ADMIN, null).username());
		String newPage = "/events/" + this.event.id() + "/track-proposals/new";
		HttpResponse<String> changed = organizer.postForm(newPage,
				"/events/" + this.event.id() + "/track-proposal-window",
				Map.of("opensOn", "2020-01-01", "closesOn", "2020-02-01"));
		assertThat(changed.statusCode()).isEqualTo(302);

		HttpResponse<String> refused = this.leadPages.postForm(newPage, newPage,
				trackForm(Fixtures.unique("Late"), "ok"));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("are taken from 2020-01-01 through 2020-02-01");
		assertThat(this.leadPages.get(newPage).body()).doesNotContain("id=\"window-form\"");
	}

	@Test
	void shouldApproveAnEventProposalFromItsPage() {
		String name = Fixtures.unique("Out of cycle");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("startDate", "2031-05-04");
		form.put("endDate", "2031-05-05");
		form.put("sponsor", "HL7 International");
		form.put("coordinatorName", "Ada Coordinator");
		form.put("coordinatorEmail", "ada@example.org");
		form.put("coordinatorUsername", "");
		form.put("fhirExperts[0].name", "Grace Expert");
		form.put("fhirExperts[0].email", "grace@example.org");
		form.put("fhirExperts[0].attendedConnectathon", "true");
		form.put("fhirExperts[1].name", "");
		form.put("fhirExperts[1].email", "");
		form.put("fhirVersion", "R5");
		form.put("frozenVersionNeeded", "false");
		form.put("scenarios", "Exchange a summary\nValidate it");

		HttpResponse<String> submitted = this.leadPages.postForm("/event-proposals/new", "/event-proposals/new", form);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
		String proposalPage = submitted.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceFirst("^https?://[^/]+", "");
		String page = this.reviewerPages.get(proposalPage).body();
		assertThat(page).contains("id=\"decision-form\"").contains("Grace Expert").contains("Validate it");
		assertThat(page)
			.containsPattern("data-criterion=\"fhirExpertExperience\"[^>]*>\\s*<span class=\"badge verified\">met");

		HttpResponse<String> approved = this.reviewerPages.postForm(proposalPage, proposalPage + "/decision",
				Map.of("decision", "APPROVED", "comment", "Go ahead."));

		assertThat(approved.statusCode()).isEqualTo(302);
		assertThat(this.leadPages.get(proposalPage).body()).contains("id=\"event-created\"");
		assertThat(this.leadPages.get("/").body()).contains(name);
	}

}
