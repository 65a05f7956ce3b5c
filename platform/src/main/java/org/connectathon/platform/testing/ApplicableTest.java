package org.connectathon.platform.testing;

import java.util.List;

/**
 * A test that one of my registrations can play, in {@code myRole}, with partners for its
 * other roles.
 */
public record ApplicableTest(long testId, String testKeyword, String testName, TestType type, String myRole,
		boolean required, List<PartnerRole> partnerRoles) {

}
