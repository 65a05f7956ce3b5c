package org.connectathon.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.connectathon.engine.TestPackages;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Speed never changes a verdict: the validator as shipped (kept HL7 validators, the
 * membership precheck and memo of {@link SliceMembership#PRECHECK_AND_REMEMBER}) reports
 * exactly the OperationOutcome of HAPI's own instance validation, which builds a new
 * validator for every validation and validates every {@code conformsTo(profile)} in full
 * ({@link SliceMembership#VALIDATE_IN_FULL}): on every IPS 2.0.0 example, on the broken
 * variants, on XML, on declared profiles, and on what a validator says only once per
 * validation. The shipped service validates every input twice, after all the inputs
 * before it, so that whatever a kept validator might carry over would show. The benchmark
 * repeats the comparison on its generated Bundles.
 */
class IdenticalFindingsTests {

	private static final Pattern OBJECT_IDENTITY = Pattern.compile("@[0-9a-f]{4,8}\\b");

	private static ValidationService hapisOwn;

	private static ValidationService shipped;

	@BeforeAll
	static void createServices() {
		hapisOwn = ValidationService.create(TestPackages.ips(), null, SliceMembership.VALIDATE_IN_FULL,
				FhirInstanceValidator::new);
		shipped = ValidationService.create(TestPackages.ips(), null);
	}

	static Stream<Arguments> inputs() {
		Stream<Arguments> examples = TestPackages.ipsExamples()
			.stream()
			.map(example -> Arguments.of(example.fileName(), example.json()));
		Stream<Arguments> variants = Stream.of(Arguments.of("without Composition", IpsVariants.withoutComposition()),
				Arguments.of("without problems section", IpsVariants.withoutProblemsSection()),
				Arguments.of("without subject", IpsVariants.withoutSubject()),
				Arguments.of("problems section with another code", IpsVariants.withProblemsSectionCode("11348-0")),
				Arguments.of("invalid Composition date", IpsVariants.withCompositionDate("2020-13-45")),
				Arguments.of("unknown extension",
						IpsVariants.withCompositionExtension("http://example.org/fhir/StructureDefinition/unknown")),
				Arguments.of("unknown language region",
						IpsVariants.example("Bundle-IPS-examples-Bundle-with-immunization.json")
							.replace("fr-LU", "fr-QQ")),
				Arguments.of("deprecated extension", PATIENT_WITH_DEPRECATED_EXTENSION),
				Arguments.of("deprecated extension in XML", PATIENT_WITH_DEPRECATED_EXTENSION_XML),
				Arguments.of("declared IPS profile in XML", IPS_PATIENT_XML),
				Arguments.of("declared unknown profile", PATIENT_DECLARING_UNKNOWN_PROFILE));
		return Stream.concat(examples, variants);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inputs")
	void shippedValidatorReportsHapisOperationOutcome(String name, String content) {
		ValidationReport expected = hapisOwn.validate(content, null);

		for (int time = 1; time <= 2; time++) {
			ValidationReport actual = shipped.validate(content, null);

			assertThat(described(actual)).as("validation %d", time).containsExactlyElementsOf(described(expected));
			assertThat(withoutObjectIdentities(OperationOutcomes.toJson(actual))).as("validation %d", time)
				.isEqualTo(withoutObjectIdentities(OperationOutcomes.toJson(expected)));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inputs")
	void sameOperationOutcomeWhenTheCallerNamesTheBundleProfile(String name, String content) {
		String bundleProfile = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips";
		ValidationReport expected = hapisOwn.validate(content, bundleProfile);

		ValidationReport actual = shipped.validate(content, bundleProfile);

		assertThat(described(actual)).containsExactlyElementsOf(described(expected));
		assertThat(withoutObjectIdentities(OperationOutcomes.toJson(actual)))
			.isEqualTo(withoutObjectIdentities(OperationOutcomes.toJson(expected)));
	}

	/**
	 * The validator says once per validation that an extension is deprecated; also
	 * {@link KeptInstanceValidatorsTests}' input.
	 */
	static final String PATIENT_WITH_DEPRECATED_EXTENSION = """
			{
			  "resourceType": "Patient",
			  "extension": [ {
			    "url": "http://hl7.org/fhir/StructureDefinition/patient-bornStatus",
			    "valueCode": "born"
			  } ],
			  "gender": "female"
			}
			""";

	private static final String PATIENT_WITH_DEPRECATED_EXTENSION_XML = """
			<Patient xmlns="http://hl7.org/fhir">
			  <extension url="http://hl7.org/fhir/StructureDefinition/patient-bornStatus">
			    <valueCode value="born"/>
			  </extension>
			  <gender value="female"/>
			</Patient>
			""";

	private static final String IPS_PATIENT_XML = """
			<Patient xmlns="http://hl7.org/fhir">
			  <meta>
			    <profile value="http://hl7.org/fhir/uv/ips/StructureDefinition/Patient-uv-ips"/>
			  </meta>
			  <gender value="female"/>
			</Patient>
			""";

	private static final String PATIENT_DECLARING_UNKNOWN_PROFILE = """
			{
			  "resourceType": "Patient",
			  "meta": { "profile": [ "http://example.org/fhir/StructureDefinition/nobody-defined-this" ] },
			  "gender": "female"
			}
			""";

	/** Each issue on one line, so that a difference reads as the issues that differ. */
	private static List<String> described(ValidationReport report) {
		return report.issues()
			.stream()
			.map(issue -> issue.severity() + " " + issue.location() + " " + issue.line() + ":" + issue.column() + " "
					+ withoutObjectIdentities(issue.message()))
			.toList();
	}

	/**
	 * HAPI writes some objects into messages with their identity hash
	 * ({@code ConceptSetFilterComponent@684b888a}), which differs between any two runs;
	 * it is no finding.
	 */
	private static String withoutObjectIdentities(String outcome) {
		return OBJECT_IDENTITY.matcher(outcome).replaceAll("@");
	}

}
