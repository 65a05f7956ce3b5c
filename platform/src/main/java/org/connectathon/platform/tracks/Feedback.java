package org.connectathon.platform.tracks;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A comment on the specification from testing a track's scenario, and the leads' triage
 * of it once made.
 *
 * @param artifact the IG artifact commented on (a profile, a page), if any
 * @param elementPath the element commented on, such as {@code Patient.identifier}
 */
public record Feedback(long id, long trackId, long scenarioId, String scenarioKeyword, @Nullable String artifact,
		@Nullable String elementPath, FeedbackType type, String summary, String description, String submitter,
		OffsetDateTime submittedAt, @Nullable FeedbackTriage triage, @Nullable String triageNote,
		@Nullable String triagedBy, @Nullable OffsetDateTime triagedAt) {

}
