package org.connectathon.platform.proxy.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.connectathon.platform.proxy.hl7v2.Hl7v2Checks.Checked;
import org.connectathon.platform.proxy.hl7v2.Hl7v2Checks.Finding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class Hl7v2ChecksTests {

	private final Hl7v2Checks checks = new Hl7v2Checks(
			new DefaultHapiContext(ValidationContextFactory.defaultValidation()));

	@Test
	void shouldFindNothingWrongWithAnAdmission() {
		Checked checked = this.checks.check(Hl7v2Samples.ADT_A01);

		assertThat(checked.message()).isNotNull();
		assertThat(checked.findings()).isEmpty();
	}

	@Test
	void shouldPlaceAMissingRequiredFieldAtItsFieldAndLine() {
		Checked checked = this.checks.check(Hl7v2Samples.ADT_A01_WITHOUT_IDENTIFIER);

		assertThat(checked.findings()).extracting(Finding::location, Finding::line, Finding::severity)
			.contains(tuple("PID-3", 3, "error"), tuple("PID-5", 3, "error"));
		assertThat(checked.findings()).filteredOn((finding) -> finding.location().equals("PID-3"))
			.extracting(Finding::message)
			.containsExactly("PID-3 (Patient Identifier List) is required and empty.");
	}

	@Test
	void shouldSayWhatIsNotAnHl7v2Message() {
		assertThat(this.checks.check("hello").findings()).extracting(Finding::severity).containsExactly("fatal");
	}

	@Test
	void shouldReportAMissingRequiredSegmentAndAnUnexpectedOne() {
		Checked checked = this.checks.check(Hl7v2Samples.ADT_A01.replace("EVN|A01|20261207120000\r", "")
			.replace("PV1|1|I\r", "PV1|1|I\rZZZ|custom\r"));

		assertThat(checked.findings()).extracting(Finding::location, Finding::severity).contains(tuple("EVN", "error"));
		assertThat(checked.findings()).anySatisfy((finding) -> assertThat(finding.message()).contains("ZZZ"));
	}

	@Test
	void shouldRefuseAVersionWithoutStructures() {
		assertThat(this.checks.check(Hl7v2Samples.ADT_A01.replace("|P|2.5", "|P|9.9")).findings())
			.extracting(Finding::location)
			.containsExactly("MSH-12");
	}

	@Test
	void shouldReportEveryBrokenFormatRuleWithoutFailingTheParse() {
		Checked checked = this.checks.check(Hl7v2Samples.ADT_A01.replace("||19800101|F", "||1980-01-01|F"));

		assertThat(checked.message()).isNotNull();
		assertThat(checked.findings()).extracting(Finding::location, Finding::line).contains(tuple("PID-7", 3));
	}

}
