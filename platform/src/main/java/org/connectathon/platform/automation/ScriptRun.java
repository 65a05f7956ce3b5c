package org.connectathon.platform.automation;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A run of a step's TestScript against the endpoint of the system under test: queued,
 * then run by a worker of some node, which reports how far it has come; when it ends, its
 * TestReport is the evidence {@code evidenceId} of the step.
 *
 * @param actionsTotal how many actions the script has
 * @param actionsFinished how many of them have run so far
 * @param currentAction the label of the action running now
 * @param message why the run ended as it did, for people
 * @param attempts how many times a worker started it (a run whose node stopped is started
 * again)
 */
public record ScriptRun(long id, long testInstanceId, int stepIndex, String scriptKeyword, @Nullable Long testScriptId,
		String serverUrl, ScriptRunStatus status, int actionsTotal, int actionsFinished, @Nullable String currentAction,
		@Nullable String message, @Nullable Long evidenceId, int attempts, String requestedByName,
		OffsetDateTime requestedAt, @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {

	/** The same run without its message, for those who may not read it. */
	ScriptRun withoutMessage() {
		return new ScriptRun(this.id, this.testInstanceId, this.stepIndex, this.scriptKeyword, this.testScriptId,
				this.serverUrl, this.status, this.actionsTotal, this.actionsFinished, this.currentAction, null,
				this.evidenceId, this.attempts, this.requestedByName, this.requestedAt, this.startedAt,
				this.finishedAt);
	}

}
