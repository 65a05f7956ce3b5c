package org.connectathon.platform.proxy;

/** Where the background validation of a capture's FHIR bodies stands. */
public enum CaptureValidationStatus {

	PENDING,

	/** Validated, no errors (warnings may remain). */
	VALID,

	/** Validated, with at least one error. */
	INVALID,

	/** Nothing to validate: no body, or not FHIR. */
	SKIPPED,

	/** The validator could not run on it; the issues say why. */
	FAILED

}
