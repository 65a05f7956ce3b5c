package org.connectathon.platform.tracks;

import org.jspecify.annotations.Nullable;

/**
 * What a client looks for among the event's signed-up servers; every criterion given must
 * be claimed, an interaction or search parameter for the resource type when one is given.
 *
 * @param operation an operation's name, with or without its {@code $}
 */
public record SignUpServerSearch(@Nullable String resourceType, @Nullable String interaction,
		@Nullable String searchParameter, @Nullable String operation) {

	@Nullable String operationName() {
		if (this.operation == null || this.operation.isBlank()) {
			return null;
		}
		String name = this.operation.strip();
		return name.startsWith("$") ? name.substring(1) : name;
	}

	static @Nullable String blankAsNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
