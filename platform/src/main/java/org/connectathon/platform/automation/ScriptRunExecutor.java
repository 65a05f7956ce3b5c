package org.connectathon.platform.automation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.connectathon.engine.testscript.ActionResult;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.RunProgressListener;
import org.connectathon.engine.testscript.RunSettings;
import org.connectathon.engine.testscript.ScriptResult;
import org.connectathon.engine.testscript.TestScriptRunner;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.automation.AutomationService.RunTarget;
import org.connectathon.platform.automation.TestScriptLibrary.ScriptToRun;
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
 */
@Component
class ScriptRunExecutor {

	private final TestScriptLibrary scripts;

	private final ScriptRunRepository runs;

	private final ApplicationEventPublisher publisher;

	private final Duration requestTimeout;

	private final AutomationService automation;

	private final OutboundAddresses outbound;

	ScriptRunExecutor(TestScriptLibrary scripts, ScriptRunRepository runs, ApplicationEventPublisher publisher,
			@Value("${connectathon.automation.request-timeout:30s}") Duration requestTimeout,
			AutomationService automation, OutboundAddresses outbound) {
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

	/** How a run ended, with the engine's result when the script ran. */
	record Completion(ScriptRunStatus status, String message, @Nullable ScriptResult result) {

	}

}
