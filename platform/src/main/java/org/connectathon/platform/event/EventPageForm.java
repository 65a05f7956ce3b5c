package org.connectathon.platform.event;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The event form of the organizers' pages, whose date-time fields carry no offset: they
 * are UTC.
 */
record EventPageForm(String name, @Nullable String description, @Nullable String location,
		@DateTimeFormat(iso = ISO.DATE) LocalDate startDate, @DateTimeFormat(iso = ISO.DATE) LocalDate endDate,
		@DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime registrationDeadline, EventStatus status,
		@Nullable List<String> profiles, @Nullable Boolean allowPrivateAddresses) {

	/** The form filled with the event as it is. */
	static EventPageForm of(Event event) {
		return new EventPageForm(event.name(), event.description(), event.location(), event.startDate(),
				event.endDate(), event.registrationDeadline().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(),
				event.status(), event.profiles(), event.allowPrivateAddresses());
	}

	EventForm toEventForm() {
		return new EventForm(this.name, this.description, this.location, this.startDate, this.endDate,
				(this.registrationDeadline != null) ? this.registrationDeadline.atOffset(ZoneOffset.UTC) : null,
				this.status, (this.profiles != null) ? this.profiles : List.of(),
				Boolean.TRUE.equals(this.allowPrivateAddresses));
	}

}
