package org.connectathon.platform.monitoring;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A monitor's verdict on one step, with a comment. */
public record StepVerdictForm(@NotNull StepVerdict verdict, @Size(max = 2000) @Nullable String comment) {

}
