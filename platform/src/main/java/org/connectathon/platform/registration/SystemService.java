package org.connectathon.platform.registration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ListFilterReader;
import org.connectathon.platform.ListFilters;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.ListSort;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.catalog.Actor;
import org.connectathon.platform.catalog.ActorOption;
import org.connectathon.platform.catalog.ActorReference;
import org.connectathon.platform.catalog.Catalog;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.proxy.hl7v2.MllpSettings;
import org.connectathon.platform.security.OutboundAddresses;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.transaction.annotation.Transactional;

/**
 * Systems, their actor registrations and endpoints, with the event's rules: a participant
 * changes only its own organization's systems and only until the registration deadline;
 * registrations stay within the event's profiles and satisfy the catalog's actor
 * dependencies.
 */
@Service
@Validated
public class SystemService {

	/** The longest page of systems that one answer of the API holds. */
	public static final int MAXIMUM_PAGE_SIZE = 1000;

	private final SystemRepository systems;

	private final EventService events;

	private final CatalogService catalog;

	private final OrganizationService organizations;

	private final OutboundAddresses outbound;

	private final MllpSettings mllp;

	SystemService(SystemRepository systems, EventService events, CatalogService catalog,
			OrganizationService organizations, OutboundAddresses outbound, MllpSettings mllp) {
		this.systems = systems;
		this.events = events;
		this.catalog = catalog;
		this.organizations = organizations;
		this.outbound = outbound;
		this.mllp = mllp;
	}

	/**
	 * The event's systems the user may see: published ones, and drafts of the user's
	 * organization.
	 */
	public List<RegisteredSystem> findInEvent(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.systems.findInEvent(eventId, user.organizationId(), user.isAdmin());
	}

	/**
	 * One page of the event's systems that the user may see and that pass the filters, by
	 * organization and name unless they ask for another order.
	 * @throws InvalidInputException naming each filter that does not read
	 */
	public ListPage<RegisteredSystem> findInEvent(long eventId, ListFilters filters, int page, int size,
			SignedInUser user) {
		Event event = this.events.find(eventId, user);
		ListPage.requireSize(size, MAXIMUM_PAGE_SIZE);
		ListFilterReader read = filters.reader("system", Set.of(ListFilters.TEXT, ListFilters.STATUS,
				ListFilters.PROFILE, ListFilters.ORGANIZATION, ListFilters.TABLE));
		SystemFilter filter = read.finish(new SystemFilter(read.text(), read.status(SystemStatus.class),
				read.profile(event.profiles()), read.organization(), read.table(),
				read.sort(SystemRepository.SORT_COLUMNS.keySet(), ListSort.ascending("organization"))));
		return this.systems.findPage(eventId, filter, user.organizationId(), user.isAdmin(), page, size);
	}

	/**
	 * The organizations with systems in the event that the user may see, by id, in the
	 * order of their names: the choices of an organization filter.
	 */
	public Map<Long, String> organizationsInEvent(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.systems.findOrganizationsInEvent(eventId, user.organizationId(), user.isAdmin());
	}

	public List<RegisteredSystem> findOfOrganization(long organizationId, SignedInUser user) {
		user.requireActsFor(organizationId);
		return this.systems.findOfOrganization(organizationId);
	}

	/**
	 * Refuses, as not found, a user who may not see the system: the check before reading
	 * or changing what belongs to it.
	 */
	public void requireVisible(long id, SignedInUser user) {
		find(id, user);
	}

	/**
	 * A system, if the user may see it; another organization's draft does not exist for
	 * them.
	 */
	public RegisteredSystem find(long id, SignedInUser user) {
		return this.systems.find(id)
			.filter((system) -> system.status() == SystemStatus.PUBLISHED || user.actsFor(system.organizationId()))
			.orElseThrow(() -> new NotFoundException("System", id));
	}

	@Transactional
	public RegisteredSystem create(long eventId, @Valid SystemForm form, SignedInUser user) {
		this.events.requireRegistrationOpen(eventId, user);
		long organizationId = owningOrganization(form, user);
		user.requireActsFor(organizationId);
		requireNameFree(eventId, organizationId, form.name(), 0);
		long id = this.systems.insert(eventId, organizationId, form, statusOf(form));
		return this.systems.find(id).orElseThrow();
	}

	@Transactional
	public RegisteredSystem update(long id, @Valid SystemForm form, SignedInUser user) {
		RegisteredSystem system = findForChange(id, user);
		requireNameFree(system.eventId(), system.organizationId(), form.name(), id);
		this.systems.update(id, form, statusOf(form));
		return this.systems.find(id).orElseThrow();
	}

	/**
	 * Organizers place systems on the testing floor, so that partners find each other;
	 * the system stays otherwise as its organization left it, even after the deadline.
	 */
	@Transactional
	public RegisteredSystem assignTableLocation(long id, @Valid TableLocationForm form, SignedInUser user) {
		user.requireAdmin();
		requireVisible(id, user);
		this.systems.updateTableLocation(id, form.normalized());
		return this.systems.find(id).orElseThrow();
	}

	@Transactional
	public void delete(long id, SignedInUser user) {
		findForChange(id, user);
		this.systems.delete(id);
	}

	public List<ActorRegistration> findRegistrations(long systemId, SignedInUser user) {
		requireVisible(systemId, user);
		return this.systems.findRegistrations(systemId);
	}

	/**
	 * The actor registrations of the event's published systems, which everyone in the
	 * event may see.
	 */
	public List<PublishedRegistration> findPublishedRegistrations(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.systems.findPublishedRegistrations(eventId);
	}

	/**
	 * The event's published registrations for these actors only: the possible partners of
	 * a few registrations, without reading the whole event.
	 */
	public List<PublishedRegistration> findPublishedRegistrations(long eventId, Collection<Long> actorIds,
			SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.systems.findPublishedRegistrations(eventId, actorIds);
	}

	public PublishedRegistration findPublishedRegistration(long eventId, long registrationId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.systems.findPublishedRegistration(eventId, registrationId)
			.orElseThrow(() -> new NotFoundException("Registration", registrationId));
	}

	/**
	 * Registers the system for these actors at once, so that an actor and the actor it
	 * requires can come in one request. All or nothing.
	 */
	@Transactional
	public List<ActorRegistration> register(long systemId, List<@Valid RegistrationForm> forms, SignedInUser user) {
		RegisteredSystem system = findForChange(systemId, user);
		Event event = this.events.find(system.eventId(), user);
		Catalog catalog = this.catalog.catalog();
		List<ActorRegistration> existing = this.systems.findRegistrations(systemId);
		Set<ActorReference> registered = new HashSet<>();
		existing.forEach((registration) -> registered
			.add(new ActorReference(registration.profileKeyword(), registration.actorKeyword())));

		List<String> problems = new ArrayList<>();
		List<PendingRegistration> pending = new ArrayList<>();
		for (RegistrationForm form : forms) {
			ActorReference reference = new ActorReference(form.profile(), form.actor());
			Actor actor = catalog.actor(reference).orElse(null);
			if (actor == null) {
				problems.add(reference + ": no such actor in the catalog");
				continue;
			}
			if (!event.profiles().contains(form.profile())) {
				problems.add(reference + ": profile " + form.profile() + " is not in the scope of " + event.name());
				continue;
			}
			ActorOption option = null;
			if (form.option() != null && !form.option().isBlank()) {
				option = actor.options()
					.stream()
					.filter((candidate) -> candidate.keyword().equals(form.option()))
					.findFirst()
					.orElse(null);
				if (option == null) {
					problems.add(reference + ": actor has no option " + form.option());
					continue;
				}
			}
			String optionKeyword = (option != null) ? option.keyword() : null;
			boolean duplicate = existing.stream()
				.anyMatch((registration) -> registration.actorId() == actor.id()
						&& Objects.equals(registration.optionKeyword(), optionKeyword))
					|| pending.stream()
						.anyMatch((other) -> other.actor().id() == actor.id()
								&& Objects.equals(other.optionKeyword(), optionKeyword));
			if (duplicate) {
				problems.add(reference + (optionKeyword != null ? " with option " + optionKeyword : "")
						+ ": the system is already registered for it");
				continue;
			}
			pending.add(new PendingRegistration(actor, option, form));
			registered.add(reference);
		}
		for (PendingRegistration registration : pending) {
			for (ActorReference required : registration.actor().requires()) {
				if (!registered.contains(required)) {
					problems.add(registration.actor().reference() + " requires " + describe(catalog, required)
							+ ": register the system for it too (in the same request or first)");
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new RuleViolationException(
					"The system cannot be registered for these actors: " + String.join("; ", problems) + ".");
		}
		for (PendingRegistration registration : pending) {
			this.systems.insertRegistration(systemId, registration.actor().id(),
					(registration.option() != null) ? registration.option().id() : null,
					(registration.form().testingType() != null) ? registration.form().testingType()
							: TestingType.THOROUGH);
		}
		return this.systems.findRegistrations(systemId);
	}

	/**
	 * Removes a registration, unless another registration of the system requires its
	 * actor.
	 */
	@Transactional
	public void unregister(long systemId, long registrationId, SignedInUser user) {
		findForChange(systemId, user);
		List<ActorRegistration> registrations = this.systems.findRegistrations(systemId);
		ActorRegistration removed = registrations.stream()
			.filter((registration) -> registration.id() == registrationId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Registration", registrationId));
		ActorReference removedActor = new ActorReference(removed.profileKeyword(), removed.actorKeyword());
		boolean stillRegistered = registrations.stream()
			.anyMatch((other) -> other.id() != registrationId && other.actorId() == removed.actorId());
		if (!stillRegistered) {
			Catalog catalog = this.catalog.catalog();
			for (ActorRegistration other : registrations) {
				Actor actor = catalog.actorsById().get(other.actorId());
				if (other.id() != registrationId && actor.requires().contains(removedActor)) {
					throw new RuleViolationException(actor.reference() + " requires " + removedActor + ": remove "
							+ actor.reference() + " first.");
				}
			}
		}
		this.systems.deleteRegistration(systemId, registrationId);
	}

	public List<Endpoint> findEndpoints(long systemId, SignedInUser user) {
		requireVisible(systemId, user);
		return this.systems.findEndpoints(systemId);
	}

	/**
	 * Declares where the system answers for an actor: a base URL that the platform may
	 * send requests to under the event's address policy. An HL7 v2 endpoint gets the
	 * lowest free port of the organizer's range ({@code connectathon.mllp.ports}), on
	 * which the platform relays its messages.
	 */
	@Transactional
	public Endpoint addEndpoint(long systemId, @Valid EndpointForm form, SignedInUser user) {
		RegisteredSystem system = findForChange(systemId, user);
		ActorRegistration registration = this.systems.findRegistrations(systemId)
			.stream()
			.filter((candidate) -> candidate.profileKeyword().equals(form.profile())
					&& candidate.actorKeyword().equals(form.actor()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("The system is not registered for " + form.profile() + ":"
					+ form.actor() + "; register it for that actor before declaring its endpoint."));
		this.outbound.requireAllowed(form.baseUrl(), form.protocolOrFhir(),
				this.events.find(system.eventId(), user).allowPrivateAddresses());
		Integer mllpPort = null;
		if (form.protocolOrFhir() == Protocol.HL7V2) {
			mllpPort = this.mllp.firstFreePort(this.systems.findMllpPorts())
				.orElseThrow(() -> new RuleViolationException("Every port of the range " + this.mllp.ports()
						+ " that the platform relays HL7 v2 endpoints on is taken; ask an organizer to widen it."));
		}
		long id;
		try {
			id = this.systems.insertEndpoint(systemId, registration.actorId(), form, mllpPort);
		}
		catch (DuplicateKeyException portTakenMeanwhile) {
			throw new RuleViolationException(
					"Another HL7 v2 endpoint took the same port at the same moment; declare the endpoint again.");
		}
		return this.systems.findEndpoints(systemId)
			.stream()
			.filter((endpoint) -> endpoint.id() == id)
			.findFirst()
			.orElseThrow();
	}

	@Transactional
	public void removeEndpoint(long systemId, long endpointId, SignedInUser user) {
		findForChange(systemId, user);
		if (this.systems.deleteEndpoint(systemId, endpointId) == 0) {
			throw new NotFoundException("Endpoint", endpointId);
		}
	}

	private RegisteredSystem findForChange(long id, SignedInUser user) {
		RegisteredSystem system = find(id, user);
		user.requireActsFor(system.organizationId());
		this.events.requireRegistrationOpen(system.eventId(), user);
		return system;
	}

	private long owningOrganization(SystemForm form, SignedInUser user) {
		if (user.isAdmin()) {
			if (form.organizationId() == null) {
				throw new InvalidInputException("Name the organization that owns the system.",
						List.of("organizationId: required when an organizer registers a system"));
			}
			return this.organizations.find(form.organizationId()).id();
		}
		if (user.organizationId() == null) {
			throw new ForbiddenException("Only members of an organization register systems.");
		}
		return user.organizationId();
	}

	private void requireNameFree(long eventId, long organizationId, String name, long exceptId) {
		if (this.systems.nameTaken(eventId, organizationId, name.strip(), exceptId)) {
			throw new RuleViolationException(
					"Your organization already has a system named '" + name.strip() + "' in this event.");
		}
	}

	private static SystemStatus statusOf(SystemForm form) {
		return (form.status() != null) ? form.status() : SystemStatus.DRAFT;
	}

	private static String describe(Catalog catalog, ActorReference reference) {
		return catalog.actor(reference)
			.map((actor) -> reference + " (" + actor.name() + ")")
			.orElse(reference.toString());
	}

	private record PendingRegistration(Actor actor, ActorOption option, RegistrationForm form) {

		String optionKeyword() {
			return (this.option != null) ? this.option.keyword() : null;
		}

	}

}
