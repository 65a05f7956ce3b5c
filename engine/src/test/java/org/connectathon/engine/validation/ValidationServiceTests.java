package org.connectathon.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.connectathon.engine.TestPackages;
import org.connectathon.engine.TestPackages.Example;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationServiceTests {

	private static final String BUNDLE_PROFILE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips";

	private static final String COMPOSITION_PROFILE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Composition-uv-ips";

	private static ValidationService service;

	@BeforeAll
	static void createService() {
		service = ValidationService.create(TestPackages.ips(), null);
	}

	static List<Example> ipsExamples() {
		return TestPackages.ipsExamples();
	}

	@ParameterizedTest
	@MethodSource("ipsExamples")
	void officialIpsExampleConformsToItsDeclaredProfile(Example example) {
		ValidationReport report = service.validate(example.json(), null);

		assertThat(report.errors()).isEmpty();
	}

	@Test
	void versionedTargetProfilesOfTheIpsBundleSlicesResolve() {
		ValidationReport report = service.validate(IpsVariants.minimalBundle(), null);

		assertThat(report.issues())
			.noneSatisfy(issue -> assertThat(issue.message()).contains("a matching slice is required"));
		assertThat(report.isValid()).isTrue();
	}

	@Test
	void regionalLanguageTagOfTheImmunizationExampleIsAValidLanguage() {
		ValidationReport report = service
			.validate(IpsVariants.example("Bundle-IPS-examples-Bundle-with-immunization.json"), null);

		assertThat(report.issues()).noneSatisfy(issue -> assertThat(issue.message()).contains("fr-LU"));
		assertThat(report.isValid()).isTrue();
	}

	@Test
	void languageTagWithAnUnknownRegionIsAnError() {
		String immunizationBundle = IpsVariants.example("Bundle-IPS-examples-Bundle-with-immunization.json");

		ValidationReport report = service.validate(immunizationBundle.replace("fr-LU", "fr-QQ"), null);

		assertThat(report.errors()).isNotEmpty().allSatisfy(issue -> {
			assertThat(issue.location()).startsWith("Bundle.entry[20].resource");
			assertThat(issue.message()).contains("fr-QQ");
		});
	}

	@Test
	void bundleWithoutCompositionMissesTheRequiredCompositionSlice() {
		ValidationReport report = service.validate(IpsVariants.withoutComposition(), null);

		assertThat(report.errors()).anySatisfy(issue -> {
			assertThat(issue.location()).isEqualTo("Bundle");
			assertThat(issue.message()).contains("Bundle.entry:composition").contains("a matching slice is required");
		});
	}

	@Test
	void compositionWithoutProblemsSectionMissesTheRequiredSectionSlice() {
		ValidationReport report = service.validate(IpsVariants.withoutProblemsSection(), null);

		assertThat(report.errors()).anySatisfy(issue -> {
			assertThat(issue.location()).isEqualTo("Bundle");
			assertThat(issue.message()).contains("Bundle.entry:composition").contains("a matching slice is required");
		}).anySatisfy(issue -> {
			assertThat(issue.location()).isEqualTo("Bundle.entry[0].resource");
			assertThat(issue.message()).startsWith("Does not conform to " + COMPOSITION_PROFILE
					+ ", so fills no slice 'composition': Slice 'Composition.section:sectionProblems': a matching slice is required");
			assertThat(issue.line()).isGreaterThan(1);
		});
	}

	@Test
	void compositionWithoutSubjectReportsTheMissingSubject() {
		ValidationReport report = service.validate(IpsVariants.withoutSubject(), null);

		assertThat(report.errors()).anySatisfy(issue -> {
			assertThat(issue.location()).isEqualTo("Bundle.entry[0].resource");
			assertThat(issue.message()).contains("Composition.subject: minimum required = 1, but only found 0");
		});
	}

	@Test
	void sectionWithAnotherCodeNoLongerCountsAsTheProblemsSection() {
		ValidationReport report = service.validate(IpsVariants.withProblemsSectionCode("11348-0"), null);

		assertThat(report.errors()).anySatisfy(issue -> {
			assertThat(issue.location()).isEqualTo("Bundle.entry[0].resource");
			assertThat(issue.message()).contains("Composition.section:sectionProblems")
				.contains("a matching slice is required");
		});
	}

	@Test
	void invalidCompositionDateIsReportedAtTheDateWithItsPosition() {
		ValidationReport report = service.validate(IpsVariants.withCompositionDate("2020-13-45"), null);

		assertThat(report.errors()).anySatisfy(issue -> {
			assertThat(issue.location()).isEqualTo("Bundle.entry[0].resource.date");
			assertThat(issue.message()).contains("2020-13-45");
			assertThat(issue.line()).isGreaterThan(1);
			assertThat(issue.column()).isPositive();
		});
	}

	@Test
	void unknownExtensionIsAnError() {
		ValidationReport report = service.validate(
				IpsVariants.withCompositionExtension("http://example.org/fhir/StructureDefinition/unknown"), null);

		assertThat(report.errors()).anySatisfy(issue -> {
			assertThat(issue.location()).isEqualTo("Bundle.entry[0].resource.extension[0]");
			assertThat(issue.message()).contains("http://example.org/fhir/StructureDefinition/unknown");
		});
	}

	@Test
	void profileGivenByTheCallerIsCheckedBesidesTheDeclaredOnes() {
		ValidationReport report = service.validate(IpsVariants.example("Patient-66033.json"), BUNDLE_PROFILE);

		assertThat(report.errors()).anySatisfy(issue -> assertThat(issue.message()).contains("Bundle"));
	}

	@Test
	void malformedJsonIsAFatalIssueWithItsPosition() {
		ValidationReport report = service.validate("{\n  \"resourceType\": \"Patient\",\n  \"active\": true,,\n}",
				null);

		assertThat(report.errors()).singleElement().satisfies(issue -> {
			assertThat(issue.severity()).isEqualTo(IssueSeverity.FATAL);
			assertThat(issue.line()).isEqualTo(3);
			assertThat(issue.column()).isPositive();
		});
	}

	@Test
	void malformedXmlIsAFatalIssueWithItsPosition() {
		ValidationReport report = service
			.validate("<Patient xmlns=\"http://hl7.org/fhir\">\n  <active value=\"true\">\n</Patient>", null);

		assertThat(report.errors()).singleElement().satisfies(issue -> {
			assertThat(issue.severity()).isEqualTo(IssueSeverity.FATAL);
			assertThat(issue.line()).isEqualTo(3);
		});
	}

	@Test
	void missingContentIsRefused() {
		assertThatThrownBy(() -> service.validate(null, null)).isInstanceOf(NullPointerException.class)
			.hasMessage("content");
	}

}
