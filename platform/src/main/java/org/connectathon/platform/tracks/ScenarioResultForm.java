package org.connectathon.platform.tracks;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * What a pair (or a track lead) records for a scenario.
 *
 * @param scenario the scenario's keyword
 */
public record ScenarioResultForm(@NotBlank @Size(max = 50) String scenario, @NotNull Long clientSystemId,
		@NotNull Long serverSystemId, @NotNull ScenarioResultOutcome result, @Size(max = 4000) @Nullable String comment,
		@Size(max = 10) @Nullable List<@NotBlank @Size(max = 350) @Pattern(regexp = "https?://\\S+",
				message = "must be an http or https URL") String> links) {

	List<String> linkList() {
		return (this.links != null) ? this.links.stream().map(String::strip).toList() : List.of();
	}

}
