package org.connectathon.platform.tracks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** A lead's decision on a comment, with an optional note (the duplicated one, say). */
public record FeedbackTriageForm(@NotNull FeedbackTriage triage, @Size(max = 1000) @Nullable String note) {

}
