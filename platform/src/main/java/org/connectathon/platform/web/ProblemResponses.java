package org.connectathon.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.context.FhirContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem JSON, and OperationOutcomes for the FHIR endpoint, from
 * filters, which run before Spring MVC's and HAPI FHIR's exception handling (see
 * {@link ApiExceptionHandler} for everything that reaches a controller).
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * @param issueType the code of the OperationOutcome's issue, e.g. {@code security}
	 */
	public void writeOperationOutcome(HttpServletResponse response, HttpStatus status, String issueType,
			String diagnostics) throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(IssueSeverity.ERROR)
			.setCode(IssueType.fromCode(issueType))
			.setDiagnostics(diagnostics);
		response.setStatus(status.value());
		response.setContentType("application/fhir+json");
		response.getWriter().write(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
	}

}
