package org.connectathon.platform.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stores captures off the request path: the proxy hands each exchange to a bounded queue
 * and goes on, and one writer thread stores what is queued in batches, waiting a moment
 * ({@code connectathon.proxy.capture-linger}) for a batch to fill. A slow database thus
 * never slows an exchange; when the queue is full, the exchange is still forwarded and
 * its capture is counted as dropped, which the capture pages show.
 */
@Component
public class CaptureRecorder implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(CaptureRecorder.class);

	private final CaptureRepository captures;

	private final ApplicationEventPublisher publisher;

	private final CaptureIdentification identification;

	private final BlockingQueue<NewCapture> queue;

	private final int batchSize;

	private final Duration linger;

	private final AtomicLong dropped = new AtomicLong();

	private volatile long lastRecordedNanos = System.nanoTime() - ValidationYield.RECENT_EXCHANGE.toNanos();

	private volatile boolean running;

	private Thread writer;

	CaptureRecorder(CaptureRepository captures, ApplicationEventPublisher publisher,
			CaptureIdentification identification, @Value("${connectathon.proxy.capture-queue:10000}") int queueCapacity,
			@Value("${connectathon.proxy.capture-batch:200}") int batchSize,
			@Value("${connectathon.proxy.capture-linger:100ms}") Duration linger) {
		this.captures = captures;
		this.publisher = publisher;
		this.identification = identification;
		this.queue = new ArrayBlockingQueue<>(queueCapacity);
		this.batchSize = batchSize;
		this.linger = linger;
	}

	/** Queues the capture for storing; never blocks. */
	public void record(NewCapture capture) {
		this.lastRecordedNanos = System.nanoTime();
		if (!this.queue.offer(capture)) {
			this.dropped.incrementAndGet();
		}
	}

	/** How long ago this node recorded its last exchange; a second or more before any. */
	long nanosSinceLastCapture() {
		return System.nanoTime() - this.lastRecordedNanos;
	}

	/** How many captures this node could not queue since it started. */
	public long dropped() {
		return this.dropped.get();
	}

	@Override
	public void start() {
		this.running = true;
		this.writer = new Thread(this::writeUntilStopped, "capture-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	@Override
	public void stop() {
		this.running = false;
		try {
			this.writer.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Each batch costs the database a transaction and the correlation a look, whatever
	 * its size: a moment's wait makes one batch of a steady trickle of exchanges, which
	 * none of them waits for.
	 */
	private void lingerForBatch() {
		try {
			TimeUnit.NANOSECONDS.sleep(this.linger.toNanos());
		}
		catch (InterruptedException interrupted) {
			// Store what is in hand; the next poll ends the writer.
			Thread.currentThread().interrupt();
		}
	}

	private void writeUntilStopped() {
		List<NewCapture> batch = new ArrayList<>(this.batchSize);
		while (this.running || !this.queue.isEmpty()) {
			try {
				NewCapture first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				if (this.queue.size() < this.batchSize - 1) {
					lingerForBatch();
				}
				this.queue.drainTo(batch, this.batchSize - 1);
				List<Capture> stored = this.captures.insertAll(this.identification.identify(batch));
				this.publisher.publishEvent(new CapturesStored(stored));
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException failure) {
				// The database may be away for a moment; what this batch held is lost,
				// the
				// proxy goes on.
				this.dropped.addAndGet(batch.size());
				logger.warn("Could not store " + batch.size() + " captures", failure);
			}
			finally {
				batch.clear();
			}
		}
	}

}
