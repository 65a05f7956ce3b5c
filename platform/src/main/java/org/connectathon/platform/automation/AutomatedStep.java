package org.connectathon.platform.automation;

import org.jspecify.annotations.Nullable;

/**
 * A step of a test instance that names a TestScript: the script, the system it runs
 * against and that system's endpoint, why it cannot run if it cannot, and its latest run.
 *
 * @param script the event's script of that keyword, null until an organizer uploads it
 * @param systemName the system answering the step (its responder), null when the step has
 * none
 * @param serverUrl the endpoint the engine calls, null when the system has declared none
 * @param serverFhirVersion the FHIR release the endpoint declares (R4, R4B or R5), which
 * judges its answers; null when it declares none and the engine asks the server
 * @param problem why the step cannot run now, null when it can
 */
public record AutomatedStep(int stepIndex, String scriptKeyword, @Nullable EventTestScript script,
		@Nullable String systemName, @Nullable String serverUrl, @Nullable String serverFhirVersion,
		@Nullable String problem, @Nullable ScriptRun latestRun) {

	/** Whether a run of this step is waiting or under way. */
	public boolean busy() {
		return this.latestRun != null && !this.latestRun.status().finished();
	}

	/** The same step, its latest run without its message. */
	AutomatedStep withoutRunMessage() {
		return new AutomatedStep(this.stepIndex, this.scriptKeyword, this.script, this.systemName, this.serverUrl,
				this.serverFhirVersion, this.problem,
				(this.latestRun != null) ? this.latestRun.withoutMessage() : null);
	}

	/** Whether the latest run passed, so that a monitor may confirm it. */
	public boolean passed() {
		return this.latestRun != null && this.latestRun.status() == ScriptRunStatus.PASSED;
	}

}
