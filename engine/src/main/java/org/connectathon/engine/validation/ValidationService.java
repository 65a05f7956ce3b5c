package org.connectathon.engine.validation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.connectathon.engine.packages.FhirPackage;
import org.connectathon.engine.packages.ResolvedPackages;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.RemoteTerminologyServiceValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * Validates FHIR resources, given as JSON or XML text, against the base specification and
 * a set of implementation guide packages. Build one per package set and share it:
 * creating one loads and indexes the packages and warms the validator (seconds), while a
 * validation after that takes a fraction of a second (an IPS Bundle: about 0.1 s of CPU).
 * Thread-safe: any number of threads may call {@link #validate} at once and get the same
 * issues as one thread would.
 * <p>
 * Terminology is checked in memory (the packages' code systems and value sets, plus
 * HAPI's knowledge of BCP-47 languages, MIME types, UCUM and the like); codes of systems
 * the packages do not define, such as SNOMED CT, are reported as not checked. Only when a
 * terminology server is given does the service make network calls.
 */
public final class ValidationService {

	private static final Pattern LOCATION_COMMENT = Pattern.compile("/\\*.*?\\*/");

	private static final String WARM_UP_RESOURCE = "{\"resourceType\":\"Patient\",\"active\":true}";

	private final ResolvedPackages packages;

	private final IValidationSupport chain;

	private final FhirValidator validator;

	private final MembershipStatistics membershipStatistics;

	private ValidationService(ResolvedPackages packages, IValidationSupport chain, FhirValidator validator,
			MembershipStatistics membershipStatistics) {
		this.packages = packages;
		this.chain = chain;
		this.validator = validator;
		this.membershipStatistics = membershipStatistics;
	}

	/**
	 * Builds a warm validator for the packages.
	 * @param packages the implementation guides, from
	 * {@link org.connectathon.engine.packages.PackageResolver}
	 * @param terminologyServer base URL of a FHIR terminology server to ask about codes
	 * the packages cannot answer for, or {@code null} for none (no network)
	 */
	public static ValidationService create(ResolvedPackages packages, URI terminologyServer) {
		return create(packages, terminologyServer, SliceMembership.PRECHECK_AND_REMEMBER);
	}

	/**
	 * Builds a warm validator for the packages, deciding slice membership by profile as
	 * told; the issues found are the same either way, only the time differs.
	 * @param packages the implementation guides
	 * @param terminologyServer base URL of a FHIR terminology server, or {@code null}
	 * @param sliceMembership how {@code conformsTo(profile)} slicing is decided
	 * @since issue 17
	 */
	public static ValidationService create(ResolvedPackages packages, URI terminologyServer,
			SliceMembership sliceMembership) {
		return create(packages, terminologyServer, sliceMembership, KeptInstanceValidators::new);
	}

	/**
	 * Builds a warm validator whose instance validation is the given HAPI module: the
	 * identical-findings tests compare HAPI's own, which builds a validator for every
	 * validation, with the kept validators.
	 */
	static ValidationService create(ResolvedPackages packages, URI terminologyServer, SliceMembership sliceMembership,
			Function<IValidationSupport, FhirInstanceValidator> instanceValidation) {
		Objects.requireNonNull(packages, "packages");
		Objects.requireNonNull(sliceMembership, "sliceMembership");
		FhirContext fhirContext = FhirContexts.forVersion(packages.fhirVersion());
		ValidationSupportChain chain = new ValidationSupportChain();
		chain.addValidationSupport(CoreDefinitions.support(fhirContext, packages.cacheDirectory()));
		for (FhirPackage fhirPackage : packages.packages()) {
			chain.addValidationSupport(new PackageValidationSupport(fhirContext, fhirPackage));
		}
		chain.addValidationSupport(new VersionedCanonicalValidationSupport(chain));
		chain.addValidationSupport(new LanguageValidationSupport(fhirContext));
		chain.addValidationSupport(new CommonCodeSystemsTerminologyService(fhirContext));
		chain.addValidationSupport(new InMemoryTerminologyServerValidationSupport(fhirContext));
		if (terminologyServer != null) {
			chain.addValidationSupport(
					new RemoteTerminologyServiceValidationSupport(fhirContext, terminologyServer.toString()));
		}
		chain.addValidationSupport(new SnapshotGeneratingValidationSupport(fhirContext));
		UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(
				fhirContext);
		unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
		chain.addValidationSupport(unknownCodeSystems);
		FhirInstanceValidator instanceValidator = instanceValidation.apply(chain);
		// an extension nobody defined is a mistake at a connectathon, not a local
		// customisation
		instanceValidator.setAnyExtensionsAllowed(false);
		MembershipStatistics membershipStatistics = new MembershipStatistics();
		if (sliceMembership == SliceMembership.PRECHECK_AND_REMEMBER) {
			instanceValidator.setValidatorPolicyAdvisor(
					new MembershipPolicyAdvisor(instanceValidator.getValidatorPolicyAdvisor(), membershipStatistics));
		}
		FhirValidator validator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
		ValidationService service = new ValidationService(packages, chain, validator, membershipStatistics);
		service.validate(WARM_UP_RESOURCE, null);
		return service;
	}

	/**
	 * How the {@code conformsTo(profile)} questions of slicing were answered so far (all
	 * zero with {@link SliceMembership#VALIDATE_IN_FULL}).
	 * @since issue 17
	 */
	public MembershipStatistics membershipStatistics() {
		return membershipStatistics;
	}

	/** The packages validated against, with what their resolution warned about. */
	public ResolvedPackages packages() {
		return packages;
	}

	/**
	 * Whether a profile (StructureDefinition) with this canonical URL, optionally
	 * {@code |version}, is known.
	 */
	public boolean hasProfile(String profileUrl) {
		Objects.requireNonNull(profileUrl, "profileUrl");
		return chain.fetchStructureDefinition(profileUrl) != null;
	}

	/**
	 * Validates one resource (a Bundle counts as one) against the profiles it declares in
	 * {@code meta.profile} and, when given, one more.
	 * @param content the resource as JSON or XML; malformed text gives a fatal issue
	 * naming the line and column
	 * @param profileUrl canonical URL of a profile the resource must conform to, or
	 * {@code null}
	 */
	public ValidationReport validate(String content, String profileUrl) {
		Objects.requireNonNull(content, "content");
		Optional<ValidationIssue> syntaxProblem = SyntaxCheck.findProblem(content);
		if (syntaxProblem.isPresent()) {
			return new ValidationReport(List.of(syntaxProblem.get()));
		}
		ValidationOptions options = new ValidationOptions();
		if (profileUrl != null) {
			options.addProfile(profileUrl);
		}
		ValidationResult result = validator.validateWithResult(content, options);
		List<ValidationIssue> issues = new ArrayList<>();
		for (SingleValidationMessage message : result.getMessages()) {
			issues.add(new ValidationIssue(severity(message.getSeverity()), location(message.getLocationString()),
					message.getLocationLine(), message.getLocationCol(),
					Objects.requireNonNullElse(message.getMessage(), ""), message.getMessageId()));
		}
		issues.addAll(SliceExplanations.explain(content, result.getMessages(), issues, this::validate));
		return new ValidationReport(issues);
	}

	/**
	 * The validator's FHIRPath with its {@code /*Type/id*}{@code /} comments removed, so
	 * that the location reads as the path alone; the line and column still tell which
	 * resource it is.
	 */
	private static String location(String locationString) {
		return locationString == null ? "" : LOCATION_COMMENT.matcher(locationString).replaceAll("");
	}

	private static IssueSeverity severity(ResultSeverityEnum severity) {
		if (severity == null) {
			return IssueSeverity.ERROR;
		}
		return switch (severity) {
			case FATAL -> IssueSeverity.FATAL;
			case ERROR -> IssueSeverity.ERROR;
			case WARNING -> IssueSeverity.WARNING;
			case INFORMATION -> IssueSeverity.INFORMATION;
		};
	}

}
