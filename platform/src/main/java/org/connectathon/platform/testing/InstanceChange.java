package org.connectathon.platform.testing;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One recorded change of a test instance: who, when, what and why. */
public record InstanceChange(long id, OffsetDateTime changedAt, long userId, String userName, ChangeAction action,
		@Nullable TestInstanceStatus fromStatus, @Nullable TestInstanceStatus toStatus, @Nullable String reason) {

}
