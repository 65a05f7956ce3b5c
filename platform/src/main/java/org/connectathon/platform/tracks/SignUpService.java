package org.connectathon.platform.tracks;

import java.util.List;

import jakarta.validation.Valid;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.catalog.Actor;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.registration.EndpointForm;
import org.connectathon.platform.registration.RegisteredSystem;
import org.connectathon.platform.registration.RegistrationForm;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-ups of systems to tracks' roles. A sign-up also registers the system for the
 * role's actor (and a server's base URL as its endpoint), so that the partner finder and
 * test instances work for tracks as for profiles; it therefore follows the registration
 * rules: the system's own organization, until the event's registration deadline. A
 * server's CapabilityStatement is fetched first: when it cannot be, nothing is stored.
 */
@Service
@Validated
public class SignUpService {

	private final TrackService tracks;

	private final SignUpRepository signUps;

	private final SystemService systems;

	private final EventService events;

	private final CatalogService catalog;

	private final SignUpCapabilityFetcher fetcher;

	SignUpService(TrackService tracks, SignUpRepository signUps, SystemService systems, EventService events,
			CatalogService catalog, SignUpCapabilityFetcher fetcher) {
		this.tracks = tracks;
		this.signUps = signUps;
		this.systems = systems;
		this.events = events;
		this.catalog = catalog;
		this.fetcher = fetcher;
	}

	public List<SignUp> findByTrack(long trackId, SignedInUser user) {
		this.tracks.find(trackId, user);
		return this.signUps.findByTrack(trackId);
	}

	/** The CapabilityStatement a server's sign-up stored, as the server sent it. */
	public String capabilityStatement(long trackId, long signUpId, SignedInUser user) {
		find(trackId, signUpId, user);
		return this.signUps.capabilityStatement(signUpId)
			.orElseThrow(() -> new NotFoundException("CapabilityStatement of sign-up", signUpId));
	}

	/** The event's signed-up servers that claim what a client looks for. */
	public List<SignUp> findServers(long eventId, SignUpServerSearch search, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.signUps.findServers(eventId, search);
	}

	@Transactional
	public SignUp signUp(long trackId, @Valid SignUpForm form, SignedInUser user) {
		Track track = this.tracks.find(trackId, user);
		Track.Role role = track.roles()
			.stream()
			.filter((candidate) -> candidate.keyword().equals(form.role().strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(
					"The track " + track.name() + " has no role " + form.role().strip() + ".",
					List.of("role: no such role in the track")));
		RegisteredSystem system = this.systems.find(form.systemId(), user);
		user.requireActsFor(system.organizationId());
		if (system.eventId() != track.eventId()) {
			throw new InvalidInputException("The system " + system.name() + " is not registered in this track's event.",
					List.of("systemId: a system of another event"));
		}
		this.events.requireRegistrationOpen(track.eventId(), user);
		if (this.signUps.exists(role.id(), system.id())) {
			throw new RuleViolationException(
					system.name() + " is already signed up as " + role.name() + " in " + track.name() + ".");
		}
		Event event = this.events.find(track.eventId(), user);
		String baseUrl = form.normalizedBaseUrl();
		SignUpCapabilityStatement statement = (baseUrl != null)
				? this.fetcher.fetch(baseUrl, event.allowPrivateAddresses()) : null;
		registerForRole(system, role, baseUrl, track.specification().fhirVersion(), user);
		long id = this.signUps.insert(trackId, role.id(), system.id(), baseUrl, statement, user.id());
		return this.signUps.find(id).orElseThrow();
	}

	/** Withdraws a sign-up; the system's registration for the role's actor stays. */
	@Transactional
	public void withdraw(long trackId, long signUpId, SignedInUser user) {
		SignUp signUp = find(trackId, signUpId, user);
		user.requireActsFor(signUp.organizationId());
		this.signUps.delete(signUpId);
	}

	private SignUp find(long trackId, long signUpId, SignedInUser user) {
		this.tracks.find(trackId, user);
		return this.signUps.find(signUpId)
			.filter((signUp) -> signUp.trackId() == trackId)
			.orElseThrow(() -> new NotFoundException("Sign-up", signUpId));
	}

	private void registerForRole(RegisteredSystem system, Track.Role role, @Nullable String baseUrl,
			@Nullable String fhirVersion, SignedInUser user) {
		Actor actor = this.catalog.catalog().actorsById().get(role.actorId());
		boolean registered = this.systems.findRegistrations(system.id(), user)
			.stream()
			.anyMatch((registration) -> registration.actorId() == actor.id());
		if (!registered) {
			this.systems.register(system.id(),
					List.of(new RegistrationForm(actor.profileKeyword(), actor.keyword(), null, null)), user);
		}
		boolean endpointKnown = baseUrl == null || this.systems.findEndpoints(system.id(), user)
			.stream()
			.anyMatch((endpoint) -> endpoint.actorId() == actor.id() && endpoint.baseUrl().equals(baseUrl));
		if (!endpointKnown) {
			this.systems.addEndpoint(system.id(),
					new EndpointForm(actor.profileKeyword(), actor.keyword(), baseUrl, fhirVersion, null, null), user);
		}
	}

}
