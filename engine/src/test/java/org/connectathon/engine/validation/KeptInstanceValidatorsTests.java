package org.connectathon.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.connectathon.engine.TestPackages;
import org.junit.jupiter.api.Test;

/**
 * A validator is built once and validates one resource after another, each as a new one
 * would, until it has held on to enough to be replaced.
 */
class KeptInstanceValidatorsTests {

	private static final String PATIENT = """
			{"resourceType": "Patient", "gender": "female", "birthDate": "1970-01-01", "active": true}""";

	@Test
	void oneThreadValidatesWithOneValidator() {
		AtomicReference<KeptInstanceValidators> kept = new AtomicReference<>();
		ValidationService service = ValidationService.create(TestPackages.ips(), null,
				SliceMembership.PRECHECK_AND_REMEMBER, chain -> {
					kept.set(new KeptInstanceValidators(chain));
					return kept.get();
				});

		for (int validation = 0; validation < 5; validation++) {
			service.validate(PATIENT, null);
			service.validate(IpsVariants.minimalBundle(), null);
		}

		assertThat(kept.get().validatorsBuilt()).isEqualTo(1);
	}

	@Test
	void aWornValidatorIsReplacedAndFindsTheSame() {
		AtomicReference<KeptInstanceValidators> kept = new AtomicReference<>();
		ValidationService service = ValidationService.create(TestPackages.ips(), null,
				SliceMembership.PRECHECK_AND_REMEMBER, chain -> {
					kept.set(new KeptInstanceValidators(chain, PATIENT.length()));
					return kept.get();
				});
		int builtByTheWarmUp = kept.get().validatorsBuilt();

		ValidationReport first = service.validate(PATIENT, null);
		ValidationReport second = service.validate(PATIENT, null);

		assertThat(kept.get().validatorsBuilt()).isEqualTo(builtByTheWarmUp + 1);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void everyValidationSaysThatAnExtensionIsDeprecated() {
		ValidationService service = ValidationService.create(TestPackages.ips(), null);

		for (int validation = 1; validation <= 3; validation++) {
			ValidationReport report = service.validate(IdenticalFindingsTests.PATIENT_WITH_DEPRECATED_EXTENSION, null);

			assertThat(report.issues()).as("validation %d", validation)
				.anySatisfy(issue -> assertThat(issue.message()).contains("patient-bornStatus")
					.containsIgnoringCase("deprecated"));
		}
	}

}
