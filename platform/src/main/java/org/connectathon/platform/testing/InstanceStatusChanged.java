package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;

/**
 * Published inside the transaction that changed an instance's status, so that grades
 * follow in the same transaction. Names the systems taking part with the actors they
 * played, the only registrations whose grades may change, and who changed it.
 */
public record InstanceStatusChanged(long eventId, long instanceId, List<InstanceParticipant> participants,
		SignedInUser changedBy) {

}
