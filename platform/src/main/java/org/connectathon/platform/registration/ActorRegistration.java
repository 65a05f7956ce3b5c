package org.connectathon.platform.registration;

import org.jspecify.annotations.Nullable;

/**
 * A system registered for an actor of a profile, possibly with an option: the unit of
 * testing.
 */
public record ActorRegistration(long id, long systemId, long actorId, String profileKeyword, String actorKeyword,
		String actorName, @Nullable String optionKeyword, TestingType testingType) {

}
