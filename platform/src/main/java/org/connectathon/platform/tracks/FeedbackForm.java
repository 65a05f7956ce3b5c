package org.connectathon.platform.tracks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A comment on the specification, as a participant writes it.
 *
 * @param scenario the keyword of the scenario whose testing raised it
 */
public record FeedbackForm(@NotBlank @Size(max = 50) String scenario, @Size(max = 500) @Nullable String artifact,
		@Size(max = 500) @Nullable String elementPath, @NotNull FeedbackType type,
		@NotBlank @Size(max = 200) String summary, @NotBlank @Size(max = 4000) String description) {

}
