package org.connectathon.platform.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QualifiedKeywordTests {

	@Test
	void shouldReadAProfileAndAKeyword() {
		assertThat(QualifiedKeyword.parse("PDQm:CONSUMER")).contains(new QualifiedKeyword("PDQm", "CONSUMER"));
		assertThat(QualifiedKeyword.parse("MHD:ITI-65").orElseThrow().actor())
			.isEqualTo(new ActorReference("MHD", "ITI-65"));
	}

	@Test
	void shouldIgnoreSpacesAroundEitherPart() {
		assertThat(QualifiedKeyword.parse("  IPS : CREATOR \t")).contains(new QualifiedKeyword("IPS", "CREATOR"));
	}

	@Test
	void shouldRefuseTextWithoutAColon() {
		assertThat(QualifiedKeyword.parse("CREATOR")).isEmpty();
		assertThat(QualifiedKeyword.parse("")).isEmpty();
		assertThat(QualifiedKeyword.parse(null)).isEmpty();
	}

	@Test
	void shouldRefuseAnEmptyOrBlankPart() {
		assertThat(QualifiedKeyword.parse("IPS:")).isEmpty();
		assertThat(QualifiedKeyword.parse(":CREATOR")).isEmpty();
		assertThat(QualifiedKeyword.parse(" : ")).isEmpty();
		assertThat(QualifiedKeyword.parse(":")).isEmpty();
	}

	@Test
	void shouldKeepEverythingAfterTheFirstColonAsTheKeyword() {
		// the keyword rules then refuse it as unknown rather than silently cutting it
		assertThat(QualifiedKeyword.parse("IPS:CREATOR:EXTRA")).contains(new QualifiedKeyword("IPS", "CREATOR:EXTRA"));
	}

	@Test
	void shouldTakeABareKeywordAsOneOfTheCurrentProfile() {
		assertThat(QualifiedKeyword.parse(" CONSUMER ", "PDQm")).contains(new QualifiedKeyword("PDQm", "CONSUMER"));
		assertThat(QualifiedKeyword.parse("IPS:CREATOR", "PDQm")).contains(new QualifiedKeyword("IPS", "CREATOR"));
		assertThat(QualifiedKeyword.parse("IPS:", "PDQm")).isEmpty();
		assertThat(QualifiedKeyword.parse("  ", "PDQm")).isEmpty();
		assertThat(QualifiedKeyword.parse(null, "PDQm")).isEmpty();
	}

	@Test
	void shouldWriteItselfBackAsProfileColonKeyword() {
		assertThat(new QualifiedKeyword("PDQm", "CONSUMER")).hasToString("PDQm:CONSUMER");
	}

}
