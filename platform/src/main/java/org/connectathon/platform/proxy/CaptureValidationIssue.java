package org.connectathon.platform.proxy;

import org.jspecify.annotations.Nullable;

/**
 * One finding of the validation of a capture's FHIR bodies, as stored in
 * {@code captures.validation_issues} (JSON) and shown beside the capture.
 *
 * @param side which body it concerns: {@code request} or {@code response}
 * @param severity {@code fatal}, {@code error}, {@code warning} or {@code information}
 * @param location the FHIRPath of the element concerned, e.g. {@code Patient.gender};
 * empty when the whole body is concerned
 * @param line the 1-based line in the body, null when unknown
 * @param column the 1-based column in the body, null when unknown
 */
public record CaptureValidationIssue(String side, String severity, String location, @Nullable Integer line,
		@Nullable Integer column, String message) {

	public static final String REQUEST = "request";

	public static final String RESPONSE = "response";

}
