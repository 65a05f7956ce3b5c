package org.connectathon.platform.tracks;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision on one version of a proposal.
 *
 * @param version the version decided on
 */
public record Review(int version, String reviewerName, ReviewDecision decision, @Nullable String comment,
		OffsetDateTime decidedAt) {

}
