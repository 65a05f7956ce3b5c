package org.connectathon.platform.registration;

import org.jspecify.annotations.Nullable;

/**
 * An actor registration of a published system, with the system and its organization: what
 * partner finders and test instances choose from.
 */
public record PublishedRegistration(long registrationId, long systemId, String systemName, long organizationId,
		String organizationName, long actorId, String profileKeyword, String actorKeyword,
		@Nullable String optionKeyword, TestingType testingType, @Nullable String tableLocation) {

}
