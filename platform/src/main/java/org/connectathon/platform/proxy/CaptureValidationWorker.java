package org.connectathon.platform.proxy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import com.sun.management.OperatingSystemMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.connectathon.platform.testing.InstanceProgressed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's validators of captured exchanges, far from the exchanges' threads: each
 * claims the oldest pending captures from the queue that every node shares (the
 * {@code captures} table, see {@link CaptureValidationRepository}), validates them
 * ({@link CaptureValidator}) and stores the outcomes, then tells the pages of their
 * instances, where they are attached to one. Woken when the correlation has looked at a
 * batch, else polling every {@code connectathon.proxy.validation-poll-interval}.
 */
@Component
class CaptureValidationWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(CaptureValidationWorker.class);

	/**
	 * Captures claimed together: one claim and one write of outcomes for them all, where
	 * each capture cost the database three transactions. Small, so that their outcomes
	 * show soon.
	 */
	private static final int CLAIMED_AT_ONCE = 20;

	/** How often a validator that gives way to exchanges looks again. */
	private static final long YIELD_CHECK_MILLIS = 100;

	private final CaptureValidationRepository queue;

	private final CaptureRepository captures;

	private final CaptureValidator validator;

	private final ApplicationEventPublisher publisher;

	private final int workerCount;

	private final Duration pollInterval;

	private final Duration staleAfter;

	private final Duration correlationGrace;

	private final double cpuShare;

	private final ThreadMXBean cpuClock = ManagementFactory.getThreadMXBean();

	private final ValidationYield yield;

	private final Semaphore wakeUps = new Semaphore(0);

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	CaptureValidationWorker(CaptureValidationRepository queue, CaptureRepository captures, CaptureValidator validator,
			ApplicationEventPublisher publisher, @Value("${connectathon.proxy.validation-workers:1}") int workerCount,
			@Value("${connectathon.proxy.validation-poll-interval:5s}") Duration pollInterval,
			@Value("${connectathon.proxy.validation-stale-after:10m}") Duration staleAfter,
			@Value("${connectathon.proxy.correlation-grace:1m}") Duration correlationGrace,
			@Value("${connectathon.proxy.validation-cpu-share:0.25}") double cpuShare, CaptureRecorder recorder,
			@Value("${connectathon.proxy.validation-yield-load:0.9}") double yieldLoad,
			@Value("${connectathon.proxy.validation-yield-longest:30s}") Duration yieldLongest) {
		this.queue = queue;
		this.captures = captures;
		this.validator = validator;
		this.publisher = publisher;
		this.workerCount = workerCount;
		this.pollInterval = pollInterval;
		this.staleAfter = staleAfter;
		this.correlationGrace = correlationGrace;
		if (!(cpuShare > 0 && cpuShare <= 1)) {
			throw new IllegalArgumentException(
					"connectathon.proxy.validation-cpu-share is a share of one core, over 0 and at most 1, not "
							+ cpuShare);
		}
		this.cpuShare = cpuShare;
		this.yield = new ValidationYield(processorLoad(), recorder::nanosSinceLastCapture, yieldLoad, yieldLongest);
	}

	/**
	 * The machine's recent processor load, 0 to 1; negative where the JVM cannot tell.
	 */
	private static DoubleSupplier processorLoad() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean system) {
			return system::getCpuLoad;
		}
		return () -> -1;
	}

	/** Tells a waiting validator that captures may be ready. */
	void wakeUp() {
		this.wakeUps.release();
	}

	@Override
	public void start() {
		this.running = true;
		for (int number = 1; number <= this.workerCount; number++) {
			Thread worker = new Thread(this::work, "capture-validation-" + number);
			worker.setDaemon(true);
			this.workers.add(worker);
			worker.start();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.wakeUps.release(this.workerCount);
		for (Thread worker : this.workers) {
			try {
				worker.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		// A validation still under way is claimed; another node takes it once stale.
		this.workers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts before the correlation, which wakes it, and stops after it. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2;
	}

	private void work() {
		while (this.running) {
			try {
				giveWayToExchanges();
				List<Long> claimed = this.queue.claim(CLAIMED_AT_ONCE, this.correlationGrace, this.staleAfter);
				if (!claimed.isEmpty()) {
					validateAll(claimed);
				}
				else {
					this.wakeUps.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException interrupted) {
				return;
			}
			catch (RuntimeException failure) {
				// The database may be away for a moment; wait rather than spin.
				logger.warn("The capture validator could not take a capture; trying again", failure);
				try {
					Thread.sleep(this.pollInterval.toMillis());
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	/**
	 * Waits while this node's exchanges need every processor ({@link ValidationYield}).
	 */
	private void giveWayToExchanges() throws InterruptedException {
		long start = System.nanoTime();
		while (this.running && this.yield.shouldWait(Duration.ofNanos(System.nanoTime() - start))) {
			TimeUnit.MILLISECONDS.sleep(YIELD_CHECK_MILLIS);
		}
	}

	/**
	 * Keeps this validator to its share of a core: validating a capture costs
	 * milliseconds of CPU, forwarding one a fraction of that, so a validator that never
	 * rested would take a core from the proxy whenever captures wait, on a small machine
	 * half of it. Pending captures are validated later instead; the longest rest is one
	 * second, so that the one-off preparation of a validator (seconds) is not followed by
	 * a long idle time.
	 */
	private void restAfter(long cpuNanos) throws InterruptedException {
		if (this.cpuShare >= 1 || cpuNanos <= 0) {
			return;
		}
		long restNanos = Math.min((long) (cpuNanos * (1 / this.cpuShare - 1)), TimeUnit.SECONDS.toNanos(1));
		TimeUnit.NANOSECONDS.sleep(restNanos);
	}

	/**
	 * Validates the claimed captures one after the other, each followed by its rest, and
	 * stores their outcomes together; what a stop leaves unvalidated is given back.
	 */
	private void validateAll(List<Long> claimed) throws InterruptedException {
		Map<Long, CaptureValidation> outcomes = new LinkedHashMap<>();
		try {
			for (Capture capture : this.captures.findAll(claimed)) {
				if (!this.running) {
					break;
				}
				long cpuBefore = this.cpuClock.getCurrentThreadCpuTime();
				outcomes.put(capture.id(), this.validator.validate(capture));
				restAfter(this.cpuClock.getCurrentThreadCpuTime() - cpuBefore);
			}
		}
		finally {
			if (!outcomes.isEmpty()) {
				this.queue.recordAll(outcomes);
			}
			this.queue.release(claimed.stream().filter((id) -> !outcomes.containsKey(id)).toList());
		}
		// Attached meanwhile or not, the instances they are attached to now show them.
		this.captures.findAll(outcomes.keySet())
			.stream()
			.map(Capture::testInstanceId)
			.filter(Objects::nonNull)
			.distinct()
			.forEach((instance) -> this.publisher.publishEvent(new InstanceProgressed(instance)));
	}

}
