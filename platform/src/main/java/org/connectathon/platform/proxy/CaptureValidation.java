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

}
