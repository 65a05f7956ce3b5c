package org.connectathon.platform.testing;

import org.connectathon.platform.evidence.Evidence;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.FreeText;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ListFilterReader;
import org.connectathon.platform.ListFilters;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.ListSort;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.registration.PublishedRegistration;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.StartForm.Participant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Test instances and their rules: participants start them with published systems
 * registered for the roles' actors, in the numbers the roles allow, with partners from
 * other organizations unless the test allows otherwise; only the organizations taking
 * part move them along; every change is recorded with who, when and why.
 */
@Service
@Validated
public class TestInstanceService {

	/** The longest page of instances that one answer of the API holds. */
	public static final int MAXIMUM_PAGE_SIZE = 1000;

	private final TestInstanceRepository instances;

	private final TestDefinitionService tests;

	private final EventService events;

	private final SystemService systems;

	private final ApplicationEventPublisher publisher;

	private final TestMonitors monitors;

	TestInstanceService(TestInstanceRepository instances, TestDefinitionService tests, EventService events,
			SystemService systems, ApplicationEventPublisher publisher, TestMonitors monitors) {
		this.instances = instances;
		this.tests = tests;
		this.events = events;
		this.systems = systems;
		this.publisher = publisher;
		this.monitors = monitors;
	}

	@Transactional
	public TestInstance start(long testId, @Valid StartForm form, SignedInUser user) {
		TestDefinition test = this.tests.find(testId, user);
		Event event = this.events.find(test.eventId(), user);
		if (event.status() != EventStatus.OPEN && event.status() != EventStatus.RUNNING) {
			throw new RuleViolationException("Tests of " + event.name() + " cannot start: the event is "
					+ event.status().name().toLowerCase() + ".");
		}
		Map<Long, List<PublishedRegistration>> registrationsBySystem = this.systems
			.findPublishedRegistrations(event.id(), user)
			.stream()
			.collect(Collectors.groupingBy(PublishedRegistration::systemId));
		List<String> unknown = new ArrayList<>();
		for (Participant participant : form.participants()) {
			if (test.role(participant.role()).isEmpty()) {
				unknown.add("role '" + participant.role() + "': the test has roles "
						+ test.roles().stream().map(TestRole::keyword).collect(Collectors.joining(", ")));
			}
			if (!registrationsBySystem.containsKey(participant.systemId())) {
				unknown.add("system " + participant.systemId() + ": no published system of " + event.name()
						+ " has this id");
			}
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("The instance names unknown roles or systems; nothing was started.",
					unknown);
		}
		Set<Long> organizations = form.participants()
			.stream()
			.map((participant) -> registrationsBySystem.get(participant.systemId()).get(0).organizationId())
			.collect(Collectors.toSet());
		if (organizations.stream().noneMatch(user::actsFor)) {
			throw new ForbiddenException(
					"You may only start instances in which a system of your organization takes part.");
		}
		requireRules(test, form, registrationsBySystem);

		long id = this.instances.insert(test.id(), event.id(), user.id());
		for (Participant participant : form.participants()) {
			this.instances.insertParticipant(id, test.role(participant.role()).orElseThrow().id(),
					participant.systemId(), registrationsBySystem.get(participant.systemId()).get(0).organizationId());
		}
		for (TestStep step : test.steps()) {
			this.instances.insertStep(id, step.id(), step.index());
		}
		this.instances.insertChange(id, user.id(), user.displayName(), ChangeAction.STARTED, null,
				TestInstanceStatus.RUNNING, null);
		return this.instances.find(id).orElseThrow();
	}

	/** Every broken rule at once, so that one correction is enough. */
	private static void requireRules(TestDefinition test, StartForm form,
			Map<Long, List<PublishedRegistration>> registrationsBySystem) {
		List<String> problems = new ArrayList<>();
		Map<String, List<Long>> systemsByRole = new LinkedHashMap<>();
		form.participants()
			.forEach((participant) -> systemsByRole.computeIfAbsent(participant.role(), (role) -> new ArrayList<>())
				.add(participant.systemId()));
		for (TestRole role : test.roles()) {
			int count = systemsByRole.getOrDefault(role.keyword(), List.of()).size();
			boolean allowed = (count >= role.minSystems() && count <= role.maxSystems())
					|| (count == 0 && !role.required());
			if (!allowed) {
				problems.add("role "
						+ role.keyword() + " takes " + ((role.minSystems() == role.maxSystems())
								? String.valueOf(role.minSystems()) : role.minSystems() + " to " + role.maxSystems())
						+ " system(s), " + count + " given");
			}
		}
		Set<Long> seen = new HashSet<>();
		Map<Long, String> organizationRoles = new LinkedHashMap<>();
		for (Participant participant : form.participants()) {
			TestRole role = test.role(participant.role()).orElseThrow();
			List<PublishedRegistration> registrations = registrationsBySystem.get(participant.systemId());
			PublishedRegistration system = registrations.get(0);
			if (!seen.add(participant.systemId())) {
				problems.add(system.systemName() + " appears twice; a system plays one role in an instance");
			}
			boolean registered = registrations.stream()
				.anyMatch((registration) -> registration.actorId() == role.actorId()
						&& (role.optionKeyword() == null || role.optionKeyword().equals(registration.optionKeyword())));
			if (!registered) {
				problems.add(system.systemName() + " (" + system.organizationName() + ") is not registered for "
						+ role.actor() + ((role.optionKeyword() != null) ? " with option " + role.optionKeyword() : "")
						+ ", which role " + role.keyword() + " needs");
			}
			String otherRole = organizationRoles.putIfAbsent(system.organizationId(), role.keyword());
			if (otherRole != null && !otherRole.equals(role.keyword()) && !test.sameOrganizationAllowed()) {
				problems.add(system.organizationName() + " plays both " + otherRole + " and " + role.keyword() + "; "
						+ test.keyword() + " needs partners from another organization");
			}
		}
		if (!problems.isEmpty()) {
			throw new RuleViolationException("The instance cannot start: " + String.join("; ", problems) + ".");
		}
	}

	/**
	 * Refuses, as not found, a user who may not see the instance: the check before
	 * reading or changing what belongs to it.
	 */
	public void requireVisible(long id, SignedInUser user) {
		find(id, user);
	}

	/** Everyone who sees the event sees its instances, as at a real connectathon. */
	public TestInstance find(long id, SignedInUser user) {
		TestInstance instance = this.instances.find(id).orElseThrow(() -> new NotFoundException("Test instance", id));
		this.events.requireVisible(instance.eventId(), user);
		return instance;
	}

	/**
	 * Whether the user sees what tools report on the instance (the messages of script
	 * runs, TestReports): they quote what the systems under test answered, so only the
	 * organizations taking part, the monitors of its test and organizers do.
	 */
	public boolean maySeeToolReports(TestInstance instance, SignedInUser user) {
		return user.isAdmin() || (user.organizationId() != null && instance.involves(user.organizationId()))
				|| (user.role() == Role.MONITOR && this.monitors.isMonitorOf(instance.testId(), user.id()));
	}

	/**
	 * The instance, if the user sees what tools report on it; see
	 * {@link #maySeeToolReports}.
	 */
	public TestInstance requireMaySeeToolReports(long id, SignedInUser user) {
		TestInstance instance = find(id, user);
		if (!maySeeToolReports(instance, user)) {
			throw new ForbiddenException("The reports of this instance are for the organizations taking part, "
					+ "the monitors of its test and organizers.");
		}
		return instance;
	}

	public TestInstanceDetails details(long id, SignedInUser user, List<Evidence> evidence) {
		TestInstance instance = find(id, user);
		return new TestInstanceDetails(instance, this.tests.find(instance.testId(), user), this.instances.findSteps(id),
				evidence, this.instances.findChanges(id));
	}

	public List<StepInstance> steps(long id, SignedInUser user) {
		requireVisible(id, user);
		return this.instances.findSteps(id);
	}

	/**
	 * One page of the event's instances that pass the filters, in the order they ask
	 * (newest first by default); with {@code mine}, only those in which the user's
	 * organization takes part.
	 * @throws InvalidInputException naming each filter that does not read
	 */
	public ListPage<TestInstance> findInEvent(long eventId, boolean mine, ListFilters filters, int page, int size,
			SignedInUser user) {
		Event event = this.events.find(eventId, user);
		ListPage.requireSize(size, MAXIMUM_PAGE_SIZE);
		ListFilterReader read = filters.reader("test instance", Set.of(ListFilters.TEXT, ListFilters.STATUS,
				ListFilters.PROFILE, ListFilters.ORGANIZATION, ListFilters.TABLE));
		TestInstanceFilter filter = read.finish(new TestInstanceFilter(read.text(),
				read.status(TestInstanceStatus.class), read.profile(event.profiles()), read.organization(),
				read.table(), mine ? user.organizationId() : null,
				read.sort(TestInstanceRepository.SORT_COLUMNS.keySet(), ListSort.descending("id"))));
		if (mine && user.organizationId() == null) {
			return new ListPage<>(List.of(), page, size, 0);
		}
		return this.instances.findPage(eventId, filter, page, size);
	}

	/**
	 * The event's running instances in which the system takes part, for the platform's
	 * own work (the correlation of captured exchanges to steps): no user's view of them.
	 */
	public List<TestInstance> findRunningWithSystem(long eventId, long systemId) {
		return this.instances.findRunningWithSystem(eventId, systemId);
	}

	/**
	 * One page of the instances of these tests waiting for a monitor, critical first,
	 * then the longest waiting; those that the hidden organization takes part in are left
	 * out.
	 */
	public List<TestInstance> findAwaitingVerification(long eventId, Collection<Long> testIds,
			@Nullable Long hiddenOrganizationId, int offset, int limit, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.instances.findAwaitingVerification(eventId, testIds, hiddenOrganizationId, offset, limit);
	}

	public int countAwaitingVerification(long eventId, Collection<Long> testIds, @Nullable Long hiddenOrganizationId,
			SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.instances.countAwaitingVerification(eventId, testIds, hiddenOrganizationId);
	}

	/**
	 * A monitor's verdict on an instance handed over for verification, as the caller
	 * loaded it with {@link #find}. The monitoring service checks the monitor's
	 * assignment and claim; the rules that protect the verdict itself are checked here
	 * again, whoever calls, and the status changes only if it is still the one checked.
	 */
	@Transactional
	public TestInstance recordVerdict(TestInstance instance, TestInstanceStatus verdict, @Nullable String comment,
			SignedInUser monitor) {
		requireMayVerify(instance, monitor);
		if (!verdict.isVerdict()) {
			throw new InvalidInputException("A verdict is verified, partially verified or failed.");
		}
		if (instance.status() != TestInstanceStatus.TO_BE_VERIFIED
				&& instance.status() != TestInstanceStatus.PARTIALLY_VERIFIED && !instance.critical()) {
			throw new RuleViolationException("The instance is " + instance.status().describe()
					+ "; its participants have not handed it over for verification.");
		}
		return recordStatusChange(instance, verdict, comment, monitor);
	}

	/**
	 * Verifies an instance without a monitor, for the TestScript engine once every step
	 * of the test ran and passed: only a test that allows it
	 * ({@code automatedPassVerifies}) and only for an open instance. Recorded, like a
	 * monitor's verdict, with who and why.
	 */
	@Transactional
	public TestInstance verifyWithoutMonitor(long id, String reason, SignedInUser engine) {
		engine.requireAdmin();
		TestInstance instance = find(id, engine);
		TestDefinition test = this.tests.find(instance.testId(), engine);
		if (!test.automatedPassVerifies() || !test.fullyAutomated()) {
			throw new ForbiddenException("A monitor verifies the instances of " + test.keyword() + ".");
		}
		requireOpen(instance);
		return recordStatusChange(instance, TestInstanceStatus.VERIFIED, reason, engine);
	}

	/**
	 * The instances in which the system played one of these actors: what the grades of
	 * its registrations for them are computed from.
	 */
	public List<Participation> findParticipations(long systemId, Collection<Long> actorIds) {
		return this.instances.findParticipations(systemId, actorIds);
	}

	/**
	 * Only monitors verify, and never an instance in which their own organization takes
	 * part.
	 */
	public static void requireMayVerify(TestInstance instance, SignedInUser user) {
		if (user.role() != Role.MONITOR) {
			throw new ForbiddenException("Only monitors verify test instances.");
		}
		if (user.organizationId() != null && instance.involves(user.organizationId())) {
			throw new ForbiddenException("Your organization takes part in this instance; another monitor verifies it.");
		}
	}

	/**
	 * A participant's move (pause, resume, hand to monitors, abort); verdicts belong to
	 * monitors.
	 */
	@Transactional
	public TestInstance changeStatus(long id, @Valid StatusForm form, SignedInUser user) {
		TestInstance instance = requireTakingPart(id, user);
		if (form.status().isVerdict()) {
			throw new ForbiddenException("Only a monitor gives the verdict " + form.status().describe() + ".");
		}
		if (!instance.status().participantMoves().contains(form.status())) {
			throw new RuleViolationException(
					"A " + instance.status().describe() + " instance cannot become " + form.status().describe() + ".");
		}
		return recordStatusChange(instance, form.status(), form.reason(), user);
	}

	/**
	 * Organizers raise the flag on instances that must be verified before the event ends.
	 */
	@Transactional
	public TestInstance setCritical(long id, @Valid CriticalForm form, SignedInUser user) {
		user.requireAdmin();
		TestInstance instance = find(id, user);
		if (instance.critical() != form.critical()) {
			this.instances.updateCritical(id, form.critical());
			this.instances.insertChange(id, user.id(), user.displayName(),
					form.critical() ? ChangeAction.CRITICAL_RAISED : ChangeAction.CRITICAL_CLEARED, null, null,
					FreeText.blankToNull(form.reason()));
		}
		return this.instances.find(id).orElseThrow();
	}

	@Transactional
	public List<StepInstance> changeStep(long id, int index, StepStatus status, SignedInUser user) {
		TestInstance instance = requireTakingPart(id, user);
		requireOpen(instance);
		if (this.instances.updateStep(id, index, status) == 0) {
			throw new NotFoundException("Step", index);
		}
		return this.instances.findSteps(id);
	}

	/**
	 * Holds the step until the caller's transaction ends, so that two requests about the
	 * same step take turns and the second sees what the first did.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockStep(long id, int index) {
		this.instances.lockStep(id, index);
	}

	/**
	 * The instance, if a system of the user's organization takes part in it (organizers
	 * act for every organization).
	 */
	public TestInstance requireTakingPart(long id, SignedInUser user) {
		TestInstance instance = find(id, user);
		if (!user.isAdmin() && (user.organizationId() == null || !instance.involves(user.organizationId()))) {
			throw new ForbiddenException("Only the organizations taking part in this instance may change it.");
		}
		return instance;
	}

	/** Refuses changes to an instance that is closed: verified, failed or aborted. */
	public static void requireOpen(TestInstance instance) {
		if (instance.status().participantMoves().isEmpty()) {
			throw new RuleViolationException(
					"The instance is " + instance.status().describe() + "; it cannot change any more.");
		}
	}

	/**
	 * Moves the instance from the status it was read with to the new one, records who and
	 * why, and announces it so that the grades of its systems follow. Two concurrent
	 * changes cannot both win: the status changes only if it is still the one read.
	 */
	private TestInstance recordStatusChange(TestInstance instance, TestInstanceStatus status, @Nullable String reason,
			SignedInUser user) {
		// Microseconds: what both databases keep of a timestamp, so that the instance
		// returned equals the one read later.
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		if (!this.instances.updateStatus(instance.id(), instance.status(), status, now)) {
			throw new RuleViolationException("The instance changed meanwhile; reload it and try again.");
		}
		this.instances.insertChange(instance.id(), user.id(), user.displayName(), ChangeAction.STATUS,
				instance.status(), status, FreeText.blankToNull(reason));
		this.publisher
			.publishEvent(new InstanceStatusChanged(instance.eventId(), instance.id(), instance.participants(), user));
		return instance.withStatus(status, now);
	}

}
