package org.connectathon.platform.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What is given to register or change a system. Organizers name the organization; a
 * participant's system always belongs to the participant's own organization.
 */
public record SystemForm(@NotBlank @Size(max = 200) String name, @Size(max = 50) @Nullable String version,
		@Size(max = 4000) @Nullable String description, @Nullable SystemStatus status, @Nullable Long organizationId) {

}
