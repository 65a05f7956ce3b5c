package org.connectathon.platform.proxy;

import org.connectathon.platform.proxy.Hl7v2Fields.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class Hl7v2FieldsTests {

	@Test
	void shouldCountMshFieldsAsHl7DoesTheSeparatorBeingMsh1() {
		assertThat(Hl7v2Fields.of("MSH|^~\\&|SENDER||||20261207||ADT^A01^ADT_A01"))
			.extracting(Field::place, Field::separator, Field::text)
			.startsWith(tuple("MSH", "", "MSH"), tuple("MSH-1", "", "|"), tuple("MSH-2", "", "^~\\&"),
					tuple("MSH-3", "|", "SENDER"))
			.contains(tuple("MSH-9", "|", "ADT^A01^ADT_A01"));
	}

	@Test
	void shouldNumberTheFieldsOfOtherSegmentsFromOne() {
		assertThat(Hl7v2Fields.of("PID|1||PAT-0001||Doe^Jane")).extracting(Field::place, Field::text)
			.containsExactly(tuple("PID", "PID"), tuple("PID-1", "1"), tuple("PID-2", ""), tuple("PID-3", "PAT-0001"),
					tuple("PID-4", ""), tuple("PID-5", "Doe^Jane"));
	}

	@Test
	void shouldKeepALineThatIsNotASegmentWhole() {
		assertThat(Hl7v2Fields.of("GET / HTTP/1.1")).extracting(Field::place, Field::text)
			.containsExactly(tuple("", "GET / HTTP/1.1"));
	}

}
