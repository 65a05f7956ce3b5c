package org.connectathon.platform.security;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A bearer token of the JSON API as listed to its owner: the secret itself is shown only
 * once. It stops working at {@code expiresAt}.
 */
public record ApiToken(long id, String name, OffsetDateTime createdAt, @Nullable OffsetDateTime lastUsedAt,
		OffsetDateTime expiresAt) {

}
