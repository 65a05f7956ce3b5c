package org.connectathon.engine.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;

/**
 * HAPI's validator module, validating with HL7 {@code InstanceValidator}s kept between
 * validations instead of a new one each time, as HAPI 8.8.1's {@code ValidatorWrapper}
 * builds. A validator serves one validation at a time; an idle one waits here for the
 * next, so there are as many as validations ever ran at once. Apart from where the
 * validator comes from, a validation goes as in {@code ValidatorWrapper}: the same
 * settings, the profiles the caller names and those the resource declares, the same
 * messages left out and the same severity for an unknown profile. The identical-findings
 * tests hold the two to the same findings. A validator takes the module's settings when
 * it is built, so they are set before the first validation.
 */
final class KeptInstanceValidators extends FhirInstanceValidator {

	/**
	 * What a validator may have validated before it is replaced: the elements its coding
	 * observer holds then are some 10 to 20 MB.
	 */
	static final long CHARACTERS_BEFORE_WORN = 1_000_000;

	private final ConcurrentLinkedDeque<KeptInstanceValidator> idle = new ConcurrentLinkedDeque<>();

	private final long charactersBeforeWorn;

	private final AtomicInteger built = new AtomicInteger();

	KeptInstanceValidators(IValidationSupport validationSupport) {
		this(validationSupport, CHARACTERS_BEFORE_WORN);
	}

	KeptInstanceValidators(IValidationSupport validationSupport, long charactersBeforeWorn) {
		super(validationSupport);
		this.charactersBeforeWorn = charactersBeforeWorn;
	}

	/** How many validators were built so far. */
	int validatorsBuilt() {
		return built.get();
	}

	@Override
	protected List<ValidationMessage> validate(IValidationContext<?> validationContext) {
		IWorkerContext workerContext = provideWorkerContext();
		String content = validationContext.getResourceAsString();
		FhirFormat format = format(validationContext.getResourceAsStringEncoding());
		List<StructureDefinition> profiles = new ArrayList<>();
		List<ValidationMessage> unknownProfiles = new ArrayList<>();
		List<String> profileUrls = new ArrayList<>(validationContext.getOptions().getProfiles());
		profileUrls.addAll(DeclaredProfiles.of(content));
		for (String profileUrl : profileUrls) {
			addProfile(workerContext, profileUrl, profiles, unknownProfiles);
		}
		// HAPI passes the caller's application context with JSON only
		Object appContext = format == FhirFormat.JSON ? validationContext.getOptions().getAppContext() : null;

		KeptInstanceValidator validator = Objects.requireNonNullElseGet(idle.pollFirst(), () -> build(workerContext));
		List<ValidationMessage> messages = validator.validate(appContext, content, format, profiles);
		if (!validator.worn()) {
			idle.offerFirst(validator);
		}

		if (profiles.isEmpty()) {
			messages.addAll(unknownProfiles);
		}
		messages.removeIf(KeptInstanceValidators::leftOutByHapi);
		for (ValidationMessage message : messages) {
			if (isUnknownProfile(message)) {
				message.setLevel(isErrorForUnknownProfiles() ? ValidationMessage.IssueSeverity.ERROR
						: ValidationMessage.IssueSeverity.WARNING);
			}
		}
		return messages;
	}

	private KeptInstanceValidator build(IWorkerContext workerContext) {
		built.incrementAndGet();
		KeptInstanceValidator validator = new KeptInstanceValidator(workerContext, Objects.requireNonNullElseGet(
				getHostApplicationServices(), FhirInstanceValidator.NullEvaluationContext::new), charactersBeforeWorn);
		validator.setAssumeValidRestReferences(isAssumeValidRestReferences());
		validator.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
		validator.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
		validator.setResourceIdRule(IdStatus.OPTIONAL);
		validator.setNoTerminologyChecks(isNoTerminologyChecks());
		validator.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
		// HAPI fixes this, for its UnknownCodeSystemWarningValidationSupport to decide
		validator.setUnknownCodeSystemsCauseErrors(true);
		validator.getExtensionDomains().addAll(getExtensionDomains());
		validator.setFetcher(getValidatorResourceFetcher());
		validator.setPolicyAdvisor(getValidatorPolicyAdvisor());
		validator.setNoExtensibleWarnings(isNoExtensibleWarnings());
		validator.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
		validator.setAllowExamples(isAllowExamples());
		validator.setAllowXsiLocation(true);
		return validator;
	}

	private static FhirFormat format(EncodingEnum encoding) {
		return switch (encoding) {
			case JSON -> FhirFormat.JSON;
			case XML -> FhirFormat.XML;
			default -> throw new IllegalArgumentException("Validation takes JSON or XML, not " + encoding);
		};
	}

	private static void addProfile(IWorkerContext workerContext, String profileUrl, List<StructureDefinition> profiles,
			List<ValidationMessage> unknownProfiles) {
		StructureDefinition profile;
		try {
			profile = workerContext.fetchResource(StructureDefinition.class, profileUrl);
		}
		catch (FHIRException ex) {
			// HAPI passes over a profile it fails to load; the validator reports it
			return;
		}
		if (profile != null) {
			profiles.add(profile);
			return;
		}
		ValidationMessage unknown = new ValidationMessage();
		unknown.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
		unknown.setLevel(ValidationMessage.IssueSeverity.ERROR);
		unknown.setMessage("Invalid profile. Failed to retrieve profile with url=" + profileUrl);
		unknownProfiles.add(unknown);
	}

	/**
	 * What HAPI's wrapper drops: a binding without a source, the MIME types value set.
	 */
	private static boolean leftOutByHapi(ValidationMessage message) {
		String id = message.getMessageId();
		return id != null && (id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
				|| (id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
						&& message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")));
	}

	private static boolean isUnknownProfile(ValidationMessage message) {
		return I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(message.getMessageId())
				|| I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(message.getMessageId());
	}

}
