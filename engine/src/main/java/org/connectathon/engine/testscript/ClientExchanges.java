package org.connectathon.engine.testscript;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r5.model.TestScript;

/**
 * Carries out the operations whose origin is a client under test: waits at the origin's
 * listener for the request the operation describes ({@link ExpectedRequest}), forwards it
 * to the operation's destination, gives the client the destination's answer unchanged,
 * and records the exchange for the asserts that follow, as if the engine had sent it. A
 * request that arrives while another is expected is forwarded and answered all the same,
 * and named in the operation's result; the expected one keeps waiting until
 * {@link ClientsUnderTest#arrivalTimeout()} has passed.
 */
final class ClientExchanges {

	private final ClientsUnderTest clients;

	private final RequestForwarder forwarder;

	private final ExecutionState state;

	private final RunProgressListener progress;

	ClientExchanges(ClientsUnderTest clients, RequestForwarder forwarder, ExecutionState state,
			RunProgressListener progress) {
		this.clients = clients;
		this.forwarder = forwarder;
		this.state = state;
		this.progress = progress;
	}

	/** Whether the operation comes from a client under test. */
	boolean receives(TestScript.SetupActionOperationComponent operation) {
		return operation.hasOrigin() && this.clients.isClient(operation.getOrigin());
	}

	/**
	 * Waits for the operation's request and forwards it.
	 * @return the operation's result: a pass once the request came and was answered, a
	 * failure when it did not come or could not be forwarded
	 * @throws ExecutionException when the operation cannot be waited for as written
	 */
	ActionResult receive(String section, String label, TestScript.SetupActionOperationComponent operation) {
		int origin = operation.getOrigin();
		if (!operation.hasDestination()) {
			throw new ExecutionException("CTN-3071: the operation comes from origin " + origin
					+ ", a client under test, but names no destination to forward its request to; give it "
					+ "destination (the index of one of the script's destinations)");
		}
		ExpectedRequest expected = ExpectedRequest.of(operation);
		URI base = this.state.settings().baseUrl(operation.getDestination());
		ClientListener listener = this.clients.listeners().get(origin);
		this.progress.waitingForClient(origin, expected.describe(), listener.baseUrl());
		List<String> unexpected = new ArrayList<>();
		Duration wait = this.clients.arrivalTimeout();
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			PendingRequest pending;
			try {
				pending = listener.next(origin, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ExecutionException("CTN-3077: interrupted while waiting for " + expected.describe()
						+ " from the client of origin " + origin);
			}
			if (pending == null) {
				return new ActionResult(section, "operation", label, Outcome.FAIL,
						"CTN-3073: no " + expected.describe() + " arrived within " + seconds(wait) + " from the client"
								+ " of origin " + origin + " at " + listener.baseUrl() + instead(unexpected));
			}
			if (pending.refusal() != null) {
				unexpected.add(pending.refusal());
				this.progress.unexpectedClientRequest(origin, pending.request().summary(), expected.describe());
				continue;
			}
			ClientRequest request = pending.request();
			boolean matches = expected.matches(request);
			Forwarded forwarded = forward(pending, base);
			if (!matches) {
				unexpected.add(request.summary()
						+ (forwarded.exchange() == null ? " (not forwarded)" : " -> " + forwarded.exchange().status()));
				this.progress.unexpectedClientRequest(origin, request.summary(), expected.describe());
				continue;
			}
			if (forwarded.exchange() == null) {
				return new ActionResult(section, "operation", label, Outcome.FAIL,
						forwarded.failure() + instead(unexpected));
			}
			this.state.record(forwarded.exchange(), operation.getRequestId(), operation.getResponseId());
			return new ActionResult(section, "operation", label, Outcome.PASS, "from the client of origin " + origin
					+ ": " + forwarded.exchange().summary() + instead(unexpected));
		}
	}

	/**
	 * The exchange with the destination, or why there was none.
	 */
	private record Forwarded(Exchange exchange, String failure) {

		static Forwarded failed(String failure) {
			return new Forwarded(null, failure);
		}

	}

	/**
	 * Forwards the request and answers the client: with the destination's answer, else
	 * with an OperationOutcome that says why there is none.
	 */
	private Forwarded forward(PendingRequest pending, URI base) {
		ClientRequest request = pending.request();
		URI target;
		try {
			target = URI.create(withoutTrailingSlashes(base.toString()) + request.target());
		}
		catch (IllegalArgumentException ex) {
			return refuse(pending, 400, "CTN-3072: " + request.summary() + " was not forwarded: its URL is not valid");
		}
		if (this.state.settings().confined() && !OperationRunner.isUnder(target, base)) {
			return refuse(pending, 502, "CTN-3072: " + request.summary() + " was not forwarded: it leaves " + base
					+ ", the base URL of its destination");
		}
		long start = System.nanoTime();
		ForwardedResponse response;
		try {
			response = this.forwarder.forward(request, target);
		}
		catch (IOException | RuntimeException ex) {
			return refuse(pending, 502,
					"CTN-3072: " + request.summary() + " could not be forwarded to " + target + ": " + ex.getMessage());
		}
		pending.answer(response);
		long millis = (System.nanoTime() - start) / 1_000_000;
		return new Forwarded(new Exchange(request.method(), target.toString(), request.headers(),
				request.body().length == 0 ? null : new String(request.body(), StandardCharsets.UTF_8),
				response.status(), response.headers(), new String(response.body(), StandardCharsets.UTF_8), millis),
				null);
	}

	private static Forwarded refuse(PendingRequest pending, int status, String reason) {
		pending.answer(ClientAnswers.operationOutcome(status, "transient", reason));
		return Forwarded.failed(reason);
	}

	private static String instead(List<String> unexpected) {
		if (unexpected.isEmpty()) {
			return "";
		}
		return "; the client sent meanwhile: " + String.join(", ", unexpected);
	}

	private static String seconds(Duration wait) {
		return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
	}

	private static String withoutTrailingSlashes(String url) {
		int end = url.length();
		while (end > 0 && url.charAt(end - 1) == '/') {
			end--;
		}
		return url.substring(0, end);
	}

}
