package org.connectathon.platform.results;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.catalog.ActorReference;
import org.connectathon.platform.catalog.Catalog;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.event.EventStatusChanged;
import org.connectathon.platform.registration.ActorRegistration;
import org.connectathon.platform.registration.PublishedRegistration;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.results.GradeRepository.StoredGrade;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.InstanceParticipant;
import org.connectathon.platform.testing.InstanceStatusChanged;
import org.connectathon.platform.testing.Participation;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.platform.testing.TestInstanceService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Grades and the results matrix. A grade is recomputed, in the transaction of the change,
 * for the registrations of the systems taking part in an instance whose status changed;
 * the matrix reads the stored grades. Organizers override a grade with a reason and
 * publish the matrix, frozen, for everyone.
 */
@Service
@Validated
public class GradingService {

	private final GradeRepository grades;

	private final SystemService systems;

	private final TestDefinitionService tests;

	private final TestInstanceService instances;

	private final EventService events;

	private final CatalogService catalog;

	GradingService(GradeRepository grades, SystemService systems, TestDefinitionService tests,
			TestInstanceService instances, EventService events, CatalogService catalog) {
		this.grades = grades;
		this.systems = systems;
		this.tests = tests;
		this.instances = instances;
		this.events = events;
		this.catalog = catalog;
	}

	/**
	 * Regrades, as the user who changed the instance, the registrations of the systems
	 * taking part for the actor each played in it: no other grade can change. Reads only
	 * what those grades depend on: the systems' own instances, and the registrations of
	 * the actors they could partner with (among which are their own).
	 */
	@EventListener
	public void regrade(InstanceStatusChanged change) {
		SignedInUser user = change.changedBy();
		Event event = this.events.find(change.eventId(), user);
		List<TestDefinition> tests = this.tests.findInEvent(event.id(), user);
		List<PublishedRegistration> partners = this.systems.findPublishedRegistrations(event.id(), GradeCalculator
			.partnerActorIds(tests, change.participants().stream().map(InstanceParticipant::actorId).toList()), user);
		List<PublishedRegistration> played = partners.stream()
			.filter((registration) -> change.participants()
				.stream()
				.anyMatch((participant) -> participant.systemId() == registration.systemId()
						&& participant.actorId() == registration.actorId()))
			.toList();
		regrade(event, played, partners, tests, "computed after instance " + change.instanceId() + " changed", user);
	}

	/**
	 * Computes and stores the grades of these registrations, recording those that
	 * changed; each system's instances are read once, for the actors regraded.
	 * @param partners the published registrations of every actor the regraded ones could
	 * partner with
	 */
	private void regrade(Event event, List<PublishedRegistration> registrations, List<PublishedRegistration> partners,
			List<TestDefinition> tests, String reason, SignedInUser user) {
		List<GradingRuleForm> rules = this.grades.findRules(event.id());
		Map<Long, List<PublishedRegistration>> registrationsBySystem = registrations.stream()
			.collect(Collectors.groupingBy(PublishedRegistration::systemId, LinkedHashMap::new, Collectors.toList()));
		for (Map.Entry<Long, List<PublishedRegistration>> system : registrationsBySystem.entrySet()) {
			List<Participation> participations = this.instances.findParticipations(system.getKey(),
					system.getValue().stream().map(PublishedRegistration::actorId).toList());
			for (PublishedRegistration registration : system.getValue()) {
				ComputedGrade computed = GradeCalculator.compute(asRegistration(registration),
						registration.organizationId(), tests, partners, participations,
						event.status() == EventStatus.CLOSED,
						GradingRule.forActor(rules, registration.profileKeyword(), registration.actorKeyword()));
				Grade before = this.grades.find(registration.registrationId())
					.map(StoredGrade::computedGrade)
					.orElse(null);
				this.grades.saveComputed(registration.registrationId(), event.id(), computed);
				if (before != computed.grade()) {
					this.grades.insertChange(registration.registrationId(), user.id(), user.displayName(), before,
							computed.grade(), reason);
				}
			}
		}
	}

	/**
	 * The matrix: organizers and monitors see every registration, participants their own
	 * organization's. Registrations without any graded instance yet are computed from
	 * nothing.
	 */
	public List<RegistrationResult> matrix(long eventId, SignedInUser user) {
		Event event = this.events.find(eventId, user);
		List<TestDefinition> tests = this.tests.findInEvent(eventId, user);
		List<PublishedRegistration> registrations = this.systems.findPublishedRegistrations(eventId, user);
		Map<Long, StoredGrade> stored = this.grades.findInEvent(eventId);
		List<GradingRuleForm> rules = this.grades.findRules(eventId);
		List<RegistrationResult> results = new ArrayList<>();
		for (PublishedRegistration registration : registrations) {
			if (maySee(registration, user)) {
				StoredGrade grade = stored.get(registration.registrationId());
				results.add(toResult(registration,
						(grade != null) ? grade : ungraded(registration, event, tests, registrations, rules), event));
			}
		}
		return results;
	}

	/** One row of the matrix, if the user may see it, read alone. */
	public RegistrationResult result(long eventId, long registrationId, SignedInUser user) {
		Event event = this.events.find(eventId, user);
		PublishedRegistration registration = this.systems.findPublishedRegistration(eventId, registrationId, user);
		if (!maySee(registration, user)) {
			throw new NotFoundException("Registration", registrationId);
		}
		StoredGrade grade = this.grades.find(registrationId).orElseGet(() -> {
			List<TestDefinition> tests = this.tests.findInEvent(eventId, user);
			List<PublishedRegistration> partners = this.systems.findPublishedRegistrations(eventId,
					GradeCalculator.partnerActorIds(tests, List.of(registration.actorId())), user);
			return ungraded(registration, event, tests, partners, this.grades.findRules(eventId));
		});
		return toResult(registration, grade, event);
	}

	private static boolean maySee(PublishedRegistration registration, SignedInUser user) {
		return user.isAdmin() || user.role() == Role.MONITOR
				|| Objects.equals(user.organizationId(), registration.organizationId());
	}

	/** The grade of a registration none of whose instances has changed yet. */
	private static StoredGrade ungraded(PublishedRegistration registration, Event event, List<TestDefinition> tests,
			List<PublishedRegistration> partners, List<GradingRuleForm> rules) {
		ComputedGrade computed = GradeCalculator.compute(asRegistration(registration), registration.organizationId(),
				tests, partners, List.of(), event.status() == EventStatus.CLOSED,
				GradingRule.forActor(rules, registration.profileKeyword(), registration.actorKeyword()));
		return new StoredGrade(registration.registrationId(), computed.grade(), null, null, computed.indicators());
	}

	private static RegistrationResult toResult(PublishedRegistration registration, StoredGrade grade, Event event) {
		// A grade computed while the event ran becomes final when it closes.
		Grade computed = (event.status() == EventStatus.CLOSED && grade.computedGrade() == Grade.AT_RISK)
				? Grade.DID_NOT_COMPLETE : grade.computedGrade();
		return new RegistrationResult(registration.registrationId(), registration.organizationId(),
				registration.organizationName(), registration.systemId(), registration.systemName(),
				registration.profileKeyword(), registration.actorKeyword(), registration.optionKeyword(),
				registration.testingType(), (grade.overrideGrade() != null) ? grade.overrideGrade() : computed,
				computed, grade.overrideReason(), grade.indicators());
	}

	public List<GradingRuleForm> findRules(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.grades.findRules(eventId);
	}

	/**
	 * Replaces the event's grading rules, then regrades every published system of the
	 * event: a rare organizer's action, the one time grading reads the whole event.
	 */
	@Transactional
	public List<GradingRuleForm> replaceRules(long eventId, List<@Valid GradingRuleForm> rules, SignedInUser user) {
		user.requireAdmin();
		Event event = this.events.find(eventId, user);
		Catalog catalog = this.catalog.catalog();
		List<String> problems = new ArrayList<>();
		Set<String> scopes = new HashSet<>();
		for (int r = 0; r < rules.size(); r++) {
			GradingRuleForm rule = rules.get(r);
			String where = "rules[" + r + "]";
			if (rule.actor() != null && rule.profile() == null) {
				problems.add(where + ": name the profile of actor " + rule.actor());
			}
			else if (rule.profile() != null && !event.profiles().contains(rule.profile())) {
				problems.add(where + ".profile: " + rule.profile() + " is not in the scope of " + event.name());
			}
			else if (rule.actor() != null
					&& catalog.actor(new ActorReference(rule.profile(), rule.actor())).isEmpty()) {
				problems.add(where + ".actor: unknown actor " + rule.profile() + ":" + rule.actor());
			}
			if (!scopes.add(rule.profile() + ":" + rule.actor())) {
				problems.add(where + ": a rule for the same scope comes earlier");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("The grading rules are inconsistent; nothing was changed.", problems);
		}
		this.grades.replaceRules(eventId, rules);
		List<PublishedRegistration> registrations = this.systems.findPublishedRegistrations(eventId, user);
		regrade(event, registrations, registrations, this.tests.findInEvent(eventId, user),
				"computed after the grading rules changed", user);
		return this.grades.findRules(eventId);
	}

	public List<GradeChange> history(long eventId, long registrationId, SignedInUser user) {
		result(eventId, registrationId, user);
		return this.grades.findChanges(registrationId);
	}

	/**
	 * An organizer sets the grade, or with none goes back to the computed one; the reason
	 * is kept.
	 */
	@Transactional
	public RegistrationResult override(long eventId, long registrationId, @Valid OverrideForm form, SignedInUser user) {
		user.requireAdmin();
		RegistrationResult current = result(eventId, registrationId, user);
		if (this.grades.find(registrationId).isEmpty()) {
			this.grades.saveComputed(registrationId, eventId,
					new ComputedGrade(current.computedGrade(), current.indicators()));
		}
		this.grades.saveOverride(registrationId, form.grade(), (form.grade() != null) ? form.reason().strip() : null);
		this.grades.insertChange(registrationId, user.id(), user.displayName(), current.grade(),
				(form.grade() != null) ? form.grade() : current.computedGrade(), form.reason().strip());
		return result(eventId, registrationId, user);
	}

	/**
	 * Freezes the matrix as it is now into the public page; publishing again replaces it.
	 * A draft event has nothing to show the public yet.
	 */
	@Transactional
	public Publication publish(long eventId, SignedInUser user) {
		user.requireAdmin();
		Event event = this.events.find(eventId, user);
		if (event.status() == EventStatus.DRAFT) {
			throw new RuleViolationException("The results of " + event.name()
					+ " cannot be published while the event is a draft; open it first.");
		}
		List<PublishedResult> rows = matrix(eventId, user).stream()
			.map((result) -> new PublishedResult(result.organizationName(), result.systemName(),
					result.profileKeyword(), result.actorKeyword(), result.optionKeyword(), result.testingType().name(),
					result.grade(), result.indicators().satisfiedRoles(), result.indicators().requiredRoles(),
					result.indicators().verifiedInstances(), result.indicators().neededInstances(),
					result.indicators().partnersUsed(), result.indicators().partnersAvailable()))
			.toList();
		this.grades.replacePublication(eventId, event.name(), user.displayName(), rows);
		this.grades.insertPublicationChange(eventId, user.id(), user.displayName(), PublicationAction.PUBLISHED, null);
		return publication(eventId);
	}

	/**
	 * Takes the published results off the public page and API, recording why; the matrix
	 * itself is untouched and may be published again.
	 */
	@Transactional
	public PublicationChange withdraw(long eventId, @Valid WithdrawalForm form, SignedInUser user) {
		user.requireAdmin();
		this.events.requireVisible(eventId, user);
		if (!this.grades.deletePublication(eventId)) {
			throw new RuleViolationException("The results of event " + eventId + " are not published.");
		}
		this.grades.insertPublicationChange(eventId, user.id(), user.displayName(), PublicationAction.WITHDRAWN,
				form.reason().strip());
		List<PublicationChange> changes = this.grades.findPublicationChanges(eventId);
		return changes.get(changes.size() - 1);
	}

	/**
	 * An event back in draft is seen by organizers only, so its results leave the public
	 * page with it; they come back only when an organizer publishes again.
	 */
	@EventListener
	public void withdrawFromDraft(EventStatusChanged change) {
		if (change.to() == EventStatus.DRAFT && this.grades.deletePublication(change.eventId())) {
			SignedInUser user = change.changedBy();
			this.grades.insertPublicationChange(change.eventId(), user.id(), user.displayName(),
					PublicationAction.WITHDRAWN, "the event went back to draft");
		}
	}

	/** Who published and withdrew the event's results, oldest first; organizers only. */
	public List<PublicationChange> publicationChanges(long eventId, SignedInUser user) {
		user.requireAdmin();
		this.events.requireVisible(eventId, user);
		return this.grades.findPublicationChanges(eventId);
	}

	public boolean isPublished(long eventId) {
		return this.grades.isPublished(eventId);
	}

	/** The published results, for everyone, signed in or not. */
	public Publication publication(long eventId) {
		return this.grades.findPublication(eventId)
			.orElseThrow(() -> new NotFoundException("Published results of event", eventId));
	}

	private static ActorRegistration asRegistration(PublishedRegistration registration) {
		return new ActorRegistration(registration.registrationId(), registration.systemId(), registration.actorId(),
				registration.profileKeyword(), registration.actorKeyword(), registration.actorKeyword(),
				registration.optionKeyword(), registration.testingType());
	}

}
