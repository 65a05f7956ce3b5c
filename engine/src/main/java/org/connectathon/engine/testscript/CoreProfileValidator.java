package org.connectathon.engine.testscript;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * A {@link ProfileValidator} on HAPI's {@link FhirInstanceValidator} that knows the core
 * specification's profiles and the conformance resources (StructureDefinition, ValueSet,
 * CodeSystem) of the FHIR package files it is given. The validator of each FHIR release
 * is built on first use (a few seconds) and then shared.
 */
public final class CoreProfileValidator implements ProfileValidator {

	private static final java.util.Set<String> CONFORMANCE_TYPES = java.util.Set.of("StructureDefinition", "ValueSet",
			"CodeSystem");

	private final Map<FhirVersion, FhirValidator> validators = new EnumMap<>(FhirVersion.class);

	private final List<java.nio.file.Path> packages;

	/** A validator of the core specification only. */
	public CoreProfileValidator() {
		this(List.of());
	}

	/**
	 * @param packages FHIR package files ({@code .tgz}) whose profiles, value sets and
	 * code systems the validator should know
	 * @throws IllegalArgumentException when a package cannot be read
	 */
	public CoreProfileValidator(List<java.nio.file.Path> packages) {
		this.packages = List.copyOf(Objects.requireNonNull(packages, "packages"));
		for (java.nio.file.Path file : this.packages) {
			if (!java.nio.file.Files.isRegularFile(file)) {
				throw new IllegalArgumentException(
						"CTN-3040: expected a FHIR package file (.tgz), but " + file + " does not exist");
			}
		}
	}

	@Override
	public List<ValidationIssue> validate(FhirVersion version, String resource, String profileUrl) {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(resource, "resource");
		Objects.requireNonNull(profileUrl, "profileUrl");
		ValidationResult result = validator(version).validateWithResult(resource,
				new ValidationOptions().addProfile(profileUrl));
		List<ValidationIssue> issues = new ArrayList<>();
		for (SingleValidationMessage message : result.getMessages()) {
			issues.add(new ValidationIssue(message.getSeverity().getCode(),
					Objects.requireNonNullElse(message.getLocationString(), ""), message.getMessage()));
		}
		return issues;
	}

	private synchronized FhirValidator validator(FhirVersion version) {
		return this.validators.computeIfAbsent(version, v -> {
			FhirContext context = v.fhirContext();
			ValidationSupportChain chain = new ValidationSupportChain(packageSupport(context),
					new DefaultProfileValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
					new InMemoryTerminologyServerValidationSupport(context),
					new SnapshotGeneratingValidationSupport(context));
			FhirValidator validator = context.newValidator();
			validator.registerValidatorModule(new FhirInstanceValidator(chain));
			return validator;
		});
	}

	private org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport packageSupport(
			FhirContext context) {
		var support = new org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport(context);
		for (java.nio.file.Path file : this.packages) {
			try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
				org.hl7.fhir.utilities.npm.NpmPackage npm = org.hl7.fhir.utilities.npm.NpmPackage.fromPackage(in);
				for (String type : CONFORMANCE_TYPES) {
					for (String name : npm.listResources(type)) {
						try (java.io.InputStream resource = npm.load("package", name)) {
							support.addResource(context.newJsonParser().parseResource(resource));
						}
					}
				}
			}
			catch (java.io.IOException | RuntimeException ex) {
				throw new IllegalArgumentException(
						"CTN-3041: cannot read FHIR package " + file + ": " + ex.getMessage(), ex);
			}
		}
		return support;
	}

}
