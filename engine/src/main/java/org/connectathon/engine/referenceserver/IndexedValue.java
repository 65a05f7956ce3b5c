package org.connectathon.engine.referenceserver;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A value of one search parameter of one resource, typed by what searches compare:
 * extracted once when the resource is written (see {@link IndexExtractor}), compared by
 * {@link SearchValues} for every search.
 */
sealed interface IndexedValue {

	/**
	 * A string parameter's value: {@code exact} for {@code :exact}, {@code normalized}
	 * (accents removed, lower case) for the default and {@code :contains} matching.
	 */
	record Text(String exact, String normalized) implements IndexedValue {

		private static final Pattern MARKS = Pattern.compile("\\p{M}");

		static Text of(String value) {
			return new Text(value, normalize(value));
		}

		static String normalize(String text) {
			return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
				.replaceAll("")
				.toLowerCase(Locale.ROOT)
				.trim();
		}

	}

	/**
	 * A token: a code with its system (null when the element has none), the display or
	 * text {@code :text} searches, and for identifiers the identifier's type coding that
	 * {@code :of-type} searches.
	 */
	record Token(String system, String code, String text, String typeSystem, String typeCode) implements IndexedValue {
	}

	/**
	 * A reference: {@code typeAndId} ({@code Patient/1}) when the reference names a
	 * resource type and id, {@code url} for an absolute or canonical reference, and the
	 * logical identifier that {@code :identifier} searches.
	 */
	record Reference(String typeAndId, String url, String identifierSystem,
			String identifierValue) implements IndexedValue {
	}

	/**
	 * A date, dateTime, instant or Period as the range of instants it covers, in epoch
	 * milliseconds, both ends included; an open Period end is {@link Long#MIN_VALUE} or
	 * {@link Long#MAX_VALUE}.
	 */
	record DateRange(long low, long high) implements IndexedValue {
	}

	/** A number, or the value of a quantity with its system, code and unit. */
	record Quantity(BigDecimal value, String system, String code, String unit) implements IndexedValue {
	}

	/** A uri, url or canonical as written. */
	record Uri(String value) implements IndexedValue {
	}

	/**
	 * A composite parameter's value: for each component in order, the values its
	 * expression gave on one element.
	 */
	record Composite(List<List<IndexedValue>> components) implements IndexedValue {
	}

}
