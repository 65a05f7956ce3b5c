package org.connectathon.platform.automation;

import org.connectathon.engine.testscript.Outcome;

/**
 * Where a run of a step's TestScript stands. FAILED means the system under test did not
 * conform; ERROR means the engine could not run the script (the endpoint did not answer,
 * the script was deleted, the node running it stopped for good).
 */
public enum ScriptRunStatus {

	QUEUED, RUNNING, PASSED, FAILED, ERROR;

	public boolean finished() {
		return this != QUEUED && this != RUNNING;
	}

	static ScriptRunStatus of(Outcome outcome) {
		return switch (outcome) {
			case PASS, WARNING, SKIP -> PASSED;
			case FAIL -> FAILED;
			case ERROR -> ERROR;
		};
	}

}
