package org.connectathon.platform.results;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One recorded publication or withdrawal of an event's results: who, when and why. */
public record PublicationChange(long id, OffsetDateTime changedAt, String userName, PublicationAction action,
		@Nullable String reason) {

}
