package org.connectathon.engine.validation;

import java.util.Objects;

/**
 * One finding of the validator.
 *
 * @param severity how bad it is
 * @param location the FHIRPath of the element concerned, e.g.
 * {@code Bundle.entry[0].resource.section[2].code}; the resource type when the whole
 * resource is concerned
 * @param line the 1-based line in the validated text, or {@code null} when unknown
 * @param column the 1-based column in the validated text, or {@code null} when unknown
 * @param message what is wrong, for a person
 * @param messageId the validator's stable identifier of the message kind, or {@code null}
 */
public record ValidationIssue(IssueSeverity severity, String location, Integer line, Integer column, String message,
		String messageId) {

	public ValidationIssue {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(message, "message");
	}

}
