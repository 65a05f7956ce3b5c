package org.connectathon.platform.results;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An organizer's grade for a registration, or none to go back to the computed one, always
 * with why.
 */
public record OverrideForm(@Nullable Grade grade, @NotBlank @Size(max = 2000) String reason) {

}
