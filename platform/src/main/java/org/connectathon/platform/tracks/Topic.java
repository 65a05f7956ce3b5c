package org.connectathon.platform.tracks;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A topic proposed before the event (a code-a-thon subject), with the organizations that
 * marked interest in it.
 *
 * @param systems the systems or gateway the proposers want to hook in
 * @param pinnedTo the room or session of the agenda an organizer pinned it to
 */
public record Topic(long id, long eventId, long authorId, String authorName, String title, String description,
		@Nullable String systems, @Nullable String pinnedTo, OffsetDateTime createdAt,
		List<InterestedOrganization> interestedOrganizations) {

	/** An organization that marked interest in the topic. */
	public record InterestedOrganization(long id, String name) {
	}

	public boolean isInterestedIn(@Nullable Long organizationId) {
		return organizationId != null && this.interestedOrganizations.stream()
			.anyMatch((organization) -> organization.id() == organizationId);
	}

}
