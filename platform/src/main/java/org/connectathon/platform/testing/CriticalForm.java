package org.connectathon.platform.testing;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Raises or clears the critical flag of a test instance, with why. */
public record CriticalForm(boolean critical, @Size(max = 2000) @Nullable String reason) {

}
