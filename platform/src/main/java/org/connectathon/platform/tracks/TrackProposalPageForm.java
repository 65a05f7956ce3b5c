package org.connectathon.platform.tracks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The track proposal form of the pages: roles and scenarios come as rows, blank rows are
 * left out, and the leads and a scenario's roles are typed as lists separated by commas.
 */
record TrackProposalPageForm(@Nullable String name, @Nullable String workGroup, @Nullable String justification,
		@Nullable String leads, @Nullable String fhirVersion, @Nullable String packageName,
		@Nullable String packageVersion, @Nullable List<RoleRow> roles, @Nullable List<ScenarioRow> scenarios,
		@Nullable Integer expectedParticipants, @Nullable String chatLink, @Nullable String successCriteria) {

	/** The blank rows a form offers beyond the filled ones. */
	static final int BLANK_ROWS = 2;

	record RoleRow(@Nullable String keyword, @Nullable String name, @Nullable String description) {

		boolean blank() {
			return TrackProposalPageForm.blank(this.keyword) && TrackProposalPageForm.blank(this.name)
					&& TrackProposalPageForm.blank(this.description);
		}

	}

	record ScenarioRow(@Nullable String action, @Nullable String precondition, @Nullable String successCriteria,
			@Nullable String bonusPoint, @Nullable String steps, @Nullable String roles) {

		boolean blank() {
			return Stream
				.of(this.action, this.precondition, this.successCriteria, this.bonusPoint, this.steps, this.roles)
				.allMatch(TrackProposalPageForm::blank);
		}

	}

	static TrackProposalPageForm empty() {
		return new TrackProposalPageForm(null, null, null, null, "R4", null, null, List.of(), List.of(), null, null,
				null)
			.withBlankRows(BLANK_ROWS);
	}

	/** The form filled with a version of a proposal, to revise it. */
	static TrackProposalPageForm of(TrackProposalForm proposal) {
		return new TrackProposalPageForm(proposal.name(), proposal.workGroup(), proposal.justification(),
				String.join(", ", proposal.leadList()), proposal.specification().fhirVersion(),
				proposal.specification().packageName(), proposal.specification().version(),
				proposal.roles()
					.stream()
					.map((role) -> new RoleRow(role.keyword(), role.name(), role.description()))
					.toList(),
				proposal.scenarios()
					.stream()
					.map((scenario) -> new ScenarioRow(scenario.action(), scenario.precondition(),
							scenario.successCriteria(), scenario.bonusPoint(), scenario.steps(),
							String.join(", ", scenario.roleList())))
					.toList(),
				proposal.expectedParticipants(), proposal.chatLink(), proposal.successCriteria())
			.withBlankRows(BLANK_ROWS);
	}

	/** The form as typed, with blank rows added so that the page offers more rows. */
	TrackProposalPageForm withBlankRows(int count) {
		List<RoleRow> roleRows = new ArrayList<>(filledRoles());
		List<ScenarioRow> scenarioRows = new ArrayList<>(filledScenarios());
		for (int row = 0; row < count; row++) {
			roleRows.add(new RoleRow(null, null, null));
			scenarioRows.add(new ScenarioRow(null, null, null, null, null, null));
		}
		return new TrackProposalPageForm(this.name, this.workGroup, this.justification, this.leads, this.fhirVersion,
				this.packageName, this.packageVersion, roleRows, scenarioRows, this.expectedParticipants, this.chatLink,
				this.successCriteria);
	}

	TrackProposalForm toProposalForm() {
		return new TrackProposalForm(this.name, this.workGroup, this.justification, list(this.leads),
				new Track.Specification(this.packageName, this.packageVersion, this.fhirVersion),
				filledRoles().stream()
					.map((row) -> new TrackProposalForm.Role(row.keyword(), row.name(), row.description()))
					.toList(),
				filledScenarios().stream()
					.map((row) -> new TrackProposalForm.Scenario(row.action(), row.precondition(),
							row.successCriteria(), row.bonusPoint(), row.steps(), list(row.roles())))
					.toList(),
				this.expectedParticipants, this.chatLink, this.successCriteria);
	}

	private List<RoleRow> filledRoles() {
		return (this.roles != null) ? this.roles.stream().filter((row) -> row != null && !row.blank()).toList()
				: List.of();
	}

	private List<ScenarioRow> filledScenarios() {
		return (this.scenarios != null) ? this.scenarios.stream().filter((row) -> row != null && !row.blank()).toList()
				: List.of();
	}

	private static List<String> list(@Nullable String text) {
		return (text == null) ? List.of()
				: Arrays.stream(text.split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
