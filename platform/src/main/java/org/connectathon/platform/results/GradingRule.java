package org.connectathon.platform.results;

import java.util.List;

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

	/**
	 * The most specific of the event's rules for this actor: the actor's, its profile's,
	 * the event's, the default.
	 */
	static GradingRule forActor(List<GradingRuleForm> rules, String profileKeyword, String actorKeyword) {
		GradingRuleForm chosen = null;
		int specificity = -1;
		for (GradingRuleForm rule : rules) {
			int level = (rule.profile() == null) ? 0 : !rule.profile().equals(profileKeyword) ? -1
					: (rule.actor() == null) ? 1 : rule.actor().equals(actorKeyword) ? 2 : -1;
			if (level > specificity) {
				chosen = rule;
				specificity = level;
			}
		}
		return (chosen == null) ? DEFAULT
				: new GradingRule(chosen.distinctPartnerOrganizations(), chosen.supportiveVerifiedInstances());
	}

}
