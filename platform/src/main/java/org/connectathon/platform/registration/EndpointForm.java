package org.connectathon.platform.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What is given to declare an endpoint for an actor the system is registered for. */
public record EndpointForm(@NotBlank String profile, @NotBlank String actor,
		@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+",
				message = "must be an http or https URL") String baseUrl,
		@Pattern(regexp = "^$|R4|R4B|R5", message = "must be R4, R4B or R5") @Nullable String fhirVersion,
		@Size(max = 2000) @Nullable String notes) {

}
