package org.connectathon.platform.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A role in a profile (IPS Creator, MHD Document Source), with its options and the actors
 * a system must also be registered for.
 */
public record Actor(long id, long profileId, String profileKeyword, String keyword, String name,
		@Nullable String description, List<ActorOption> options, List<ActorReference> requires) {

	/** How people write it: "IPS Creator" reads better than the keywords. */
	public ActorReference reference() {
		return new ActorReference(this.profileKeyword, this.keyword);
	}

}
