package org.connectathon.platform.proxy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of validating a capture's bodies: its status, counts, and issues of both
 * sides. Counts are null when nothing was validated.
 */
public record CaptureValidation(CaptureValidationStatus status, @Nullable Integer errors, @Nullable Integer warnings,
		List<CaptureValidationIssue> issues) {

	public CaptureValidation {
		issues = List.copyOf(issues);
	}

	/**
	 * The outcome of a validation that found these issues: invalid when one is an error
	 * or fatal, else valid, with both counts.
	 */
	public static CaptureValidation of(List<CaptureValidationIssue> issues) {
		int errors = (int) issues.stream()
			.filter((issue) -> "error".equals(issue.severity()) || "fatal".equals(issue.severity()))
			.count();
		int warnings = (int) issues.stream().filter((issue) -> "warning".equals(issue.severity())).count();
		return new CaptureValidation((errors > 0) ? CaptureValidationStatus.INVALID : CaptureValidationStatus.VALID,
				errors, warnings, issues);
	}

}
