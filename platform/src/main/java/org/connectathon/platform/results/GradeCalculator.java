package org.connectathon.platform.results;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.connectathon.platform.registration.ActorRegistration;
import org.connectathon.platform.registration.PublishedRegistration;
import org.connectathon.platform.registration.TestingType;
import org.connectathon.platform.testing.Participation;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.connectathon.platform.testing.TestRole;
import org.connectathon.platform.testing.TestType;

/**
 * Computes the grade of one actor registration from the event's tests, the event's
 * published registrations (to know which partners exist) and the instances of that one
 * system. Pure: it reads nothing, so a verdict costs one system's instances, never the
 * event's; of the event's registrations it needs only those of the partner actors
 * ({@link #partnerActorIds}).
 */
final class GradeCalculator {

	private GradeCalculator() {
	}

	static ComputedGrade compute(ActorRegistration registration, long organizationId, List<TestDefinition> tests,
			List<PublishedRegistration> eventRegistrations, List<Participation> participations, boolean eventClosed,
			GradingRule rule) {
		Map<String, RequiredRole> required = new LinkedHashMap<>();
		for (TestDefinition test : tests) {
			for (TestRole role : test.roles()) {
				if (!role.required() || !plays(role, registration.actorId(), registration.optionKeyword())) {
					continue;
				}
				// Tests of a meta-test are equivalent: their verified instances count
				// together.
				String key = (test.metaTestKeyword() != null) ? "meta-test " + test.metaTestKeyword()
						: "test " + test.keyword();
				RequiredRole group = required.computeIfAbsent(key, (name) -> new RequiredRole());
				boolean counted = test.type() == TestType.NO_PEER
						|| registration.testingType() == TestingType.SUPPORTIVE;
				group.needed = Math.max(group.needed,
						counted ? rule.supportiveVerifiedInstances() : role.verifiedInstancesNeeded());
				group.testIds.add(test.id());
				if (test.type() == TestType.PEER_TO_PEER) {
					group.peerToPeer = true;
					for (TestRole other : test.roles()) {
						if (other != role) {
							eventRegistrations.stream()
								.filter((candidate) -> candidate.organizationId() != organizationId
										&& plays(other, candidate.actorId(), candidate.optionKeyword()))
								.forEach((candidate) -> group.availablePartners.add(candidate.organizationId()));
						}
					}
				}
			}
		}
		int satisfied = 0;
		int verifiedTotal = 0;
		int neededTotal = 0;
		int waiting = 0;
		int partiallyVerified = 0;
		int failed = 0;
		boolean onlyMissingPeers = true;
		Set<Long> partnersUsed = new HashSet<>();
		Set<Long> partnersAvailable = new HashSet<>();
		for (RequiredRole group : required.values()) {
			int verified = 0;
			Set<Long> partners = new HashSet<>();
			for (Participation participation : participations) {
				if (!group.testIds.contains(participation.testId())
						|| participation.actorId() != registration.actorId()) {
					continue;
				}
				switch (participation.status()) {
					case VERIFIED -> {
						verified++;
						partners.addAll(participation.partnerOrganizationIds());
					}
					case TO_BE_VERIFIED -> waiting++;
					case PARTIALLY_VERIFIED -> partiallyVerified++;
					case FAILED -> failed++;
					default -> {
					}
				}
			}
			int distinctNeeded = (group.peerToPeer && registration.testingType() == TestingType.THOROUGH)
					? Math.min(rule.distinctPartnerOrganizations(), group.availablePartners.size()) : 0;
			boolean met = verified >= group.needed && partners.size() >= distinctNeeded
					&& !(group.peerToPeer && group.availablePartners.isEmpty());
			if (met) {
				satisfied++;
			}
			else if (!(group.peerToPeer && group.availablePartners.isEmpty())) {
				onlyMissingPeers = false;
			}
			verifiedTotal += Math.min(verified, group.needed);
			neededTotal += group.needed;
			partnersUsed.addAll(partners);
			partnersAvailable.addAll(group.availablePartners);
		}
		Indicators indicators = new Indicators(required.size(), satisfied, verifiedTotal, neededTotal, waiting,
				partiallyVerified, failed, partnersUsed.size(), partnersAvailable.size());
		return new ComputedGrade(grade(required.size(), satisfied, onlyMissingPeers, eventClosed), indicators);
	}

	/**
	 * The actors whose registrations {@link #compute} needs as possible partners of
	 * registrations of these actors: the other roles of the tests they play.
	 */
	static Set<Long> partnerActorIds(List<TestDefinition> tests, Collection<Long> actorIds) {
		Set<Long> partners = new HashSet<>();
		for (TestDefinition test : tests) {
			if (test.roles().stream().anyMatch((role) -> actorIds.contains(role.actorId()))) {
				test.roles().forEach((role) -> partners.add(role.actorId()));
			}
		}
		return partners;
	}

	private static Grade grade(int required, int satisfied, boolean onlyMissingPeers, boolean eventClosed) {
		if (required > 0 && satisfied == required) {
			return Grade.PASS;
		}
		if (required > 0 && onlyMissingPeers) {
			return Grade.NO_PEER_AVAILABLE;
		}
		return eventClosed ? Grade.DID_NOT_COMPLETE : Grade.AT_RISK;
	}

	private static boolean plays(TestRole role, long actorId, String optionKeyword) {
		return role.actorId() == actorId
				&& (role.optionKeyword() == null || role.optionKeyword().equals(optionKeyword));
	}

	/** A required role of a test, or of the tests of a meta-test together. */
	private static final class RequiredRole {

		private int needed;

		private boolean peerToPeer;

		private final Set<Long> testIds = new HashSet<>();

		private final Set<Long> availablePartners = new HashSet<>();

	}

}
