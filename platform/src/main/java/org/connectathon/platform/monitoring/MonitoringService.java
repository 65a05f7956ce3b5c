package org.connectathon.platform.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.FreeText;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.User;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Monitoring: organizers assign monitors to tests; a monitor's worklist holds the
 * instances of their tests waiting for a verdict; a monitor claims an instance, gives
 * step verdicts and the instance verdict, never on an instance in which their own
 * organization takes part.
 */
@Service
@Validated
public class MonitoringService {

	/**
	 * Instances on a page of the worklist: enough for a busy hour, few enough to render
	 * at once.
	 */
	public static final int WORKLIST_PAGE_SIZE = 50;

	private final MonitoringRepository monitoring;

	private final TestInstanceService instances;

	private final TestDefinitionService tests;

	private final UserService users;

	MonitoringService(MonitoringRepository monitoring, TestInstanceService instances, TestDefinitionService tests,
			UserService users) {
		this.monitoring = monitoring;
		this.instances = instances;
		this.tests = tests;
		this.users = users;
	}

	/** Every user with the monitor role; organizers choose among them. */
	public List<Monitor> findMonitors(SignedInUser user) {
		user.requireAdmin();
		return this.users.findAll(user)
			.stream()
			.filter((candidate) -> candidate.role() == Role.MONITOR)
			.map((monitor) -> new Monitor(monitor.id(), monitor.displayName()))
			.toList();
	}

	public List<Long> findAssignedMonitorIds(long testId, SignedInUser user) {
		this.tests.requireVisible(testId, user);
		return this.monitoring.findMonitorIds(testId);
	}

	/**
	 * Replaces the monitors of a test; organizers only, and only users with the monitor
	 * role.
	 */
	@Transactional
	public List<Long> assign(long testId, List<Long> monitorIds, SignedInUser user) {
		user.requireAdmin();
		this.tests.requireVisible(testId, user);
		Map<Long, User> usersById = new HashMap<>();
		this.users.findAll(user).forEach((candidate) -> usersById.put(candidate.id(), candidate));
		List<String> problems = new ArrayList<>();
		Set<Long> unique = new LinkedHashSet<>(monitorIds);
		for (long id : unique) {
			User candidate = usersById.get(id);
			if (candidate == null) {
				problems.add("user " + id + ": no such user");
			}
			else if (candidate.role() != Role.MONITOR) {
				problems.add("user " + id + " (" + candidate.displayName() + "): not a monitor");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("Only monitors can be assigned to a test; nothing was changed.", problems);
		}
		this.monitoring.replaceAssignments(testId, unique);
		return this.monitoring.findMonitorIds(testId);
	}

	/**
	 * A page of the instances of the monitor's tests waiting for a verdict, critical
	 * first, then the longest waiting; never those of the monitor's own organization.
	 */
	public ListPage<WorklistEntry> worklist(long eventId, int page, SignedInUser user) {
		requireMonitor(user);
		long offset = ListPage.offset(page, WORKLIST_PAGE_SIZE);
		List<Long> testIds = this.monitoring.findAssignedTestIds(user.id());
		int total = this.instances.countAwaitingVerification(eventId, testIds, user.organizationId(), user);
		List<TestInstance> waiting = (offset < total) ? this.instances.findAwaitingVerification(eventId, testIds,
				user.organizationId(), (int) offset, WORKLIST_PAGE_SIZE, user) : List.of();
		Map<Long, Claim> claims = this.monitoring.findClaims(waiting.stream().map(TestInstance::id).toList());
		return new ListPage<>(
				waiting.stream().map((instance) -> new WorklistEntry(instance, claims.get(instance.id()))).toList(),
				page, WORKLIST_PAGE_SIZE, total);
	}

	@Transactional
	public Claim claim(long instanceId, SignedInUser user) {
		TestInstance instance = requireMayVerify(instanceId, user);
		Claim existing = findClaimRefusingOthers(instanceId, user);
		if (existing != null) {
			return existing;
		}
		try {
			this.monitoring.insertClaim(instance.id(), user.id(), user.displayName());
		}
		catch (DuplicateKeyException exception) {
			throw new RuleViolationException("Another monitor claimed this instance a moment ago.");
		}
		return this.monitoring.findClaim(instanceId).orElseThrow();
	}

	/** The monitor's own claim on the instance, if any; another monitor's is refused. */
	private @Nullable Claim findClaimRefusingOthers(long instanceId, SignedInUser user) {
		Claim existing = this.monitoring.findClaim(instanceId).orElse(null);
		if (existing != null && existing.monitorId() != user.id()) {
			throw new RuleViolationException(existing.monitorName() + " is already verifying this instance.");
		}
		return existing;
	}

	/**
	 * The claiming monitor lets go, or an organizer frees an instance that a monitor left
	 * behind.
	 */
	@Transactional
	public void release(long instanceId, SignedInUser user) {
		this.instances.requireVisible(instanceId, user);
		Claim existing = this.monitoring.findClaim(instanceId).orElse(null);
		if (existing == null) {
			return;
		}
		if (existing.monitorId() != user.id() && !user.isAdmin()) {
			throw new ForbiddenException(existing.monitorName() + " is verifying this instance; only they or an "
					+ "organizer can release it.");
		}
		this.monitoring.deleteClaim(instanceId);
	}

	public List<StepVerdictRecord> findStepVerdicts(long instanceId, SignedInUser user) {
		this.instances.requireVisible(instanceId, user);
		return this.monitoring.findStepVerdicts(instanceId);
	}

	@Transactional
	public List<StepVerdictRecord> judgeStep(long instanceId, int index, @Valid StepVerdictForm form,
			SignedInUser user) {
		// Claims the instance if nobody has; refuses it if another monitor has.
		claim(instanceId, user);
		if (this.instances.steps(instanceId, user).stream().noneMatch((step) -> step.index() == index)) {
			throw new InvalidInputException("The instance has no step " + index + ".");
		}
		this.monitoring.saveStepVerdict(instanceId, index, form.verdict(), FreeText.blankToNull(form.comment()),
				user.id(), user.displayName());
		return this.monitoring.findStepVerdicts(instanceId);
	}

	/**
	 * The instance verdict; a partial verification or a failure says why. The claim ends
	 * with it. A monitor may judge without claiming first; if another monitor judges the
	 * same instance at the same moment, only the first verdict changes its status.
	 */
	@Transactional
	public TestInstance judge(long instanceId, @Valid VerdictForm form, SignedInUser user) {
		TestInstance instance = requireMayVerify(instanceId, user);
		Claim claim = findClaimRefusingOthers(instanceId, user);
		if (form.status() != TestInstanceStatus.VERIFIED && FreeText.blankToNull(form.comment()) == null) {
			throw new InvalidInputException("Say why the instance is " + form.status().describe()
					+ ", so that its participants know what to fix.", List.of("comment: required"));
		}
		TestInstance judged = this.instances.recordVerdict(instance, form.status(), form.comment(), user);
		if (claim != null) {
			this.monitoring.deleteClaim(instanceId);
		}
		return judged;
	}

	private TestInstance requireMayVerify(long instanceId, SignedInUser user) {
		requireMonitor(user);
		TestInstance instance = this.instances.find(instanceId, user);
		TestInstanceService.requireMayVerify(instance, user);
		if (!this.monitoring.isAssigned(instance.testId(), user.id())) {
			throw new ForbiddenException(
					"You are not a monitor of " + instance.testKeyword() + "; ask an organizer to assign you.");
		}
		return instance;
	}

	private static void requireMonitor(SignedInUser user) {
		if (user.role() != Role.MONITOR) {
			throw new ForbiddenException("Only monitors verify test instances.");
		}
	}

}
