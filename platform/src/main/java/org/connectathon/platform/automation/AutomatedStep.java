package org.connectathon.platform.automation;

import java.util.List;

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
 * @param clientRequests for a client step (the script's system under test is a client:
 * {@code systemName} is the system whose client sends, {@code serverUrl} where the
 * platform forwards to), the requests the script waits for, in order; null for a step
 * where the engine plays the client
 * @param destinationName for a client step, who answers the forwarded requests: the
 * partner system, or the platform's reference server
 */
public record AutomatedStep(int stepIndex, String scriptKeyword, @Nullable EventTestScript script,
		@Nullable String systemName, @Nullable String serverUrl, @Nullable String serverFhirVersion,
		@Nullable String problem, @Nullable ScriptRun latestRun, @Nullable List<String> clientRequests,
		@Nullable String destinationName) {

	/** A step where the engine plays the client against the system under test. */
	public AutomatedStep(int stepIndex, String scriptKeyword, @Nullable EventTestScript script,
			@Nullable String systemName, @Nullable String serverUrl, @Nullable String serverFhirVersion,
			@Nullable String problem, @Nullable ScriptRun latestRun) {
		this(stepIndex, scriptKeyword, script, systemName, serverUrl, serverFhirVersion, problem, latestRun, null,
				null);
	}

	/**
	 * Whether the script's system under test is a client: a run waits for its requests
	 * and forwards them.
	 */
	public boolean clientStep() {
		return this.clientRequests != null;
	}

	/** Whether a run of this step is waiting or under way. */
	public boolean busy() {
		return this.latestRun != null && !this.latestRun.status().finished();
	}

	/** The same step, its latest run without its message. */
	AutomatedStep withoutRunMessage() {
		return new AutomatedStep(this.stepIndex, this.scriptKeyword, this.script, this.systemName, this.serverUrl,
				this.serverFhirVersion, this.problem, (this.latestRun != null) ? this.latestRun.withoutMessage() : null,
				this.clientRequests, this.destinationName);
	}

	/** Whether the latest run passed, so that a monitor may confirm it. */
	public boolean passed() {
		return this.latestRun != null && this.latestRun.status() == ScriptRunStatus.PASSED;
	}

}
