package org.connectathon.platform.tracks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * What a participant gives to sign a system up to a track's role.
 *
 * @param role the role's keyword
 * @param baseUrl the FHIR base URL of a server, whose CapabilityStatement is fetched;
 * none for a client
 */
public record SignUpForm(@NotNull Long systemId, @NotBlank @Size(max = 50) String role,
		@Size(max = 1000) @Pattern(regexp = "^$|https?://\\S+",
				message = "must be an http or https URL") @Nullable String baseUrl) {

	@Nullable String normalizedBaseUrl() {
		if (this.baseUrl == null || this.baseUrl.isBlank()) {
			return null;
		}
		String url = this.baseUrl.strip();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
