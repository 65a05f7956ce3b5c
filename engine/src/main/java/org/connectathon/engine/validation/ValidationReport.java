package org.connectathon.engine.validation;

import java.util.List;
import java.util.Objects;

/**
 * What validating one resource found, in the validator's order.
 *
 * @param issues the findings; empty when there is nothing to say
 */
public record ValidationReport(List<ValidationIssue> issues) {

	public ValidationReport {
		issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
	}

	/** Whether nothing is an error or fatal. */
	public boolean isValid() {
		return errorCount() == 0;
	}

	public long errorCount() {
		return issues.stream().filter(issue -> issue.severity().isError()).count();
	}

	public long warningCount() {
		return issues.stream().filter(issue -> issue.severity() == IssueSeverity.WARNING).count();
	}

	/** The errors and fatal issues only. */
	public List<ValidationIssue> errors() {
		return issues.stream().filter(issue -> issue.severity().isError()).toList();
	}

}
