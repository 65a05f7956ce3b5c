package org.connectathon.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.connectathon.engine.TestPackages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Speed never changes a verdict: with the membership precheck and memo
 * ({@link SliceMembership#PRECHECK_AND_REMEMBER}) the validator reports exactly the
 * OperationOutcome it reports when every {@code conformsTo(profile)} is a full validation
 * ({@link SliceMembership#VALIDATE_IN_FULL}), on every IPS 2.0.0 example and on the
 * broken variants. The benchmark repeats the comparison on its generated Bundles.
 */
class SliceMembershipIdenticalFindingsTests {

	private static final Pattern OBJECT_IDENTITY = Pattern.compile("@[0-9a-f]{4,8}\\b");

	private static ValidationService inFull;

	private static ValidationService precheckAndRemember;

	@BeforeAll
	static void createServices() {
		inFull = ValidationService.create(TestPackages.ips(), null, SliceMembership.VALIDATE_IN_FULL);
		precheckAndRemember = ValidationService.create(TestPackages.ips(), null, SliceMembership.PRECHECK_AND_REMEMBER);
	}

	static Stream<Arguments> inputs() {
		Stream<Arguments> examples = TestPackages.ipsExamples()
			.stream()
			.map(example -> Arguments.of(example.fileName(), example.json()));
		Stream<Arguments> brokenVariants = Stream.of(
				Arguments.of("without Composition", IpsVariants.withoutComposition()),
				Arguments.of("without problems section", IpsVariants.withoutProblemsSection()),
				Arguments.of("without subject", IpsVariants.withoutSubject()),
				Arguments.of("problems section with another code", IpsVariants.withProblemsSectionCode("11348-0")),
				Arguments.of("invalid Composition date", IpsVariants.withCompositionDate("2020-13-45")),
				Arguments.of("unknown extension",
						IpsVariants.withCompositionExtension("http://example.org/fhir/StructureDefinition/unknown")),
				Arguments.of("unknown language region",
						IpsVariants.example("Bundle-IPS-examples-Bundle-with-immunization.json")
							.replace("fr-LU", "fr-QQ")));
		return Stream.concat(examples, brokenVariants);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inputs")
	void precheckAndMemoReportTheSameOperationOutcome(String name, String json) {
		ValidationReport expected = inFull.validate(json, null);

		ValidationReport actual = precheckAndRemember.validate(json, null);

		assertThat(described(actual)).containsExactlyElementsOf(described(expected));
		assertThat(withoutObjectIdentities(OperationOutcomes.toJson(actual)))
			.isEqualTo(withoutObjectIdentities(OperationOutcomes.toJson(expected)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inputs")
	void sameOperationOutcomeWhenTheCallerNamesTheBundleProfile(String name, String json) {
		String bundleProfile = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips";
		ValidationReport expected = inFull.validate(json, bundleProfile);

		ValidationReport actual = precheckAndRemember.validate(json, bundleProfile);

		assertThat(described(actual)).containsExactlyElementsOf(described(expected));
		assertThat(withoutObjectIdentities(OperationOutcomes.toJson(actual)))
			.isEqualTo(withoutObjectIdentities(OperationOutcomes.toJson(expected)));
	}

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
