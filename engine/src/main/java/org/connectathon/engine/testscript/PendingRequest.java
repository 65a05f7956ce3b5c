package org.connectathon.engine.testscript;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client's request waiting at a {@link ClientListener}: the listener's thread holds the
 * client's connection until the run's thread takes the request and answers it, or until
 * the listener gives up. Exactly one of them takes it, so that a request is never
 * answered twice nor judged after its client was sent away.
 */
final class PendingRequest {

	private final ClientRequest request;

	/** Why the listener refused the request itself, or {@code null}. */
	private final String refusal;

	private final AtomicBoolean taken = new AtomicBoolean();

	private final CompletableFuture<ForwardedResponse> answer = new CompletableFuture<>();

	private PendingRequest(ClientRequest request, String refusal) {
		this.request = request;
		this.refusal = refusal;
	}

	static PendingRequest waiting(ClientRequest request) {
		return new PendingRequest(request, null);
	}

	/** A request the listener answered itself; the run learns of it all the same. */
	static PendingRequest refused(ClientRequest request, String refusal) {
		PendingRequest pending = new PendingRequest(request, refusal);
		pending.taken.set(true);
		return pending;
	}

	ClientRequest request() {
		return this.request;
	}

	String refusal() {
		return this.refusal;
	}

	/** Takes the request to answer it; false when someone else has. */
	boolean take() {
		return this.taken.compareAndSet(false, true);
	}

	void answer(ForwardedResponse response) {
		this.answer.complete(response);
	}

	/**
	 * The answer for the client, waiting up to {@code patience} for the run to take the
	 * request, and as long as it needs once taken (its forwarding has its own timeout).
	 * @return the answer, or {@code null} when nobody took the request in time: it is
	 * then no longer offered
	 */
	ForwardedResponse await(Duration patience) throws InterruptedException {
		try {
			return this.answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			if (take()) {
				return null;
			}
			try {
				return this.answer.get();
			}
			catch (java.util.concurrent.ExecutionException failed) {
				throw new IllegalStateException(failed.getCause());
			}
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
