package org.connectathon.platform.testing;

import org.connectathon.platform.catalog.ActorReference;
import org.jspecify.annotations.Nullable;

/**
 * A role in a test, played by between {@code minSystems} and {@code maxSystems} systems
 * registered for its actor (and its option, when one is named). A required role counts
 * towards the grade of its actor, which needs {@code verifiedInstancesNeeded} verified
 * instances.
 */
public record TestRole(long id, String keyword, long actorId, ActorReference actor, String actorName,
		@Nullable String optionKeyword, int minSystems, int maxSystems, boolean required, int verifiedInstancesNeeded) {

}
