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

	/** The same instance after its status changed at the given time. */
	public TestInstance withStatus(TestInstanceStatus status, OffsetDateTime changedAt) {
		return new TestInstance(this.id, this.testId, this.testKeyword, this.testName, this.eventId, status,
				this.critical, this.startedAt, changedAt, this.participants);
	}

}
