package org.connectathon.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.connectathon.engine.TestPackages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the hook of the membership precheck and memo in HAPI 8.8.1's validator (see
 * {@link MembershipPolicyAdvisor}): if a validator upgrade stops handing the policy
 * advisor to the {@code InstanceValidator}, stops consulting it before slicing, or stops
 * answering {@code conformsTo()} through the FHIRPath host services, these counts fall to
 * zero and the tests fail, naming the hook.
 */
class ValidationServiceMembershipTests {

	private static final String HOOK_MOVED = "the validator no longer asks conformsToProfile through the host services "
			+ "that MembershipPolicyAdvisor installs: the membership hook has moved (see docs/validation.md, "
			+ "Slice membership)";

	private static ValidationService precheckAndRemember;

	private static ValidationService inFull;

	@BeforeAll
	static void createServices() {
		precheckAndRemember = ValidationService.create(TestPackages.ips(), null);
		inFull = ValidationService.create(TestPackages.ips(), null, SliceMembership.VALIDATE_IN_FULL);
	}

	@Test
	void ipsBundleSlicingIsAnsweredThroughTheMembershipHook() {
		MembershipStatistics statistics = precheckAndRemember.membershipStatistics();
		long askedBefore = statistics.asked();
		long refusedBefore = statistics.refusedByPrecheck();
		long rememberedBefore = statistics.remembered();

		precheckAndRemember.validate(IpsVariants.example("Bundle-IPS-examples-Bundle-01.json"), null);

		assertThat(statistics.asked() - askedBefore).as(HOOK_MOVED).isGreaterThan(20);
		assertThat(statistics.refusedByPrecheck() - refusedBefore)
			.as("Observations of other kinds refused by the precheck")
			.isPositive();
		assertThat(statistics.remembered() - rememberedBefore)
			.as("section entries answered from the entry slicing's result")
			.isPositive();
	}

	@Test
	void theMemoLastsOneValidation() {
		MembershipStatistics statistics = precheckAndRemember.membershipStatistics();
		String bundle = IpsVariants.example("Bundle-IPS-examples-Bundle-01.json");
		long inFullBefore = statistics.validatedInFull();
		precheckAndRemember.validate(bundle, null);
		long inFullOnce = statistics.validatedInFull() - inFullBefore;

		precheckAndRemember.validate(bundle, null);

		assertThat(inFullOnce).as(HOOK_MOVED).isPositive();
		assertThat(statistics.validatedInFull() - inFullBefore).isEqualTo(2 * inFullOnce);
		assertThat(statistics.asked())
			.isEqualTo(statistics.validatedInFull() + statistics.refusedByPrecheck() + statistics.remembered());
	}

	@Test
	void validatingInFullLeavesTheHookOut() {
		inFull.validate(IpsVariants.example("Bundle-IPS-examples-Bundle-01.json"), null);

		assertThat(inFull.membershipStatistics().asked()).isZero();
	}

}
