package org.connectathon.platform.dashboard;

/**
 * A published system that plays a required role of a peer-to-peer test for which no
 * published system (of another organization, unless the test allows its own) can play
 * another required role.
 */
public record SystemWithoutPartner(long systemId, String systemName, String organizationName, long testId,
		String testKeyword, String roleKeyword, String missingRoleKeyword) {

}
