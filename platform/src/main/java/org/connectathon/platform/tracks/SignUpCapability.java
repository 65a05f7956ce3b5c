package org.connectathon.platform.tracks;

import org.jspecify.annotations.Nullable;

/**
 * One claim of a server's CapabilityStatement: an interaction, search parameter or
 * operation, for a resource type or (without one) for the whole system.
 */
public record SignUpCapability(@Nullable String resourceType, Kind kind, String name) {

	/** What is claimed. */
	public enum Kind {

		INTERACTION, SEARCH_PARAMETER, OPERATION

	}

}
