package org.connectathon.engine.testscript;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Touchstone's built-in placeholders, on a fixed clock: leap day 2024, 10:15:30 in
 * Amsterdam (UTC+1).
 */
class PlaceholdersTests {

	static final Clock LEAP_DAY = Clock.fixed(Instant.parse("2024-02-29T09:15:30Z"), ZoneId.of("Europe/Amsterdam"));

	private final Placeholders placeholders = new Placeholders(LEAP_DAY, new Random(7));

	private final ZonedDateTime now = this.placeholders.now();

	private final Map<String, String> variables = Map.of("T", "2024-03-02", "NOW", "2024-02-29T23:30:00+01:00", "LOCAL",
			"2024-02-29T23:30:00", "WORD", "tomorrow");

	private String value(String name) {
		return this.placeholders.value(name, this.now, this.variables::get);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "CURRENTDATE|2024-02-29", "CURRENTDATETIME|2024-02-29T10:15:30+01:00",
			"'CURRENTDATE, M, -3'|2023-11-29", "'CURRENTDATE, y, 1'|2025-02-28", "'CURRENTDATE, d, 1, M, 1'|2024-04-01",
			"'CURRENTDATETIME, H, -11, m, 15'|2024-02-28T23:30:30+01:00", "'DATE, T, D, -5'|2024-02-26",
			"'DATE,T,D,-21'|2024-02-10", "'DATE, T, d, +0'|2024-03-02", "'DATE, T, Y, -1'|2023-03-02",
			"'DATE, T, M, -4'|2023-11-02", "'DATE, T'|2024-03-02", "'DATE, NOW, H, 2'|2024-03-01",
			"'DATETIME, NOW, H, 2'|2024-03-01T01:30:00+01:00", "'DATETIME, LOCAL, s, 30'|2024-02-29T23:30:30+01:00",
			"'DATETIME, T, D, -0'|2024-03-02T00:00:00+01:00" })
	void shouldComputeDatesFromTodayOrFromAVariable(String placeholder, String expected) {
		assertThat(value(placeholder)).isEqualTo(expected);
	}

	@Test
	void shouldDrawANewUuidAtEachUse() {
		String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
		assertThat(value("UUID")).matches(uuid).isNotEqualTo(value("UUID"));
		assertThat(value("UUID-ST")).matches("urn:uuid:" + uuid);
		assertThat(value("UUID-NODASH")).matches("[0-9a-f]{32}");
		assertThat(value("UUID-ST-NODASH")).matches("urn:uuid:[0-9a-f]{32}");
	}

	@Test
	void shouldKeepEachUserValueForEveryUse() {
		assertThat(value("C6")).matches("[A-Z]{6}").isEqualTo(value("C6"));
		assertThat(value("D9")).matches("[0-9]{9}").isEqualTo(value("D9"));
		assertThat(value("CD14")).matches("[A-Z0-9]{14}").isEqualTo(value("CD14"));
		assertThat(value("CD20")).hasSize(20);
	}

	@ParameterizedTest
	@CsvSource({ "pid", "T", "C0", "C21", "CD", "UUIDS", "currentdate" })
	void shouldLeaveNamesThatAreNoPlaceholder(String name) {
		assertThat(value(name)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = {
					"'DATE, T, Q, 5'|CTN-3060: ${DATE, T, Q, 5} has portion code 'Q', expected y (years), M (months), "
							+ "d (days), H (hours), m (minutes) or s (seconds)",
					"'CURRENTDATE, D'|CTN-3060: ${CURRENTDATE, D} does not pair each portion code (y, M, d, H, m, s) "
							+ "with a signed offset such as -5",
					"'DATE, T, D, five'|CTN-3060: ${DATE, T, D, five} has offset 'five', expected a whole number "
							+ "such as -5 or +14",
					"DATE|CTN-3060: ${DATE} names no variable; expected ${DATE, VARIABLE, PORTION, OFFSET} such as "
							+ "${DATE, T, D, -5}",
					"'DATE, WORD, D, 1'|CTN-3061: ${DATE, WORD, D, 1} needs a date in variable WORD, expected "
							+ "yyyy-MM-dd or a FHIR dateTime, found 'tomorrow'" })
	void shouldRefuseAPlaceholderWrittenWrong(String placeholder, String message) {
		assertThatThrownBy(() -> value(placeholder)).isInstanceOf(ExecutionException.class).hasMessage(message);
	}

}
