package org.connectathon.engine.validation;

import java.util.Objects;

import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;

import ca.uhn.fhir.context.FhirContext;

/**
 * Writes a {@link ValidationReport} as a FHIR R4 OperationOutcome, the form FHIR servers
 * answer {@code $validate} with: one issue per finding, its FHIRPath in
 * {@code expression}, and its line and column in the core extensions
 * {@code operationoutcome-issue-line} and {@code operationoutcome-issue-col}. An empty
 * report gives the single informational issue FHIR asks for. Stateless and thread-safe.
 */
public final class OperationOutcomes {

	public static final String LINE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line";

	public static final String COLUMN_EXTENSION = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col";

	private OperationOutcomes() {
	}

	public static OperationOutcome toOperationOutcome(ValidationReport report) {
		Objects.requireNonNull(report, "report");
		OperationOutcome outcome = new OperationOutcome();
		for (ValidationIssue issue : report.issues()) {
			OperationOutcomeIssueComponent component = outcome.addIssue()
				.setSeverity(IssueSeverity.fromCode(issue.severity().code()))
				.setCode(issue.severity() == org.connectathon.engine.validation.IssueSeverity.FATAL
						? IssueType.STRUCTURE : IssueType.PROCESSING)
				.setDiagnostics(issue.message());
			if (!issue.location().isEmpty()) {
				component.addExpression(issue.location());
			}
			if (issue.line() != null) {
				component.addExtension(LINE_EXTENSION, new IntegerType(issue.line()));
			}
			if (issue.column() != null) {
				component.addExtension(COLUMN_EXTENSION, new IntegerType(issue.column()));
			}
		}
		if (report.issues().isEmpty()) {
			outcome.addIssue()
				.setSeverity(IssueSeverity.INFORMATION)
				.setCode(IssueType.INFORMATIONAL)
				.setDiagnostics("No issues detected during validation");
		}
		return outcome;
	}

	/** The OperationOutcome as pretty-printed JSON. */
	public static String toJson(ValidationReport report) {
		return FhirContext.forR4Cached()
			.newJsonParser()
			.setPrettyPrint(true)
			.encodeResourceToString(toOperationOutcome(report));
	}

}
