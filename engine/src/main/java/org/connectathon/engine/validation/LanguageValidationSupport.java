package org.connectathon.engine.validation;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;

/**
 * Chain link placed before HAPI's {@link CommonCodeSystemsTerminologyService}: answers
 * whether a code belongs to the FHIR language value sets ({@code ValueSet/languages} and
 * {@code ValueSet/all-languages}) by checking that it is a well-formed BCP-47 tag whose
 * language and region are known ISO 639 / ISO 3166 codes (or a UN M.49 region number).
 * <p>
 * HAPI 8.8.1 checks these value sets against the short list of common languages
 * enumerated in {@code ValueSet/languages} and reports any other tag as an error,
 * whatever the binding strength; the official IPS immunization example thus fails with
 * {@code Code "fr-LU" is not in valueset}, although the binding is only preferred and
 * {@code fr-LU} is a valid language tag. Tags that are not valid are still reported.
 */
final class LanguageValidationSupport implements IValidationSupport {

	private static final String LANGUAGE_SYSTEM = "urn:ietf:bcp:47";

	private static final Set<String> VALUE_SETS = Set.of(CommonCodeSystemsTerminologyService.LANGUAGES_VALUESET_URL,
			CommonCodeSystemsTerminologyService.ALL_LANGUAGES_VALUESET_URL);

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

	private final FhirContext fhirContext;

	LanguageValidationSupport(FhirContext fhirContext) {
		this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
	}

	@Override
	public FhirContext getFhirContext() {
		return fhirContext;
	}

	@Override
	public String getName() {
		return "BCP-47 language tags";
	}

	@Override
	public boolean isValueSetSupported(ValidationSupportContext context, String valueSetUrl) {
		return isLanguageValueSet(valueSetUrl);
	}

	@Override
	public CodeValidationResult validateCodeInValueSet(ValidationSupportContext context,
			ConceptValidationOptions options, String system, String code, String display, IBaseResource valueSet) {
		String url = CommonCodeSystemsTerminologyService.getValueSetUrl(fhirContext, valueSet);
		return isLanguageValueSet(url) ? validateLanguage(system, code) : null;
	}

	@Override
	public CodeValidationResult validateCode(ValidationSupportContext context, ConceptValidationOptions options,
			String system, String code, String display, String valueSetUrl) {
		return isLanguageValueSet(valueSetUrl) ? validateLanguage(system, code) : null;
	}

	private static boolean isLanguageValueSet(String url) {
		if (url == null) {
			return false;
		}
		int bar = url.indexOf('|');
		return VALUE_SETS.contains(bar < 0 ? url : url.substring(0, bar));
	}

	private static CodeValidationResult validateLanguage(String system, String code) {
		if (system != null && !system.equals(LANGUAGE_SYSTEM)) {
			return error("Language codes come from " + LANGUAGE_SYSTEM + ", not from " + system);
		}
		if (code == null || !isKnownLanguageTag(code)) {
			return error("Code \"" + code + "\" is not a valid BCP-47 language tag with a known language and region");
		}
		return new CodeValidationResult().setCode(code).setCodeSystemName(LANGUAGE_SYSTEM);
	}

	static boolean isKnownLanguageTag(String code) {
		Locale locale;
		try {
			locale = new Locale.Builder().setLanguageTag(code).build();
		}
		catch (IllformedLocaleException ex) {
			return false;
		}
		String language = locale.getLanguage();
		String region = locale.getCountry();
		boolean knownLanguage = LANGUAGES.contains(language) || language.length() == 3;
		boolean knownRegion = region.isEmpty() || REGIONS.contains(region) || region.matches("[0-9]{3}");
		return knownLanguage && knownRegion;
	}

	private static CodeValidationResult error(String message) {
		// HAPI turns only the issues of a result into validation messages, not its
		// message alone
		return new CodeValidationResult().setSeverity(IssueSeverity.ERROR)
			.setMessage(message)
			.addIssue(new CodeValidationIssue(message, IssueSeverity.ERROR, CodeValidationIssueCode.CODE_INVALID,
					CodeValidationIssueCoding.INVALID_CODE));
	}

}
