package org.connectathon.platform.tracks;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A track as its leads propose it for an event.
 *
 * @param workGroup the submitting work group or project
 * @param leads the usernames of the track's leads; the submitter leads it when none is
 * named
 * @param specification the FHIR release and the implementation guide's package and
 * version
 * @param roles the track's roles (client and server, or the guide's actors); each becomes
 * an actor of the track's profile
 * @param scenarios each becomes a peer-to-peer test of the event
 * @param chatLink the track's chat stream
 */
public record TrackProposalForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String workGroup,
		@NotBlank @Size(max = 4000) String justification, @Nullable List<@NotBlank @Size(max = 100) String> leads,
		@NotNull Track.Specification specification, @NotNull @Size(min = 2, max = 20) List<@NotNull @Valid Role> roles,
		@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Scenario> scenarios,
		@PositiveOrZero @Nullable Integer expectedParticipants, @Size(max = 1000) @Nullable String chatLink,
		@Size(max = 4000) @Nullable String successCriteria) {

	/**
	 * A role of the track.
	 *
	 * @param keyword short and unique in the track (letters, digits, dash, underscore)
	 */
	public record Role(@NotBlank @Size(max = 50) String keyword, @NotBlank @Size(max = 200) String name,
			@Size(max = 4000) @Nullable String description) {
	}

	/**
	 * A scenario of the track.
	 *
	 * @param bonusPoint what earns a bonus point
	 * @param roles the keywords of the roles it involves, every role of the track when
	 * none is named
	 */
	public record Scenario(@NotBlank @Size(max = 1000) String action, @Size(max = 4000) @Nullable String precondition,
			@Size(max = 4000) @Nullable String successCriteria, @Size(max = 4000) @Nullable String bonusPoint,
			@Size(max = 8000) @Nullable String steps, @Nullable List<@NotBlank String> roles) {

		List<String> roleList() {
			return (this.roles != null) ? this.roles : List.of();
		}

	}

	List<String> leadList() {
		return (this.leads != null) ? this.leads : List.of();
	}

	/** A FHIR release, and the guide's version when a guide is named. */
	static boolean named(Track.@Nullable Specification specification) {
		return specification != null && !blank(specification.fhirVersion())
				&& (blank(specification.packageName()) || !blank(specification.version()));
	}

	/** The criteria the management group weighs, in the order the pages show them. */
	List<ReviewCriterion> criteria() {
		return List.of(new ReviewCriterion("justification", !blank(this.justification)),
				new ReviewCriterion("specification", named(this.specification)),
				new ReviewCriterion("implementationGuide",
						this.specification != null && !blank(this.specification.packageName())),
				new ReviewCriterion("scenarioSuccessCriteria",
						this.scenarios != null && !this.scenarios.isEmpty()
								&& this.scenarios.stream().allMatch((scenario) -> !blank(scenario.successCriteria()))),
				new ReviewCriterion("expectedParticipants", this.expectedParticipants != null),
				new ReviewCriterion("chatLink", !blank(this.chatLink)),
				new ReviewCriterion("successCriteria", !blank(this.successCriteria)));
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
