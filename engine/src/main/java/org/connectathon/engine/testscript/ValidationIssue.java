package org.connectathon.engine.testscript;

import java.util.Objects;

/**
 * One problem a {@link ProfileValidator} found.
 *
 * @param severity {@code fatal}, {@code error}, {@code warning} or {@code information}
 * @param location where in the resource, as a FHIRPath or line/column, may be empty
 * @param message what is wrong
 */
public record ValidationIssue(String severity, String location, String message) {

	public ValidationIssue {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(message, "message");
	}

	/** Whether this issue makes a resource non-conformant. */
	public boolean isError() {
		return severity.equals("error") || severity.equals("fatal");
	}

}
