package org.connectathon.platform.testing;

/**
 * A system taking part in a test instance, in one of the test's roles, playing the role's
 * actor.
 */
public record InstanceParticipant(String roleKeyword, long actorId, long systemId, String systemName,
		long organizationId, String organizationName) {

}
