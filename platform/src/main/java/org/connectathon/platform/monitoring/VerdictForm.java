package org.connectathon.platform.monitoring;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.jspecify.annotations.Nullable;

/**
 * A monitor's verdict on a whole instance: verified, partially verified or failed, with a
 * comment.
 */
public record VerdictForm(@NotNull TestInstanceStatus status, @Size(max = 2000) @Nullable String comment) {

}
