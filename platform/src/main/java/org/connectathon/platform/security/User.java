package org.connectathon.platform.security;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A user account as shown to organizers; never carries the password. */
public record User(long id, String username, String displayName, Role role, @Nullable Long organizationId,
		boolean enabled, OffsetDateTime createdAt) {

}
