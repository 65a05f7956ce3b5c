package org.connectathon.platform.automation;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.connectathon.engine.testscript.ActionResult;
import org.connectathon.engine.testscript.ClientListener;
import org.connectathon.engine.testscript.ClientListenerException;
import org.connectathon.engine.testscript.ClientRequest;
import org.connectathon.engine.testscript.ClientsUnderTest;
import org.connectathon.engine.testscript.ForwardedResponse;
import org.connectathon.engine.testscript.HttpClientForwarder;
import org.connectathon.engine.testscript.RequestForwarder;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.RunProgressListener;
import org.connectathon.engine.testscript.RunSettings;
import org.connectathon.engine.testscript.ScriptResult;
import org.connectathon.engine.testscript.TestScriptRunner;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.automation.AutomationService.RunTarget;
import org.connectathon.platform.automation.TestScriptLibrary.ClientSide;
import org.connectathon.platform.automation.TestScriptLibrary.ScriptToRun;
import org.connectathon.platform.proxy.NewCapture;
import org.connectathon.platform.security.OutboundAddresses;
import org.connectathon.platform.testing.InstanceProgressed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs the script of one claimed run with the engine against the run's endpoint,
 * reporting each action to the run's row as it goes (which also tells other nodes that
 * this one is alive) and to the pages open on the instance. Changes nothing else: the
 * worker records what it answers.
 * <p>
 * The engine sends through the client of the event's outbound address policy, which
 * judges every address when it connects, and keeps every request under the endpoint's
 * base URL.
 * <p>
 * A client step's run sends nothing itself for its client's operations: it listens on a
 * port of its own ({@link ClientListeners}), tells the pages the address and what it
 * waits for, forwards each request through the same outbound client to the step's
 * destination (the partner's endpoint, or the platform's reference server), and keeps
 * every exchange in the recording proxy's capture format, for the worker to attach to the
 * step.
 */
@Component
class ScriptRunExecutor {

	/** How much of each body a capture of a forwarded exchange keeps, as the proxy's. */
	private static final int MAX_CAPTURED_BODY = 2 * 1024 * 1024;

	private final TestScriptLibrary scripts;

	private final ScriptRunRepository runs;

	private final ApplicationEventPublisher publisher;

	private final Duration requestTimeout;

	private final AutomationService automation;

	private final OutboundAddresses outbound;

	private final ClientListeners clientListeners;

	ScriptRunExecutor(TestScriptLibrary scripts, ScriptRunRepository runs, ApplicationEventPublisher publisher,
			@Value("${connectathon.automation.request-timeout:30s}") Duration requestTimeout,
			AutomationService automation, OutboundAddresses outbound, ClientListeners clientListeners) {
		this.clientListeners = clientListeners;
		this.scripts = scripts;
		this.runs = runs;
		this.publisher = publisher;
		this.requestTimeout = requestTimeout;
		this.automation = automation;
		this.outbound = outbound;
	}

	Completion run(ScriptRun run, String node) {
		try {
			return runScript(run, node);
		}
		catch (RuntimeException unexpected) {
			return new Completion(ScriptRunStatus.ERROR,
					"The engine could not run TestScript " + run.scriptKeyword() + ": " + unexpected, null);
		}
	}

	private Completion runScript(ScriptRun run, String node) {
		Optional<ScriptToRun> script;
		try {
			script = (run.testScriptId() != null) ? this.scripts.load(run.testScriptId()) : Optional.empty();
		}
		catch (InvalidInputException unreadable) {
			return new Completion(ScriptRunStatus.ERROR, "TestScript " + run.scriptKeyword() + " cannot be read: "
					+ String.join("; ", unreadable.problems()), null);
		}
		if (script.isEmpty()) {
			return new Completion(ScriptRunStatus.ERROR,
					"TestScript " + run.scriptKeyword() + " was deleted before the run started.", null);
		}
		RunTarget target;
		try {
			target = this.automation.target(run);
		}
		catch (RuleViolationException gone) {
			return new Completion(ScriptRunStatus.ERROR, gone.getMessage(), null);
		}
		RunSettings settings = new RunSettings(target.serverUrl(), Map.of(), Map.of(), script.get().profileValidator(),
				this.requestTimeout, true, target.fhirVersion());
		Optional<ClientSide> client = target.clientStep() ? TestScriptLibrary.clientSide(script.get().script())
				: Optional.empty();
		if (client.isPresent()) {
			return runClientScript(run, node, script.get(), settings, target, client.get());
		}
		ScriptResult result = new TestScriptRunner(settings, this.outbound.httpClient(target.allowPrivateAddresses()))
			.run(script.get().script(), new RunProgressListener() {

				@Override
				public void actionStarted(String section, String label, int finished, int total) {
					progress(run, node, finished, section + ": " + label);
				}

				@Override
				public void actionFinished(ActionResult action, int finished, int total) {
					progress(run, node, finished, null);
				}

			});
		return new Completion(ScriptRunStatus.of(result.outcome()), summary(result), result);
	}

	private Completion runClientScript(ScriptRun run, String node, ScriptToRun script, RunSettings settings,
			RunTarget target, ClientSide client) {
		ClientListener listener;
		try {
			listener = this.clientListeners.open(client.origin());
		}
		catch (ClientListenerException | IllegalStateException noPort) {
			return new Completion(ScriptRunStatus.ERROR,
					"The platform could not listen for the client: " + noPort.getMessage(), null);
		}
		URI address = this.clientListeners.address(listener);
		List<NewCapture> exchanges = Collections.synchronizedList(new ArrayList<>());
		RequestForwarder forwarder = recording(
				new HttpClientForwarder(this.outbound.httpClient(target.allowPrivateAddresses()), this.requestTimeout),
				target, address, exchanges);
		ClientsUnderTest clients = ClientsUnderTest.of(List.of(listener), this.clientListeners.arrivalTimeout())
			.withForwarder(forwarder);
		AtomicInteger finished = new AtomicInteger();
		ScriptResult result;
		try (listener) {
			result = new TestScriptRunner(settings, this.outbound.httpClient(target.allowPrivateAddresses()), clients)
				.run(script.script(), new RunProgressListener() {

					@Override
					public void actionStarted(String section, String label, int done, int total) {
						finished.set(done);
						progress(run, node, done, section + ": " + label);
					}

					@Override
					public void actionFinished(ActionResult action, int done, int total) {
						finished.set(done);
						progress(run, node, done, null);
					}

					@Override
					public void waitingForClient(int origin, String expected, URI listening) {
						progress(run, node, finished.get(),
								"Waiting for the client at " + address + " to send " + expected);
					}

				});
		}
		return new Completion(ScriptRunStatus.of(result.outcome()), summary(result), result, List.copyOf(exchanges));
	}

	/**
	 * Forwards with the engine's forwarder and keeps each exchange, answered or not, as a
	 * capture: what the client sent, and what it got (the destination's answer, or the
	 * engine's 502 when none came).
	 */
	private static RequestForwarder recording(RequestForwarder forwarder, RunTarget target, URI address,
			List<NewCapture> exchanges) {
		return (request, destination) -> {
			OffsetDateTime startedAt = OffsetDateTime.now();
			long start = System.nanoTime();
			try {
				ForwardedResponse response = forwarder.forward(request, destination);
				exchanges.add(capture(target, address, request, destination, startedAt, start, response.status(), null,
						response.headers(), response.body()));
				return response;
			}
			catch (IOException failure) {
				exchanges.add(capture(target, address, request, destination, startedAt, start, 502,
						failure.getMessage(), Map.of(), new byte[0]));
				throw failure;
			}
		};
	}

	private static NewCapture capture(RunTarget target, URI address, ClientRequest request, URI destination,
			OffsetDateTime startedAt, long start, int status, @Nullable String failure,
			Map<String, List<String>> responseHeaders, byte[] responseBody) {
		int millis = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		return NewCapture.forwardedForClient(target.eventId(), target.receiverSystemId(), target.senderSystemId(),
				"client of " + address, startedAt, millis, request.method(), request.target(), destination.toString(),
				status, failure, request.headers(), request.body(), responseHeaders, responseBody, MAX_CAPTURED_BODY);
	}

	private void progress(ScriptRun run, String node, int actionsFinished, @Nullable String currentAction) {
		this.runs.updateProgress(run.id(), node, actionsFinished, currentAction);
		this.publisher.publishEvent(new InstanceProgressed(run.testInstanceId()));
	}

	/**
	 * For people: how many actions passed, the release the server's answers were judged
	 * in, and the first action that did not pass, with the engine's explanation.
	 */
	static String summary(ScriptResult result) {
		Map<Outcome, Integer> counts = result.counts();
		StringBuilder summary = new StringBuilder().append(counts.get(Outcome.PASS))
			.append(" of ")
			.append(result.actions().size())
			.append(" actions passed");
		counts.forEach((outcome, count) -> {
			if (outcome != Outcome.PASS && count > 0) {
				summary.append(", ").append(count).append(' ').append(outcome.reportCode());
			}
		});
		summary.append(". ").append(result.serverRelease().note());
		result.actions()
			.stream()
			.filter((action) -> action.outcome() == Outcome.FAIL || action.outcome() == Outcome.ERROR)
			.findFirst()
			.ifPresent((action) -> summary.append(" First ")
				.append(action.outcome().reportCode())
				.append(": ")
				.append(action.section())
				.append(", ")
				.append(action.label())
				.append(": ")
				.append(action.message()));
		return summary.toString();
	}

	/**
	 * How a run ended, with the engine's result when the script ran, and the exchanges it
	 * forwarded for a client under test.
	 */
	record Completion(ScriptRunStatus status, String message, @Nullable ScriptResult result,
			List<NewCapture> exchanges) {

		Completion(ScriptRunStatus status, String message, @Nullable ScriptResult result) {
			this(status, message, result, List.of());
		}

	}

}
