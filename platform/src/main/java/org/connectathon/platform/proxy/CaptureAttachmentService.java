package org.connectathon.platform.proxy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.proxy.Capture.Attachment;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.InstanceParticipant;
import org.connectathon.platform.testing.InstanceProgressed;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;

/**
 * Captures as evidence of test steps: attached by the correlation
 * ({@link CaptureCorrelator}) or by a person, detached by a person, and listed on their
 * instance.
 * <p>
 * A person attaches or detaches a capture of an open instance when they are an organizer,
 * a monitor who may verify the instance, or a participant of an organization that takes
 * part in the instance and whose system sent or received the capture. The capture's
 * systems (its receiver, and its sender when the proxy knew it) must take part in the
 * instance, and the capture must belong to the instance's event.
 */
@Service
@Validated
public class CaptureAttachmentService {

	private static final int MOST_CAPTURES_SHOWN = 500;

	private final CaptureRepository captures;

	private final CaptureAttachmentRepository attachments;

	private final TestInstanceService instances;

	private final ApplicationEventPublisher publisher;

	CaptureAttachmentService(CaptureRepository captures, CaptureAttachmentRepository attachments,
			TestInstanceService instances, ApplicationEventPublisher publisher) {
		this.captures = captures;
		this.attachments = attachments;
		this.instances = instances;
		this.publisher = publisher;
	}

	/**
	 * Stores the exchanges a script run forwarded for a client under test as captures of
	 * the step, attached at once (the run knows its step; no correlation guesses), and
	 * hands them to validation like every capture. The run's own rules allowed them: no
	 * person's rights are asked.
	 * @return how many were stored
	 */
	@Transactional
	public int recordForStep(List<NewCapture> exchanges, long instanceId, int stepIndex) {
		if (exchanges.isEmpty()) {
			return 0;
		}
		List<Capture> stored = this.captures.insertAll(exchanges);
		for (Capture capture : stored) {
			this.attachments.attach(capture.id(), instanceId, stepIndex, Attachment.CORRELATION);
		}
		// Validation reads them on another thread: only once they are committed.
		Runnable validate = () -> this.publisher.publishEvent(new CapturesStored(stored));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					validate.run();
				}
			});
		}
		else {
			validate.run();
		}
		this.publisher.publishEvent(new InstanceProgressed(instanceId));
		return stored.size();
	}

	/** Attaches the capture to the step by hand. */
	@Transactional
	public Capture attach(long captureId, @Valid CaptureAttachmentForm form, SignedInUser user) {
		Capture capture = find(captureId);
		TestInstance instance = this.instances.find(form.instanceId(), user);
		if (capture.eventId() != instance.eventId()) {
			throw new InvalidInputException("CTN-6020: capture " + captureId + " was recorded at another event than"
					+ " test instance " + instance.id() + "; it can only be attached to an instance of its event.");
		}
		requireSystemsTakePart(capture, instance);
		requireMayAttach(capture, instance, user);
		TestInstanceService.requireOpen(instance);
		if (this.instances.steps(instance.id(), user).stream().noneMatch((step) -> step.index() == form.stepIndex())) {
			throw new InvalidInputException(
					"CTN-6024: test instance " + instance.id() + " has no step " + form.stepIndex() + ".",
					List.of("stepIndex: no such step"));
		}
		if (!this.attachments.attach(captureId, instance.id(), form.stepIndex(), Attachment.HAND)) {
			Capture current = find(captureId);
			throw new RuleViolationException("CTN-6022: capture " + captureId + " is already evidence of step "
					+ current.stepIndex() + " of test instance " + current.testInstanceId() + "; detach it first.");
		}
		this.publisher.publishEvent(new InstanceProgressed(instance.id()));
		return find(captureId);
	}

	/** Detaches the capture from its step, however it was attached. */
	@Transactional
	public Capture detach(long captureId, SignedInUser user) {
		Capture capture = find(captureId);
		if (capture.testInstanceId() == null) {
			throw new RuleViolationException("CTN-6023: capture " + captureId + " is not attached to a step.");
		}
		TestInstance instance = this.instances.find(capture.testInstanceId(), user);
		requireMayAttach(capture, instance, user);
		TestInstanceService.requireOpen(instance);
		if (!this.attachments.detach(captureId, instance.id())) {
			throw new RuleViolationException("The capture changed meanwhile; reload it and try again.");
		}
		this.publisher.publishEvent(new InstanceProgressed(instance.id()));
		return find(captureId);
	}

	/**
	 * The captures attached to the instance's steps that the user may see, by step, then
	 * oldest first: all of them for organizers and the monitors of its test; for a
	 * participant, those that a system of their organization sent or received.
	 */
	public List<AttachedCapture> attachedTo(long instanceId, SignedInUser user) {
		TestInstance instance = this.instances.find(instanceId, user);
		Map<Long, InstanceParticipant> systems = instance.participants()
			.stream()
			.collect(Collectors.toMap(InstanceParticipant::systemId, Function.identity(), (first, second) -> first));
		boolean seesAll = user.isAdmin()
				|| (user.role() == Role.MONITOR && this.instances.maySeeToolReports(instance, user));
		boolean open = !instance.status().participantMoves().isEmpty();
		CaptureFilter attached = CaptureFilter.attachedTo(instanceId);
		return this.captures.findPage(instance.eventId(), attached, 0, MOST_CAPTURES_SHOWN)
			.items()
			.stream()
			.filter((capture) -> seesAll || sentOrReceivedBy(capture, systems, user.organizationId()))
			.sorted((first, second) -> (Objects.equals(first.stepIndex(), second.stepIndex()))
					? Long.compare(first.id(), second.id())
					: Integer.compare(Objects.requireNonNullElse(first.stepIndex(), 0),
							Objects.requireNonNullElse(second.stepIndex(), 0)))
			.map((capture) -> new AttachedCapture(capture, name(systems, capture.senderSystemId()),
					name(systems, capture.receiverSystemId()),
					CaptureIssue.read(this.captures.findValidationIssues(capture.id()).orElse(null)),
					open && mayAttach(capture, instance, user)))
			.toList();
	}

	private Capture find(long captureId) {
		return this.captures.find(captureId).orElseThrow(() -> new NotFoundException("Capture", captureId));
	}

	/**
	 * The receiver, and the sender when the proxy knew it, must be systems of the
	 * instance: a capture whose receiver is gone (its endpoint removed) is no step's.
	 */
	private static void requireSystemsTakePart(Capture capture, TestInstance instance) {
		boolean takePart = capture.receiverSystemId() != null
				&& Stream.of(capture.receiverSystemId(), capture.senderSystemId())
					.filter(Objects::nonNull)
					.allMatch((system) -> instance.participants()
						.stream()
						.anyMatch((participant) -> participant.systemId() == system));
		if (!takePart) {
			throw new InvalidInputException(
					"CTN-6021: capture " + capture.id() + " was not exchanged between" + " systems of test instance "
							+ instance.id() + "; only an exchange between its systems is evidence of its steps.");
		}
	}

	private void requireMayAttach(Capture capture, TestInstance instance, SignedInUser user) {
		if (!mayAttach(capture, instance, user)) {
			throw new ForbiddenException("CTN-6025: only the organizations whose systems exchanged capture "
					+ capture.id() + ", the monitors who may verify test instance " + instance.id()
					+ " and organizers attach it to a step or detach it.");
		}
	}

	private boolean mayAttach(Capture capture, TestInstance instance, SignedInUser user) {
		if (user.isAdmin()) {
			return true;
		}
		if (user.role() == Role.MONITOR) {
			return this.instances.maySeeToolReports(instance, user)
					&& (user.organizationId() == null || !instance.involves(user.organizationId()));
		}
		Map<Long, InstanceParticipant> systems = instance.participants()
			.stream()
			.collect(Collectors.toMap(InstanceParticipant::systemId, Function.identity(), (first, second) -> first));
		return user.organizationId() != null && instance.involves(user.organizationId())
				&& sentOrReceivedBy(capture, systems, user.organizationId());
	}

	private static boolean sentOrReceivedBy(Capture capture, Map<Long, InstanceParticipant> systems,
			@Nullable Long organizationId) {
		return organizationId != null && Stream.of(capture.senderSystemId(), capture.receiverSystemId())
			.map((system) -> (system != null) ? systems.get(system) : null)
			.anyMatch((participant) -> participant != null && participant.organizationId() == organizationId);
	}

	private static @Nullable String name(Map<Long, InstanceParticipant> systems, @Nullable Long systemId) {
		return Optional.ofNullable(systemId).map(systems::get).map(InstanceParticipant::systemName).orElse(null);
	}

}
