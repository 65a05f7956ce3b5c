package org.connectathon.platform.registration;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** One actor to register a system for, named by keywords as in the catalog. */
public record RegistrationForm(@NotBlank String profile, @NotBlank String actor, @Nullable String option,
		@Nullable TestingType testingType) {

}
