package org.connectathon.engine.validation;

/**
 * How bad a validation issue is, as in FHIR's {@code OperationOutcome.issue.severity}.
 */
public enum IssueSeverity {

	FATAL("fatal"), ERROR("error"), WARNING("warning"), INFORMATION("information");

	private final String code;

	IssueSeverity(String code) {
		this.code = code;
	}

	/** The FHIR code, e.g. {@code error}. */
	public String code() {
		return code;
	}

	/** Whether the issue makes the resource invalid: fatal or error. */
	public boolean isError() {
		return this == FATAL || this == ERROR;
	}

}
