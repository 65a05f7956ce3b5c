package org.connectathon.platform.evidence;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Evidence attached to a test instance, or to one of its steps when {@code stepIndex} is
 * set. Its content, if any, is fetched on its own.
 */
public record Evidence(long id, long testInstanceId, @Nullable Integer stepIndex, EvidenceKind kind,
		@Nullable String text, @Nullable String url, @Nullable String fileName, @Nullable String contentType,
		@Nullable Long sizeBytes, String addedByName, OffsetDateTime addedAt) {

}
