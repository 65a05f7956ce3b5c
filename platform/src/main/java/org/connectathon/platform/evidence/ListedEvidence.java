package org.connectathon.platform.evidence;

import java.time.OffsetDateTime;

import org.connectathon.platform.testing.TestInstanceStatus;
import org.jspecify.annotations.Nullable;

/**
 * A piece of evidence in the event's evidence list: the evidence without its content,
 * with the test and the status of the instance it is attached to.
 */
public record ListedEvidence(long id, long testInstanceId, String testKeyword, String testName,
		TestInstanceStatus instanceStatus, @Nullable Integer stepIndex, EvidenceKind kind, @Nullable String text,
		@Nullable String url, @Nullable String fileName, @Nullable String contentType, @Nullable Long sizeBytes,
		String addedByName, OffsetDateTime addedAt) {

}
