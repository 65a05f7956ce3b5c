package org.connectathon.platform.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.connectathon.engine.validation.OperationOutcomes;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

	/**
	 * Adds an implementation guide package (the {@code .tgz} of {@code npm pack} or of a
	 * package server) to the package cache, so that it can be named afterwards;
	 * organizers only, refused before the body is read. The body streams to a temporary
	 * file, not into memory.
	 */
	@PostMapping(path = "/api/packages", consumes = { "application/gzip", "application/octet-stream" })
	ResponseEntity<Map<String, String>> installPackage(InputStream packageFile,
			@AuthenticationPrincipal SignedInUser user) throws IOException {
		user.requireAdmin();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("package", this.validation.install(packageFile)));
	}

}
