package org.connectathon.platform.testing;

import java.time.OffsetDateTime;
import java.util.List;

/** A run of a test by chosen systems, one per role or more where the role allows. */
public record TestInstance(long id, long testId, String testKeyword, String testName, long eventId,
		TestInstanceStatus status, boolean critical, OffsetDateTime startedAt, OffsetDateTime statusChangedAt,
		List<InstanceParticipant> participants) {

	/** Whether a system of this organization takes part. */
	public boolean involves(long organizationId) {
		return this.participants.stream().anyMatch((participant) -> participant.organizationId() == organizationId);
	}

}
