package org.connectathon.platform.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A testing event with the profiles in its scope (by keyword).
 *
 * @param allowPrivateAddresses whether the platform may send requests on participants'
 * behalf to loopback and private addresses (an event on one laptop or a private network);
 * otherwise only to public ones
 */
public record Event(long id, String name, @Nullable String description, @Nullable String location, LocalDate startDate,
		LocalDate endDate, OffsetDateTime registrationDeadline, EventStatus status, List<String> profiles,
		boolean allowPrivateAddresses) {

	/**
	 * Participants may change their registrations while the event is open and the
	 * deadline is ahead.
	 */
	public boolean isRegistrationOpen(Instant now) {
		return this.status == EventStatus.OPEN && now.isBefore(this.registrationDeadline.toInstant());
	}

}
