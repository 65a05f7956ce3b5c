package org.connectathon.platform.tracks;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** What a track's leads change on an approved track. */
public record TrackForm(@Size(max = 4000) @Nullable String description,
		@Size(max = 1000) @Pattern(regexp = "^$|https?://\\S+",
				message = "must be an http or https URL") @Nullable String chatLink,
		@Size(max = 4000) @Nullable String successCriteria) {

}
