package org.connectathon.platform.testing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new status for a test instance, with why. */
public record StatusForm(@NotNull TestInstanceStatus status, @Size(max = 2000) @Nullable String reason) {

}
