package org.connectathon.platform.automation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.connectathon.platform.automation.ScriptRunExecutor.Completion;
import org.connectathon.platform.testing.InstanceProgressed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * This node's workers of the script run queue, which every node shares through the
 * {@code script_runs} table. Each worker takes the oldest queued run, runs it and records
 * the result, and waits for the next one: woken at once when this node queues a run, else
 * polling every {@code connectathon.automation.poll-interval}.
 * <p>
 * A node refreshes the heartbeat of the runs it holds; a run whose heartbeat is older
 * than {@code connectathon.automation.stale-after} was left by a node that stopped
 * without a word, and any node puts it back in the queue, or ends it as an error once it
 * has been started {@code connectathon.automation.max-attempts} times. A node that stops
 * normally waits a moment for its runs and puts those still unfinished back in the queue.
 */
@Component
class ScriptRunWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ScriptRunWorker.class);

	/** How long a stopping node waits for the runs under way before it requeues them. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(5);

	private final ScriptRunRepository runs;

	private final ScriptRunExecutor executor;

	private final AutomationService automation;

	private final ApplicationEventPublisher publisher;

	private final int workerCount;

	private final Duration pollInterval;

	private final Duration staleAfter;

	private final int maximumAttempts;

	/** Names this node in the runs it holds; new at every start. */
	private final String node = "node-" + ProcessHandle.current().pid() + "-"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final Semaphore wakeUps = new Semaphore(0);

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean running;

	private ScheduledExecutorService housekeeping;

	ScriptRunWorker(ScriptRunRepository runs, ScriptRunExecutor executor, AutomationService automation,
			ApplicationEventPublisher publisher, @Value("${connectathon.automation.workers:2}") int workerCount,
			@Value("${connectathon.automation.poll-interval:5s}") Duration pollInterval,
			@Value("${connectathon.automation.stale-after:2m}") Duration staleAfter,
			@Value("${connectathon.automation.max-attempts:2}") int maximumAttempts) {
		this.runs = runs;
		this.executor = executor;
		this.automation = automation;
		this.publisher = publisher;
		this.workerCount = workerCount;
		this.pollInterval = pollInterval;
		this.staleAfter = staleAfter;
		this.maximumAttempts = maximumAttempts;
	}

	@Override
	public void start() {
		if (this.workerCount < 1) {
			return;
		}
		this.running = true;
		for (int number = 1; number <= this.workerCount; number++) {
			Thread worker = daemon(this::work, "script-run-worker-" + number);
			this.workers.add(worker);
			worker.start();
		}
		this.housekeeping = Executors
			.newSingleThreadScheduledExecutor((task) -> daemon(task, "script-run-housekeeping"));
		long period = Math.max(1000, this.staleAfter.toMillis() / 4);
		this.housekeeping.scheduleWithFixedDelay(this::keepHouse, 0, period, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.running = false;
		this.housekeeping.shutdownNow();
		this.wakeUps.release(this.workerCount);
		long deadline = System.nanoTime() + STOP_GRACE.toNanos();
		for (Thread worker : this.workers) {
			try {
				worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException exception) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.workers.clear();
		// Workers still running a script are left to end on their own; they record
		// nothing once stopped.
		int requeued = this.runs.requeueHeldBy(this.node);
		if (requeued > 0) {
			logger.info("Put " + requeued + " unfinished script runs back in the queue for another node");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** The name under which this node holds runs. */
	String node() {
		return this.node;
	}

	/** Wakes a worker of this node once the transaction that queued a run commits. */
	@TransactionalEventListener(fallbackExecution = true)
	void wakeUp(ScriptRunQueued queued) {
		this.wakeUps.release();
	}

	private void work() {
		while (this.running) {
			try {
				Optional<ScriptRun> claimed = this.runs.claimNext(this.node);
				if (claimed.isPresent()) {
					execute(claimed.get());
				}
				else {
					this.wakeUps.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException exception) {
				return;
			}
			catch (RuntimeException exception) {
				// The database may be away for a moment; wait rather than spin.
				logger.warn("The script run worker could not take a run; trying again", exception);
				try {
					Thread.sleep(this.pollInterval.toMillis());
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	private void execute(ScriptRun run) {
		Completion completion = this.executor.run(run, this.node);
		if (!this.running) {
			// Stopping: the run goes back to the queue for another node.
			return;
		}
		try {
			this.automation.recordResult(run, this.node, completion.status(), completion.message(), completion.result(),
					completion.exchanges());
		}
		catch (RuntimeException exception) {
			logger.warn("Cannot record the result of script run " + run.id(), exception);
			this.automation.recordError(run, this.node, "The run ended (" + completion.status().name().toLowerCase()
					+ "), but its result could not be stored: " + exception.getMessage());
		}
	}

	/** Never keeps the JVM alive: a run left unfinished is taken back by another node. */
	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * Tells the other nodes that this one still runs its runs, and takes back those of
	 * nodes that stopped.
	 */
	void keepHouse() {
		try {
			this.runs.heartbeat(this.node);
			Set<Long> recovered = this.runs.recoverAbandoned(this.staleAfter, this.maximumAttempts);
			if (!recovered.isEmpty()) {
				// A run ended here as an error changes its instance's open pages.
				recovered.forEach((instance) -> this.publisher.publishEvent(new InstanceProgressed(instance)));
				this.wakeUps.release(this.workerCount);
			}
		}
		catch (RuntimeException exception) {
			logger.warn("Script run housekeeping failed; trying again later", exception);
		}
	}

}
