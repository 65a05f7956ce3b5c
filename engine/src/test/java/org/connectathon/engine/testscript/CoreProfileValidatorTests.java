package org.connectathon.engine.testscript;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoreProfileValidatorTests {

	private static final Path PACKAGES = Path.of(System.getProperty("connectathon.test-packages",
			System.getProperty("user.home") + "/.cache/connectathon/fhir-packages"));

	private static final String IPS_PATIENT = "http://hl7.org/fhir/uv/ips/StructureDefinition/Patient-uv-ips";

	@Test
	void shouldValidateAgainstAProfileOfAGivenPackage() {
		CoreProfileValidator validator = new CoreProfileValidator(
				List.of(PACKAGES.resolve("hl7.fhir.uv.ips-2.0.0.tgz")));
		List<ValidationIssue> errors = validator
			.validate(FhirVersion.R4, "{\"resourceType\":\"Patient\",\"gender\":\"male\"}", IPS_PATIENT)
			.stream()
			.filter(ValidationIssue::isError)
			.toList();
		assertThat(errors).extracting(ValidationIssue::location).anyMatch(location -> location.contains("Patient"));
		assertThat(errors).extracting(ValidationIssue::message).anyMatch(message -> message.contains("Patient.name"));
		List<ValidationIssue> conforming = validator.validate(FhirVersion.R4,
				"{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Chalmers\"}],\"birthDate\":\"1974-12-25\"}",
				IPS_PATIENT);
		assertThat(conforming).filteredOn(ValidationIssue::isError).isEmpty();
	}

	@Test
	void shouldRefuseAPackageFileThatDoesNotExist() {
		Path missing = PACKAGES.resolve("missing.tgz");
		assertThatThrownBy(() -> new CoreProfileValidator(List.of(missing)))
			.hasMessage("CTN-3040: expected a FHIR package file (.tgz), but " + missing + " does not exist");
	}

}
