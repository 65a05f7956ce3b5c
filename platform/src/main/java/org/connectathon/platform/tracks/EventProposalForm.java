package org.connectathon.platform.tracks;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An out-of-cycle connectathon as its proposers describe it. Only what the draft event
 * needs is required; the rest are criteria the reviewers see met or missing.
 *
 * @param sponsor HL7 International or the name of the sponsoring HL7 affiliate
 * @param coordinator who organizes the event once approved; their {@code username} names
 * their account, the submitter's when absent
 * @param fhirExperts the people familiar with FHIR who will attend
 * @param specification the FHIR release and, when one is tested, the implementation
 * guide's package and version
 * @param frozenVersionNeeded whether the event needs a frozen version of the
 * specification
 * @param scenarios the scenarios to execute, one line each
 */
public record EventProposalForm(@NotBlank @Size(max = 200) String name, @Size(max = 4000) @Nullable String description,
		@Size(max = 200) @Nullable String location, @NotNull LocalDate startDate, @NotNull LocalDate endDate,
		@Size(max = 200) @Nullable String sponsor, @NotNull @Valid Contact coordinator,
		@Valid @Nullable Contact technicalLead, @Valid @Nullable List<@NotNull @Valid FhirExpert> fhirExperts,
		Track.@Nullable Specification specification, @Nullable Boolean frozenVersionNeeded,
		@Size(max = 4000) @Nullable String otherRequirements,
		@Nullable List<@NotBlank @Size(max = 1000) String> scenarios) {

	/** A person the reviewers and the participants can reach. */
	public record Contact(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 200) String email,
			@Size(max = 100) @Nullable String username) {
	}

	/**
	 * A person familiar with FHIR, and why they are.
	 *
	 * @param attendedConnectathon took part in an earlier connectathon
	 * @param hasImplementation has an implementation of the specification
	 */
	public record FhirExpert(@NotBlank @Size(max = 200) String name, @Email @Size(max = 200) @Nullable String email,
			@Nullable Boolean attendedConnectathon, @Nullable Boolean hasImplementation) {

		boolean experienced() {
			return Boolean.TRUE.equals(this.attendedConnectathon) || Boolean.TRUE.equals(this.hasImplementation);
		}

	}

	List<FhirExpert> fhirExpertList() {
		return (this.fhirExperts != null) ? this.fhirExperts : List.of();
	}

	List<String> scenarioList() {
		return (this.scenarios != null) ? this.scenarios : List.of();
	}

	/** The criteria the management group weighs, in the order the pages show them. */
	List<ReviewCriterion> criteria() {
		return List.of(new ReviewCriterion("sponsor", this.sponsor != null && !this.sponsor.isBlank()),
				new ReviewCriterion("coordinator", this.coordinator != null),
				new ReviewCriterion("technicalLead", this.technicalLead != null),
				new ReviewCriterion("fhirExpert", !fhirExpertList().isEmpty()),
				new ReviewCriterion("fhirExpertExperience",
						fhirExpertList().stream().anyMatch(FhirExpert::experienced)),
				new ReviewCriterion("specification", TrackProposalForm.named(this.specification)),
				new ReviewCriterion("frozenVersion", this.frozenVersionNeeded != null),
				new ReviewCriterion("scenarios", !scenarioList().isEmpty()));
	}

}
