package org.connectathon.platform.testing;

import java.util.Set;

/**
 * A system's part in one test instance: the test, the actor of its role, the instance's
 * status and the other organizations taking part. What grading reads, one system at a
 * time.
 */
public record Participation(long instanceId, long testId, long actorId, TestInstanceStatus status,
		Set<Long> partnerOrganizationIds) {

}
