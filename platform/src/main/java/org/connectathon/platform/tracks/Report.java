package org.connectathon.platform.tracks;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A track's report-out: who took part in which role, each scenario's result counts (the
 * latest result of each pair), the notable findings and the feedback on the specification
 * that stands (neither duplicate nor about something else).
 */
public record Report(long trackId, long eventId, String trackName, @Nullable String workGroup,
		Track.Specification specification, List<String> leads, @Nullable String chatLink,
		List<RoleParticipants> participants, List<ScenarioSummary> scenarios,
		Map<ScenarioResultOutcome, Integer> counts, List<Finding> findings, List<Feedback> feedback) {

	/** The systems signed up to one role, each written "system (organization)". */
	public record RoleParticipants(String roleKeyword, String roleName, List<String> systems) {
	}

	/** One scenario's latest results by outcome, and how many pairs reported. */
	public record ScenarioSummary(String keyword, String action, int pairs,
			Map<ScenarioResultOutcome, Integer> counts) {
	}

	/**
	 * A pair's latest result that is not a plain pass: a failure, a partial, a note or a
	 * comment.
	 */
	public record Finding(String scenarioKeyword, String clientSystemName, String serverSystemName,
			ScenarioResultOutcome result, @Nullable String comment, List<String> links) {
	}

	/** The specification in one line: package#version, or the FHIR core release. */
	public String specificationLabel() {
		if (this.specification.packageName() == null) {
			return (this.specification.fhirVersion() != null) ? "FHIR " + this.specification.fhirVersion() : "";
		}
		return (this.specification.version() != null)
				? this.specification.packageName() + "#" + this.specification.version()
				: this.specification.packageName();
	}

}
