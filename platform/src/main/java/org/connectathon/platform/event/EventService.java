package org.connectathon.platform.event;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.transaction.annotation.Transactional;

/** Events, their scope and their registration deadline. */
@Service
@Validated
public class EventService {

	private final EventRepository events;

	private final CatalogService catalog;

	private final ApplicationEventPublisher publisher;

	EventService(EventRepository events, CatalogService catalog, ApplicationEventPublisher publisher) {
		this.events = events;
		this.catalog = catalog;
		this.publisher = publisher;
	}

	/** Events the user may see: drafts only for organizers. */
	public List<Event> findVisible(SignedInUser user) {
		return this.events.findAll(user.isAdmin(), user.id());
	}

	/**
	 * Refuses, as not found, a user who may not see the event: the check before reading
	 * or changing what belongs to it.
	 */
	public void requireVisible(long id, SignedInUser user) {
		find(id, user);
	}

	public Event find(long id, SignedInUser user) {
		return this.events.find(id)
			.filter((event) -> event.status() != EventStatus.DRAFT || organizes(id, user))
			.orElseThrow(() -> new NotFoundException("Event", id));
	}

	@Transactional
	public Event create(@Valid EventForm form, SignedInUser user) {
		user.requireAdmin();
		check(form, 0);
		long id = this.events.insert(form, statusOf(form));
		this.events.replaceProfiles(id, this.catalog.profileIds(profilesOf(form)));
		return this.events.find(id).orElseThrow();
	}

	@Transactional
	public Event update(long id, @Valid EventForm form, SignedInUser user) {
		requireOrganizer(id, user);
		Event before = find(id, user);
		check(form, id);
		this.events.update(id, form, statusOf(form));
		this.events.replaceProfiles(id, this.catalog.profileIds(profilesOf(form)));
		if (before.status() != statusOf(form)) {
			this.publisher.publishEvent(new EventStatusChanged(id, before.status(), statusOf(form), user));
		}
		return this.events.find(id).orElseThrow();
	}

	/**
	 * Whether the user organizes the event: organizers (admin role) organize every event,
	 * the coordinator of an approved event proposal the event it became.
	 */
	public boolean organizes(long eventId, SignedInUser user) {
		return user.isAdmin() || this.events.isOrganizer(eventId, user.id());
	}

	public void requireOrganizer(long eventId, SignedInUser user) {
		if (!organizes(eventId, user)) {
			user.requireAdmin();
		}
	}

	/**
	 * Creates the draft event of an approved event proposal, organized by its
	 * coordinator; the caller has checked that a reviewer approved it.
	 */
	@Transactional
	public Event createProposed(@Valid EventForm form, long coordinatorUserId) {
		check(form, 0);
		long id = this.events.insert(form, EventStatus.DRAFT);
		this.events.insertOrganizer(id, coordinatorUserId);
		return this.events.find(id).orElseThrow();
	}

	/**
	 * Adds an approved track's profile to the event's scope; the caller has checked that
	 * a reviewer approved the track.
	 */
	public void addProfile(long eventId, long profileId) {
		this.events.insertProfile(eventId, profileId);
	}

	/**
	 * Refuses a participant's change of registration once the event is no longer open or
	 * its deadline has passed; organizers may always edit.
	 */
	public void requireRegistrationOpen(long eventId, SignedInUser user) {
		Event event = find(eventId, user);
		if (!user.isAdmin() && !event.isRegistrationOpen(Instant.now())) {
			throw new RuleViolationException(event.status() == EventStatus.OPEN
					? "Registration for " + event.name() + " closed at " + event.registrationDeadline()
							+ "; ask an organizer to make changes."
					: "Registration for " + event.name() + " is not open (the event is "
							+ event.status().name().toLowerCase() + ").");
		}
	}

	private void check(EventForm form, long id) {
		if (form.endDate().isBefore(form.startDate())) {
			throw new InvalidInputException("The event ends before it starts.",
					List.of("endDate: on or after startDate " + form.startDate()));
		}
		if (this.events.nameTaken(form.name().strip(), id)) {
			throw new RuleViolationException("An event named '" + form.name().strip() + "' already exists.");
		}
	}

	private static EventStatus statusOf(EventForm form) {
		return (form.status() != null) ? form.status() : EventStatus.DRAFT;
	}

	private static List<String> profilesOf(EventForm form) {
		return (form.profiles() != null) ? form.profiles() : List.of();
	}

}
