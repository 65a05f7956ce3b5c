package org.connectathon.engine.referenceserver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * How one search value compares with indexed values, per the FHIR search specification:
 * string prefixes, token {@code system|code} forms, date ranges with their precision and
 * the prefixes {@code eq ne gt lt ge le sa eb ap}, numbers with their implicit precision,
 * quantities with system and code, uris and composites. Also splits values on unescaped
 * separators ({@code \,} {@code \|} {@code \$} are literal).
 */
final class SearchValues {

	private static final Pattern PREFIXED = Pattern.compile("^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.+)$");

	private SearchValues() {
	}

	/**
	 * The test of a scanned value, for the types that are not looked up in posting sets.
	 * @param modifier the modifier, "" for none
	 * @throws InvalidRequestException ({@code CTN-5012}) for a malformed value
	 */
	static Predicate<IndexedValue> test(RestSearchParameterTypeEnum type, String modifier, String value,
			ComponentResolver components) {
		return switch (type) {
			case STRING -> string(modifier, value);
			case TOKEN -> token(modifier, value);
			case DATE -> date(value);
			case NUMBER -> number(value, false);
			case QUANTITY -> number(value, true);
			case URI -> uri(modifier, value);
			case REFERENCE -> reference(value);
			case COMPOSITE -> components.composite(value);
			default -> throw new InvalidRequestException(
					"CTN-5011: parameters of type " + type.getCode() + " cannot be searched on the reference server");
		};
	}

	/** Resolves the parts of a composite parameter into one test. */
	interface ComponentResolver {

		Predicate<IndexedValue> composite(String value);

	}

	/** A composite's test: every part's value matches its component's values. */
	static Predicate<IndexedValue> composite(List<RestSearchParameterTypeEnum> componentTypes, String value,
			String code) {
		List<String> parts = split(value, '$');
		if (parts.size() != componentTypes.size()) {
			throw new InvalidRequestException("CTN-5012: composite parameter " + code + " expects "
					+ componentTypes.size() + " values separated by $, got '" + value + "'");
		}
		List<Predicate<IndexedValue>> tests = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			tests.add(test(componentTypes.get(i), "", parts.get(i), null));
		}
		return indexed -> {
			if (!(indexed instanceof IndexedValue.Composite composite)
					|| composite.components().size() != tests.size()) {
				return false;
			}
			for (int i = 0; i < tests.size(); i++) {
				if (!composite.components().get(i).stream().anyMatch(tests.get(i))) {
					return false;
				}
			}
			return true;
		};
	}

	private static Predicate<IndexedValue> string(String modifier, String value) {
		String normalized = IndexedValue.Text.normalize(value);
		return switch (modifier) {
			case "" -> indexed -> indexed instanceof IndexedValue.Text text && text.normalized().startsWith(normalized);
			case "exact" -> indexed -> indexed instanceof IndexedValue.Text text && text.exact().equals(value);
			case "contains" ->
				indexed -> indexed instanceof IndexedValue.Text text && text.normalized().contains(normalized);
			default -> throw unsupportedModifier(modifier, "string");
		};
	}

	/**
	 * A token test for the forms the posting sets do not answer: {@code :text} and
	 * {@code :of-type}; also the plain forms, for composites.
	 */
	private static Predicate<IndexedValue> token(String modifier, String value) {
		switch (modifier) {
			case "text" -> {
				String normalized = IndexedValue.Text.normalize(value);
				return indexed -> indexed instanceof IndexedValue.Token token && token.text() != null
						&& (IndexedValue.Text.normalize(token.text()).startsWith(normalized)
								|| IndexedValue.Text.normalize(token.text()).contains(" " + normalized));
			}
			case "of-type" -> {
				List<String> parts = split(value, '|');
				if (parts.size() != 3) {
					throw new InvalidRequestException(
							"CTN-5012: :of-type expects type-system|type-code|value, got '" + value + "'");
				}
				return indexed -> indexed instanceof IndexedValue.Token token && parts.get(0).equals(token.typeSystem())
						&& parts.get(1).equals(token.typeCode()) && parts.get(2).equals(token.code());
			}
			case "" -> {
				List<String> parts = split(value, '|');
				String system = parts.size() > 1 ? parts.get(0) : null;
				String code = parts.size() > 1 ? parts.get(1) : parts.get(0);
				return indexed -> indexed instanceof IndexedValue.Token token && token.code() != null
						&& (system == null || system.equals(token.system() == null ? "" : token.system()))
						&& (code.isEmpty() || code.equals(token.code()));
			}
			default -> throw unsupportedModifier(modifier, "token");
		}
	}

	private static Predicate<IndexedValue> reference(String value) {
		// only composites compare references by scanning; plain searches look them up
		return indexed -> indexed instanceof IndexedValue.Reference reference
				&& (value.equals(reference.typeAndId()) || value.equals(reference.url())
						|| (reference.typeAndId() != null && reference.typeAndId().endsWith("/" + value)));
	}

	private static Predicate<IndexedValue> uri(String modifier, String value) {
		return switch (modifier) {
			case "" -> indexed -> indexed instanceof IndexedValue.Uri uri && uri.value().equals(value);
			case "below" -> indexed -> indexed instanceof IndexedValue.Uri uri && uri.value().startsWith(value);
			case "above" -> indexed -> indexed instanceof IndexedValue.Uri uri && value.startsWith(uri.value());
			default -> throw unsupportedModifier(modifier, "uri");
		};
	}

	/**
	 * A date test. The target's range and the search value's range compare as the
	 * specification's table says: {@code eq} the search range contains the target,
	 * {@code gt} the target goes on after the search range, {@code sa} it starts after,
	 * and so on; {@code ap} accepts ranges within a tenth of the distance to now.
	 */
	static Predicate<IndexedValue> date(String value) {
		Matcher matcher = PREFIXED.matcher(value);
		if (!matcher.matches()) {
			throw malformed("date", value);
		}
		String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
		IndexedValue.DateRange search = DateRanges.parse(matcher.group(2));
		if (search == null) {
			throw malformed("date", value);
		}
		long low = search.low();
		long high = search.high();
		Predicate<IndexedValue.DateRange> test = switch (prefix) {
			case "eq" -> target -> target.low() >= low && target.high() <= high;
			case "ne" -> target -> !(target.low() >= low && target.high() <= high);
			case "gt" -> target -> target.high() > high;
			case "lt" -> target -> target.low() < low;
			case "ge" -> target -> target.high() > high || (target.low() >= low && target.high() <= high);
			case "le" -> target -> target.low() < low || (target.low() >= low && target.high() <= high);
			case "sa" -> target -> target.low() > high;
			case "eb" -> target -> target.high() < low;
			default -> {
				long margin = Math.max(86_400_000L, Math.abs(System.currentTimeMillis() - low) / 10);
				yield target -> target.high() >= low - margin && target.low() <= high + margin;
			}
		};
		return indexed -> indexed instanceof IndexedValue.DateRange range && test.test(range);
	}

	/**
	 * A number or quantity test; without a prefix a number matches within its implicit
	 * precision ({@code 100} is 99.5 up to 100.5), {@code ap} within 10%. A quantity
	 * value may name {@code |system|code}, or {@code ||code} to match a code or unit of
	 * any system.
	 */
	static Predicate<IndexedValue> number(String value, boolean quantity) {
		List<String> parts = quantity ? split(value, '|') : List.of(value);
		if (parts.size() != 1 && parts.size() != 3) {
			throw malformed("quantity", value);
		}
		Matcher matcher = PREFIXED.matcher(parts.get(0));
		if (!matcher.matches()) {
			throw malformed(quantity ? "quantity" : "number", value);
		}
		String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
		BigDecimal wanted;
		try {
			wanted = new BigDecimal(matcher.group(2));
		}
		catch (NumberFormatException ex) {
			throw malformed(quantity ? "quantity" : "number", value);
		}
		BigDecimal halfStep = BigDecimal.ONE.movePointLeft(Math.max(wanted.scale(), 0) + 1)
			.multiply(BigDecimal.valueOf(5));
		BigDecimal tenth = wanted.abs().divide(BigDecimal.TEN);
		Predicate<BigDecimal> test = switch (prefix) {
			case "eq" -> target -> target.compareTo(wanted.subtract(halfStep)) >= 0
					&& target.compareTo(wanted.add(halfStep)) < 0;
			case "ne" -> target -> !(target.compareTo(wanted.subtract(halfStep)) >= 0
					&& target.compareTo(wanted.add(halfStep)) < 0);
			case "gt", "sa" -> target -> target.compareTo(wanted) > 0;
			case "lt", "eb" -> target -> target.compareTo(wanted) < 0;
			case "ge" -> target -> target.compareTo(wanted) >= 0;
			case "le" -> target -> target.compareTo(wanted) <= 0;
			default -> target -> target.subtract(wanted).abs().compareTo(tenth) <= 0;
		};
		String system = parts.size() == 3 ? parts.get(1) : "";
		String code = parts.size() == 3 ? parts.get(2) : "";
		return indexed -> {
			if (!(indexed instanceof IndexedValue.Quantity number) || !test.test(number.value())) {
				return false;
			}
			if (code.isEmpty()) {
				return true;
			}
			if (system.isEmpty()) {
				return code.equals(number.code()) || code.equals(number.unit());
			}
			return system.equals(number.system()) && code.equals(number.code());
		};
	}

	/** Splits on the separator where it is not escaped with a backslash, unescaping. */
	static List<String> split(String value, char separator) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(i + 1);
				if (next == ',' || next == '|' || next == '$' || next == '\\') {
					if (next == separator) {
						current.append(next);
					}
					else {
						// keep the escape for the next split
						current.append(c).append(next);
					}
					i++;
					continue;
				}
			}
			if (c == separator) {
				parts.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		parts.add(current.toString());
		return parts;
	}

	/** The value with escapes removed, once it is split. */
	static String unescape(String value) {
		return value.replace("\\,", ",").replace("\\|", "|").replace("\\$", "$").replace("\\\\", "\\");
	}

	static InvalidRequestException unsupportedModifier(String modifier, String type) {
		return new InvalidRequestException(
				"CTN-5011: the modifier :" + modifier + " is not supported on " + type + " parameters");
	}

	private static InvalidRequestException malformed(String type, String value) {
		return new InvalidRequestException("CTN-5012: '" + value + "' is not a valid " + type + " search value");
	}

}
