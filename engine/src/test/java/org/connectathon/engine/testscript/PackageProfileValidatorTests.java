package org.connectathon.engine.testscript;

import java.nio.file.Path;
import java.util.List;

import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageException;
import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.validation.ValidationIssue;
import org.connectathon.engine.validation.ValidationReport;
import org.connectathon.engine.validation.ValidationServiceCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageProfileValidatorTests {

	private static final Path PACKAGES = Path.of(System.getProperty("connectathon.test-packages",
			System.getProperty("user.home") + "/.cache/connectathon/fhir-packages"));

	private static final String IPS_PATIENT = "http://hl7.org/fhir/uv/ips/StructureDefinition/Patient-uv-ips";

	@TempDir
	Path cache;

	@Test
	void shouldValidateAgainstAProfileOfAnImplementationGuide() {
		PackageProfileValidator validator = validator(PACKAGES.resolve("hl7.fhir.uv.ips-2.0.0.tgz").toString(),
				PACKAGES.resolve("hl7.terminology.r4-7.0.1.tgz").toString(),
				PACKAGES.resolve("hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz").toString());

		List<ValidationIssue> errors = validator
			.validate(FhirVersion.R4, "{\"resourceType\":\"Patient\",\"gender\":\"male\"}", IPS_PATIENT)
			.errors();
		assertThat(errors).extracting(ValidationIssue::message).anyMatch((message) -> message.contains("Patient.name"));

		ValidationReport conforming = validator.validate(FhirVersion.R4,
				"{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Chalmers\"}],\"birthDate\":\"1974-12-25\"}",
				IPS_PATIENT);
		assertThat(conforming.errors()).isEmpty();
	}

	@Test
	void shouldNameAnImplementationGuideByNameAndVersionOnceItIsInTheCache() {
		validator(PACKAGES.resolve("hl7.fhir.uv.ips-2.0.0.tgz").toString()).resolutionWarnings();

		PackageProfileValidator byName = validator("hl7.fhir.uv.ips#2.0.0");
		assertThat(byName.validate(FhirVersion.R4, "{\"resourceType\":\"Patient\"}", IPS_PATIENT).errors())
			.isNotEmpty();
	}

	@Test
	void shouldValidateR5ResourcesAgainstTheR5CoreSpecification() {
		PackageProfileValidator validator = validator();
		String profile = "http://hl7.org/fhir/StructureDefinition/Patient";

		assertThat(validator.validate(FhirVersion.R5, "{\"resourceType\":\"Patient\",\"gender\":\"male\"}", profile)
			.errors()).isEmpty();
		assertThat(validator.validate(FhirVersion.R5, "{\"resourceType\":\"Patient\",\"gender\":\"robot\"}", profile)
			.errors()).extracting(ValidationIssue::location)
			.anyMatch((location) -> location.contains("Patient.gender"));
	}

	@Test
	void shouldReportAnImplementationGuideThatCannotBeHad() {
		assertThatThrownBy(() -> validator("hl7.fhir.uv.nothing#1.0.0").resolutionWarnings())
			.isInstanceOf(PackageException.class)
			.hasMessageStartingWith("CTN-2003: expected hl7.fhir.uv.nothing#1.0.0 in the package cache");
	}

	private PackageProfileValidator validator(String... implementationGuides) {
		return new PackageProfileValidator(new PackageResolver(new PackageCache(this.cache, List.of())),
				List.of(implementationGuides), new ValidationServiceCache());
	}

}
