package org.connectathon.engine.testscript;

import java.util.Objects;

/**
 * The result of one action of a run, as also written in the TestReport.
 *
 * @param section {@code setup}, the test's name, or {@code teardown}
 * @param kind {@code operation} or {@code assert}
 * @param label the action's label, else its description, else its position
 * @param outcome what happened
 * @param message for a person: what was expected and what was found, and the request sent
 */
public record ActionResult(String section, String kind, String label, Outcome outcome, String message) {

	public ActionResult {
		Objects.requireNonNull(section, "section");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(message, "message");
	}

}
