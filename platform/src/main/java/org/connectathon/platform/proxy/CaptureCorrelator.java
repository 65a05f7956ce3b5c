package org.connectathon.platform.proxy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.connectathon.platform.catalog.Catalog;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.proxy.Capture.Attachment;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.InstanceProgressed;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Attaches each stored capture to the step it is evidence for, when there is exactly one
 * {@link CandidateStep} among the running instances of its event: the receiver in the
 * step's responder role, the sender in its initiator role, the request one that the
 * step's transaction declares. None or several, and the capture stays on the event's list
 * for a person to attach by hand.
 * <p>
 * A capture whose sender the proxy could not tell is attached too when only one step of
 * one running instance fits its receiver and request: at an event the client addresses
 * are often shared behind one router and a forgotten capture token would otherwise lose
 * the evidence; the capture's page shows that its sender was not identified, so that the
 * monitor weighs it.
 * <p>
 * Only running instances count: participants pause an instance to run another with the
 * same systems, whose exchanges would otherwise all be ambiguous.
 * <p>
 * The work is done on a thread of its own, never on the capture writer's: a batch that
 * cannot be queued is left uncorrelated (logged), and validated later all the same.
 * Several nodes may look at the same capture; the attachment holds only where the capture
 * is not attached yet, so it is attached once.
 */
@Component
class CaptureCorrelator implements SmartLifecycle {

	/** Reads tests and instances for the platform's own work, as an organizer would. */
	static final SignedInUser CORRELATION = new SignedInUser(0, "capture-correlation", "Capture correlation",
			Role.ADMIN, null, null);

	private static final Log logger = LogFactory.getLog(CaptureCorrelator.class);

	private final CaptureAttachmentRepository attachments;

	private final TestInstanceService instances;

	private final TestDefinitionService tests;

	private final CatalogService catalog;

	private final ApplicationEventPublisher publisher;

	private final CaptureValidationWorker validation;

	private volatile ThreadPoolExecutor executor;

	CaptureCorrelator(CaptureAttachmentRepository attachments, TestInstanceService instances,
			TestDefinitionService tests, CatalogService catalog, ApplicationEventPublisher publisher,
			CaptureValidationWorker validation) {
		this.attachments = attachments;
		this.instances = instances;
		this.tests = tests;
		this.catalog = catalog;
		this.publisher = publisher;
		this.validation = validation;
	}

	@EventListener
	void onStored(CapturesStored stored) {
		ThreadPoolExecutor current = this.executor;
		if (current == null || stored.captures().isEmpty()) {
			return;
		}
		try {
			current.execute(() -> correlateAndValidate(stored.captures()));
		}
		catch (RuntimeException rejected) {
			logger.warn("Too many captures wait for correlation; " + stored.captures().size()
					+ " stay unattached, for a person to attach by hand");
		}
	}

	private void correlateAndValidate(List<Capture> captures) {
		try {
			correlate(captures);
		}
		catch (RuntimeException failure) {
			logger.warn("Could not correlate " + captures.size() + " captures to steps", failure);
		}
		this.validation.wakeUp();
	}

	/**
	 * Attaches each capture that has exactly one candidate step, then marks all looked
	 * at.
	 */
	void correlate(List<Capture> captures) {
		Catalog currentCatalog = this.catalog.recentCatalog();
		Map<Long, TestDefinition> testsById = new HashMap<>();
		Map<String, List<TestInstance>> runningByReceiver = new HashMap<>();
		for (Capture capture : captures) {
			if (capture.receiverSystemId() == null || capture.testInstanceId() != null || !CandidateStep
				.isKnownRequest(capture.protocol(), capture.interaction(), capture.messageType())) {
				continue;
			}
			List<TestInstance> running = runningByReceiver.computeIfAbsent(
					capture.eventId() + "/" + capture.receiverSystemId(),
					(key) -> this.instances.findRunningWithSystem(capture.eventId(), capture.receiverSystemId()));
			List<CandidateStep> candidates = CandidateStep.of(capture, running,
					(testId) -> testsById.computeIfAbsent(testId, (id) -> this.tests.find(id, CORRELATION)),
					currentCatalog);
			if (candidates.size() == 1) {
				CandidateStep step = candidates.get(0);
				if (this.attachments.attach(capture.id(), step.instanceId(), step.stepIndex(),
						Attachment.CORRELATION)) {
					this.publisher.publishEvent(new InstanceProgressed(step.instanceId()));
				}
			}
		}
		this.attachments.markCorrelated(captures.stream().map(Capture::id).toList());
	}

	@Override
	public void start() {
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000),
				(task) -> {
					Thread thread = new Thread(task, "capture-correlation");
					thread.setDaemon(true);
					return thread;
				});
	}

	@Override
	public void stop() {
		ThreadPoolExecutor current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdown();
			try {
				current.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Stops after the capture writer, whose last batches it still correlates, and before
	 * the validation worker, which it wakes.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

}
