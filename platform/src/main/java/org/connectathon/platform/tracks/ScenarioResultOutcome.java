package org.connectathon.platform.tracks;

/** What a client-server pair reports for a scenario run without monitors. */
public enum ScenarioResultOutcome {

	PASS,

	FAIL,

	/** Part of the success criteria met. */
	PARTIAL,

	/** Neither pass nor fail: an observation worth keeping. */
	NOTE

}
