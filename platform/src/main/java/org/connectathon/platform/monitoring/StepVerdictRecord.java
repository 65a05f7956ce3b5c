package org.connectathon.platform.monitoring;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** The verdict on a step, with the monitor who gave it and why. */
public record StepVerdictRecord(int stepIndex, StepVerdict verdict, @Nullable String comment, String monitorName,
		OffsetDateTime decidedAt) {

}
