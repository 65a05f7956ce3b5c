package org.connectathon.engine.testscript;

/**
 * Told about each action of a run while it goes, so that a caller can show how far a
 * script has come ("7 of 12 actions"). Called on the thread that runs the script, in
 * order; a listener must be quick and must not throw. {@code total} is
 * {@link LoadedTestScript#actionCount()}: a run whose autocreated fixture was never
 * created ends with fewer actions finished.
 */
public interface RunProgressListener {

	/** A listener that ignores everything. */
	RunProgressListener NONE = new RunProgressListener() {
	};

	/**
	 * An operation or assert is about to run.
	 * @param section {@code setup}, the test's name, or {@code teardown}
	 * @param label the action's label, else its description, else its position
	 * @param finished how many actions have finished before it
	 * @param total how many actions the script has
	 */
	default void actionStarted(String section, String label, int finished, int total) {
	}

	/**
	 * An action has finished, or was skipped.
	 * @param result what happened
	 * @param finished how many actions have finished, this one included
	 * @param total how many actions the script has
	 */
	default void actionFinished(ActionResult result, int finished, int total) {
	}

	/**
	 * An operation of a client under test waits for the client's request.
	 * @param origin the script's index of the client
	 * @param expected the request waited for, such as {@code POST Patient}
	 * @param listening the base URL the client sends to
	 */
	default void waitingForClient(int origin, String expected, java.net.URI listening) {
	}

	/**
	 * A client under test sent a request other than the one waited for; it was answered
	 * (forwarded, or refused when it was over the size limit) and the wait goes on.
	 * @param origin the script's index of the client
	 * @param request what came, such as {@code GET /Patient/1}
	 * @param expected the request waited for
	 */
	default void unexpectedClientRequest(int origin, String request, String expected) {
	}

}
