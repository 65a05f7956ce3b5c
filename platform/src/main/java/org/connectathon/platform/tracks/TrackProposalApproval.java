package org.connectathon.platform.tracks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.testing.TestDefinitionService;
import org.springframework.stereotype.Component;

/**
 * Makes an approved proposal a track of its event: the track's roles become actors of a
 * new profile (kind FHIR_IG) in the event's scope, each scenario a peer-to-peer test with
 * one role per track role it involves, and the proposal's leads the track's leads.
 */
@Component
class TrackProposalApproval {

	private final TrackRepository tracks;

	private final CatalogService catalog;

	private final EventService events;

	private final TestDefinitionService tests;

	TrackProposalApproval(TrackRepository tracks, CatalogService catalog, EventService events,
			TestDefinitionService tests) {
		this.tracks = tracks;
		this.catalog = catalog;
		this.events = events;
		this.tests = tests;
	}

	/** Creates the track of the approved proposal, in the caller's transaction. */
	long createTrack(TrackProposal proposal) {
		TrackProposalForm content = proposal.latest().content();
		String profileKeyword = "TRACK-" + proposal.id();
		Map<String, String> actorNames = new LinkedHashMap<>();
		content.roles().forEach((role) -> actorNames.put(role.keyword(), role.name().strip()));
		Map<String, Long> actorIds = this.catalog.addTrackProfile(profileKeyword, content.name().strip(),
				content.specification().version(), content.justification(), actorNames);
		long profileId = this.catalog.profile(profileKeyword).profile().id();
		this.events.addProfile(proposal.eventId(), profileId);
		long trackId = this.tracks.insert(proposal.eventId(), profileId, content.name().strip(),
				content.workGroup().strip(), content.justification(), content.specification(), content.chatLink(),
				content.successCriteria());
		for (long lead : proposal.leadUserIds()) {
			this.tracks.insertLead(trackId, lead);
		}
		for (TrackProposalForm.Role role : content.roles()) {
			this.tracks.insertRole(trackId, actorIds.get(role.keyword()), role.keyword(), role.name().strip(),
					role.description());
		}
		for (int position = 1; position <= content.scenarios().size(); position++) {
			TrackProposalForm.Scenario scenario = content.scenarios().get(position - 1);
			List<String> involved = scenario.roleList().isEmpty() ? List.copyOf(actorNames.keySet())
					: scenario.roleList();
			Map<String, Long> testRoles = new LinkedHashMap<>();
			involved.forEach((role) -> testRoles.put(role, actorIds.get(role)));
			String keyword = profileKeyword + "-" + position;
			long testId = this.tests.addTrackScenarioTest(proposal.eventId(), keyword,
					shortened(scenario.action().strip(), 200), description(scenario), testRoles, scenario.steps());
			this.tracks.insertScenario(trackId, testId, position, "scenario-" + position, scenario.action().strip(),
					scenario.precondition(), scenario.successCriteria(), scenario.bonusPoint(), scenario.steps());
		}
		return trackId;
	}

	/**
	 * What a participant reads on the test's page: the scenario's conditions of success.
	 */
	private static String description(TrackProposalForm.Scenario scenario) {
		StringBuilder text = new StringBuilder(scenario.action().strip());
		if (scenario.precondition() != null && !scenario.precondition().isBlank()) {
			text.append("\nPrecondition: ").append(scenario.precondition().strip());
		}
		if (scenario.successCriteria() != null && !scenario.successCriteria().isBlank()) {
			text.append("\nSuccess criteria: ").append(scenario.successCriteria().strip());
		}
		if (scenario.bonusPoint() != null && !scenario.bonusPoint().isBlank()) {
			text.append("\nBonus point: ").append(scenario.bonusPoint().strip());
		}
		return shortened(text.toString(), 4000);
	}

	private static String shortened(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

}
