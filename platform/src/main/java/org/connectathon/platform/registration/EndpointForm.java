package org.connectathon.platform.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.connectathon.platform.catalog.Protocol;
import org.jspecify.annotations.Nullable;

/**
 * What is given to declare an endpoint for an actor the system is registered for.
 *
 * @param baseUrl an http or https URL, or {@code mllp://host:port} for HL7 v2
 * @param protocol what the endpoint speaks, FHIR when not given
 */
public record EndpointForm(@NotBlank String profile, @NotBlank String actor,
		@NotBlank @Size(max = 1000) @Pattern(regexp = "(https?|mllp)://\\S+",
				message = "must be an http or https URL, or mllp://host:port for HL7 v2") String baseUrl,
		@Pattern(regexp = "^$|R4|R4B|R5", message = "must be R4, R4B or R5") @Nullable String fhirVersion,
		@Size(max = 2000) @Nullable String notes, @Nullable Protocol protocol) {

	/** What the endpoint speaks. */
	public Protocol protocolOrFhir() {
		return (this.protocol != null) ? this.protocol : Protocol.FHIR;
	}

}
