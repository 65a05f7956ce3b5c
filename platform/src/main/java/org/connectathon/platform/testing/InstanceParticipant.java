package org.connectathon.platform.testing;

/** A system taking part in a test instance, in one of the test's roles. */
public record InstanceParticipant(String roleKeyword, long systemId, String systemName, long organizationId,
		String organizationName) {

}
