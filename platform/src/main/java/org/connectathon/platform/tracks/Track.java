package org.connectathon.platform.tracks;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An approved track of a FHIR event, with the roles participants sign up to and the
 * scenarios they run.
 *
 * @param profileId the catalog profile holding the track's roles as actors
 * @param leadUserIds the users who lead the track
 */
public record Track(long id, long eventId, long profileId, String name, @Nullable String workGroup,
		@Nullable String description, Specification specification, @Nullable String chatLink,
		@Nullable String successCriteria, List<Long> leadUserIds, List<Role> roles, List<Scenario> scenarios) {

	/**
	 * What the track tests: an IG package and version, or a FHIR release's core
	 * specification.
	 *
	 * @param fhirVersion R4, R4B or R5
	 */
	public record Specification(@Nullable String packageName, @Nullable String version, @Nullable String fhirVersion) {
	}

	/** A role of the track, one actor of the track's profile. */
	public record Role(long id, long actorId, String keyword, String name, @Nullable String description) {
	}

	/** A scenario of the track, run as the peer-to-peer test it became on approval. */
	public record Scenario(long id, @Nullable Long testId, int position, String keyword, String action,
			@Nullable String precondition, @Nullable String successCriteria, @Nullable String bonusPoint,
			@Nullable String steps) {
	}

	public boolean isLedBy(long userId) {
		return this.leadUserIds.contains(userId);
	}

}
