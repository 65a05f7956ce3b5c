package org.connectathon.platform.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What is given to add a contact person. */
public record ContactForm(@NotBlank @Size(max = 200) String name, @Email @Size(max = 320) @Nullable String email,
		@Size(max = 50) @Nullable String phone, @NotNull ContactRole contactRole) {

}
