package org.connectathon.platform.event;

import org.connectathon.platform.security.SignedInUser;

/**
 * Published inside the transaction that changed an event's status, so that what depends
 * on it (the public results of an event back in draft) follows in the same transaction.
 */
public record EventStatusChanged(long eventId, EventStatus from, EventStatus to, SignedInUser changedBy) {

}
