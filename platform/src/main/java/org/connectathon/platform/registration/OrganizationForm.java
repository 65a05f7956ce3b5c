package org.connectathon.platform.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What is given to create or change an organization. */
public record OrganizationForm(@NotBlank @Size(max = 200) String name, @Size(max = 1000) @Nullable String address,
		@Size(max = 500) @Pattern(regexp = "^$|https?://\\S+",
				message = "must be an http or https address") @Nullable String website) {

}
