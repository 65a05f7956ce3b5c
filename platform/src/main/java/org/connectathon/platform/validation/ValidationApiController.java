package org.connectathon.platform.validation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.connectathon.engine.validation.OperationOutcomes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ValidationApiController {

	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	private final FhirValidation validation;

	ValidationApiController(FhirValidation validation) {
		this.validation = validation;
	}

	/**
	 * Validates the resource or Bundle in the body (JSON or XML) and answers an
	 * OperationOutcome, with each issue's FHIRPath, line and column.
	 */
	@PostMapping(path = "/api/validate", consumes = { "application/fhir+json", "application/json",
			"application/fhir+xml", "application/xml", "text/plain" })
	ResponseEntity<String> validate(@RequestBody byte[] resource,
			@RequestParam(name = "ig", required = false) List<String> implementationGuides,
			@RequestParam(required = false) String profile) {
		FhirValidation.Validation result = this.validation.validate(new String(resource, StandardCharsets.UTF_8),
				(implementationGuides != null) ? implementationGuides : List.of(), profile);
		return ResponseEntity.ok().contentType(FHIR_JSON).body(OperationOutcomes.toJson(result.report()));
	}

}
