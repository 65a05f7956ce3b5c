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
 * A {@link ProfileValidator} that knows the core specification's profiles only, on HAPI's
 * {@link FhirInstanceValidator}. The validator of each FHIR release is built on first use (a few
 * seconds) and then shared.
 */
public final class CoreProfileValidator implements ProfileValidator {

	private final Map<FhirVersion, FhirValidator> validators = new EnumMap<>(FhirVersion.class);

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
			ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
					new CommonCodeSystemsTerminologyService(context),
					new InMemoryTerminologyServerValidationSupport(context),
					new SnapshotGeneratingValidationSupport(context));
			FhirValidator validator = context.newValidator();
			validator.registerValidatorModule(new FhirInstanceValidator(chain));
			return validator;
		});
	}

}
