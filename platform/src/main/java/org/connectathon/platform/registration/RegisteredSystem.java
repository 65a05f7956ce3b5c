package org.connectathon.platform.registration;

import org.jspecify.annotations.Nullable;

/**
 * A system an organization brings to an event, and the table where it sits during the
 * event once organizers assign one.
 */
public record RegisteredSystem(long id, long eventId, long organizationId, String organizationName, String name,
		@Nullable String version, @Nullable String description, SystemStatus status, @Nullable String tableLocation) {

}
