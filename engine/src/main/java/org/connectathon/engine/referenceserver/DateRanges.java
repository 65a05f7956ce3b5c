package org.connectathon.engine.referenceserver;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns FHIR dates and search date values into the range of instants their precision
 * covers: {@code 2020} is the whole year, {@code 2020-05-01T10:00} that minute. Values
 * without a time zone are taken as UTC, the server's zone.
 */
final class DateRanges {

	private static final Pattern DATE_TIME = Pattern.compile(
			"(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?");

	private DateRanges() {
	}

	/**
	 * The range a date, dateTime or instant covers, or {@code null} when the text is not
	 * one.
	 */
	static IndexedValue.DateRange parse(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = DATE_TIME.matcher(text.trim());
		if (!matcher.matches()) {
			return null;
		}
		try {
			int year = Integer.parseInt(matcher.group(1));
			if (matcher.group(2) == null) {
				return range(LocalDate.of(year, 1, 1).atStartOfDay(), LocalDate.of(year + 1, 1, 1).atStartOfDay(),
						ZoneOffset.UTC);
			}
			int month = Integer.parseInt(matcher.group(2));
			if (matcher.group(3) == null) {
				LocalDate first = YearMonth.of(year, month).atDay(1);
				return range(first.atStartOfDay(), first.plusMonths(1).atStartOfDay(), ZoneOffset.UTC);
			}
			LocalDate day = LocalDate.of(year, month, Integer.parseInt(matcher.group(3)));
			if (matcher.group(4) == null) {
				return range(day.atStartOfDay(), day.plusDays(1).atStartOfDay(), ZoneOffset.UTC);
			}
			ZoneOffset zone = matcher.group(8) == null || matcher.group(8).equals("Z") ? ZoneOffset.UTC
					: ZoneOffset.of(matcher.group(8));
			LocalDateTime minute = day.atTime(Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)));
			if (matcher.group(6) == null) {
				return range(minute, minute.plusMinutes(1), zone);
			}
			LocalDateTime second = minute.plusSeconds(Integer.parseInt(matcher.group(6)));
			if (matcher.group(7) == null) {
				return range(second, second.plusSeconds(1), zone);
			}
			String fraction = (matcher.group(7).substring(1) + "000").substring(0, 3);
			LocalDateTime milli = second.plus(Integer.parseInt(fraction), ChronoUnit.MILLIS);
			return range(milli, milli.plus(1, ChronoUnit.MILLIS), zone);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** From the start included to the end excluded. */
	private static IndexedValue.DateRange range(LocalDateTime start, LocalDateTime end, ZoneOffset zone) {
		return new IndexedValue.DateRange(OffsetDateTime.of(start, zone).toInstant().toEpochMilli(),
				OffsetDateTime.of(end, zone).toInstant().toEpochMilli() - 1);
	}

}
