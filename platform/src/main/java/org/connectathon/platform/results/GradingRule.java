package org.connectathon.platform.results;

/**
 * How many verified instances a required test role needs. A thorough registration needs
 * the role's own number (by default 3 for peer-to-peer tests, 1 for no-peer and group
 * tests) with partners from {@code distinctPartnerOrganizations} organizations, relaxed
 * to every organization available when fewer exist; a supportive registration needs
 * {@code supportiveVerifiedInstances}.
 */
record GradingRule(int distinctPartnerOrganizations, int supportiveVerifiedInstances) {

	/** IHE's defaults. */
	static final GradingRule DEFAULT = new GradingRule(3, 1);

}
