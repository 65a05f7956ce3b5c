package org.connectathon.platform.tracks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The event proposal form of the pages: people familiar with FHIR come as rows, blank
 * rows left out; the scenarios are typed one per line.
 */
record EventProposalPageForm(@Nullable String name, @Nullable String description, @Nullable String location,
		@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate startDate,
		@DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate endDate, @Nullable String sponsor,
		@Nullable String coordinatorName, @Nullable String coordinatorEmail, @Nullable String coordinatorUsername,
		@Nullable String technicalLeadName, @Nullable String technicalLeadEmail, @Nullable List<ExpertRow> fhirExperts,
		@Nullable String fhirVersion, @Nullable String packageName, @Nullable String packageVersion,
		@Nullable Boolean frozenVersionNeeded, @Nullable String otherRequirements, @Nullable String scenarios) {

	record ExpertRow(@Nullable String name, @Nullable String email, @Nullable Boolean attendedConnectathon,
			@Nullable Boolean hasImplementation) {

		boolean blank() {
			return (this.name == null || this.name.isBlank()) && (this.email == null || this.email.isBlank());
		}

	}

	static EventProposalPageForm empty() {
		return new EventProposalPageForm(null, null, null, null, null, "HL7 International", null, null, null, null,
				null, List.of(), "R4", null, null, null, null, null)
			.withBlankRows(TrackProposalPageForm.BLANK_ROWS);
	}

	/** The form filled with a version of a proposal, to revise it. */
	static EventProposalPageForm of(EventProposalForm proposal) {
		EventProposalForm.Contact lead = proposal.technicalLead();
		Track.Specification specification = proposal.specification();
		return new EventProposalPageForm(proposal.name(), proposal.description(), proposal.location(),
				proposal.startDate(), proposal.endDate(), proposal.sponsor(), proposal.coordinator().name(),
				proposal.coordinator().email(), proposal.coordinator().username(), (lead != null) ? lead.name() : null,
				(lead != null) ? lead.email() : null,
				proposal.fhirExpertList()
					.stream()
					.map((expert) -> new ExpertRow(expert.name(), expert.email(), expert.attendedConnectathon(),
							expert.hasImplementation()))
					.toList(),
				(specification != null) ? specification.fhirVersion() : null,
				(specification != null) ? specification.packageName() : null,
				(specification != null) ? specification.version() : null, proposal.frozenVersionNeeded(),
				proposal.otherRequirements(), String.join("\n", proposal.scenarioList()))
			.withBlankRows(TrackProposalPageForm.BLANK_ROWS);
	}

	/** The form as typed, with blank rows added so that the page offers more rows. */
	EventProposalPageForm withBlankRows(int count) {
		List<ExpertRow> rows = new ArrayList<>(filledExperts());
		for (int row = 0; row < count; row++) {
			rows.add(new ExpertRow(null, null, null, null));
		}
		return new EventProposalPageForm(this.name, this.description, this.location, this.startDate, this.endDate,
				this.sponsor, this.coordinatorName, this.coordinatorEmail, this.coordinatorUsername,
				this.technicalLeadName, this.technicalLeadEmail, rows, this.fhirVersion, this.packageName,
				this.packageVersion, this.frozenVersionNeeded, this.otherRequirements, this.scenarios);
	}

	EventProposalForm toProposalForm() {
		boolean leadGiven = !blank(this.technicalLeadName) || !blank(this.technicalLeadEmail);
		boolean specificationGiven = !blank(this.fhirVersion) || !blank(this.packageName);
		return new EventProposalForm(this.name, this.description, this.location, this.startDate, this.endDate,
				this.sponsor,
				new EventProposalForm.Contact(this.coordinatorName, this.coordinatorEmail,
						blank(this.coordinatorUsername) ? null : this.coordinatorUsername.strip()),
				leadGiven ? new EventProposalForm.Contact(this.technicalLeadName, this.technicalLeadEmail, null) : null,
				filledExperts().stream()
					.map((row) -> new EventProposalForm.FhirExpert(row.name(), blank(row.email()) ? null : row.email(),
							row.attendedConnectathon(), row.hasImplementation()))
					.toList(),
				specificationGiven ? new Track.Specification(blank(this.packageName) ? null : this.packageName.strip(),
						blank(this.packageVersion) ? null : this.packageVersion.strip(), this.fhirVersion) : null,
				this.frozenVersionNeeded, this.otherRequirements,
				(this.scenarios == null) ? List.of()
						: Arrays.stream(this.scenarios.split("\\R"))
							.map(String::strip)
							.filter((line) -> !line.isEmpty())
							.toList());
	}

	private List<ExpertRow> filledExperts() {
		return (this.fhirExperts != null)
				? this.fhirExperts.stream().filter((row) -> row != null && !row.blank()).toList() : List.of();
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
