package org.connectathon.bench.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;

/**
 * The plain HAPI FHIR 8.8.1 set-up from HAPI's documentation: the packages loaded whole
 * by {@link NpmPackageValidationSupport} (from the classpath, where the benchmark puts
 * the package folder), the core definitions, the common code systems, in-memory
 * terminology and snapshot generation. It is given the same two validator settings as
 * Connectathon's service (unknown code systems are warnings, unknown extensions are
 * errors) so that the issues can be compared.
 */
final class PlainHapiSetUp implements BenchValidator {

	private static final Pattern LOCATION_COMMENT = Pattern.compile("/\\*.*?\\*/");

	private final FhirValidator validator;

	PlainHapiSetUp(List<Path> packageFiles) {
		FhirContext fhirContext = FhirContext.forR4();
		NpmPackageValidationSupport packages = new NpmPackageValidationSupport(fhirContext);
		try {
			for (Path packageFile : packageFiles) {
				packages.loadPackageFromClasspath("classpath:" + packageFile.getFileName());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(
				fhirContext);
		unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		ValidationSupportChain chain = new ValidationSupportChain(packages,
				new DefaultProfileValidationSupport(fhirContext), new CommonCodeSystemsTerminologyService(fhirContext),
				new InMemoryTerminologyServerValidationSupport(fhirContext),
				new SnapshotGeneratingValidationSupport(fhirContext), unknownCodeSystems);
		FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
		instanceValidator.setAnyExtensionsAllowed(false);
		validator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
		validate("{\"resourceType\":\"Patient\",\"active\":true}");
	}

	@Override
	public List<String> validate(String resource) {
		// same location form as Connectathon's: the validator's /*Type/id*/ comments
		// removed
		return validator.validateWithResult(resource)
			.getMessages()
			.stream()
			.map(message -> message.getSeverity().getCode() + "|"
					+ LOCATION_COMMENT.matcher(String.valueOf(message.getLocationString())).replaceAll("") + "|"
					+ message.getMessage())
			.toList();
	}

}
