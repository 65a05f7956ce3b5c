package org.connectathon.engine.validation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Finds the JSON text of the element at a simple FHIRPath
 * ({@code Bundle.entry[3].resource}: names and indexes only) in well-formed FHIR JSON,
 * with the line and column it starts at, so that a part can be validated on its own and
 * its issues placed back where they belong; and the line of the element that a validation
 * issue's location names, so that a page shows the issue beside it.
 */
public final class JsonLocator {

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d+)])?");

	/** The validator's notes in a location, such as {@code /*Patient/1*}{@code /}. */
	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/");

	private JsonLocator() {
	}

	/**
	 * The element's text and start position, or empty when the path is not simple or the
	 * element is not an object.
	 */
	static Optional<Located> locate(String json, String path) {
		List<Object> steps = steps(path);
		if (steps == null) {
			return Optional.empty();
		}
		try (JsonParser parser = JSON.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return Optional.empty();
			}
			for (Object step : steps) {
				if (!(step instanceof String name ? enterField(parser, name) : enterIndex(parser, (Integer) step))) {
					return Optional.empty();
				}
			}
			if (parser.currentToken() != JsonToken.START_OBJECT) {
				return Optional.empty();
			}
			JsonLocation start = parser.currentTokenLocation();
			parser.skipChildren();
			JsonLocation end = parser.currentTokenLocation();
			int from = (int) start.getCharOffset();
			int to = (int) end.getCharOffset() + 1;
			return Optional.of(new Located(json.substring(from, to), start.getLineNr(), start.getColumnNr()));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The 1-based line on which the element at the location starts in well-formed FHIR
	 * JSON, such as a page shows it after indenting it; when the location goes on past
	 * what this finds (a FHIRPath function, a choice element named {@code value}, an
	 * element that is absent), the line of the last element it found on the way.
	 * @param json the resource as JSON text
	 * @param location a validation issue's location, e.g.
	 * {@code Bundle.entry[0].resource.name[1].given[0]}
	 * @return the line, or empty when the text is not a JSON object
	 * @since issue 14
	 */
	public static OptionalInt lineOf(String json, String location) {
		List<Object> steps = simpleStepsAtStart(COMMENT.matcher(location).replaceAll(""));
		try (JsonParser parser = JSON.createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return OptionalInt.empty();
			}
			int line = parser.currentTokenLocation().getLineNr();
			for (Object step : steps) {
				if (!(step instanceof String name ? enterField(parser, name) : enterIndex(parser, (Integer) step))) {
					break;
				}
				line = parser.currentTokenLocation().getLineNr();
			}
			return OptionalInt.of(line);
		}
		catch (IOException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * The steps after the leading resource type: field names and array indexes; null when
	 * not simple.
	 */
	private static List<Object> steps(String path) {
		return steps(path, false);
	}

	/** The steps after the leading resource type up to the first that is not simple. */
	private static List<Object> simpleStepsAtStart(String path) {
		return steps(path, true);
	}

	private static List<Object> steps(String path, boolean prefixWhenNotSimple) {
		String[] segments = path.split("\\.");
		List<Object> steps = new ArrayList<>();
		for (int index = 1; index < segments.length; index++) {
			Matcher matcher = SEGMENT.matcher(segments[index]);
			if (!matcher.matches()) {
				return prefixWhenNotSimple ? steps : null;
			}
			steps.add(matcher.group(1));
			if (matcher.group(2) != null) {
				steps.add(Integer.valueOf(matcher.group(2)));
			}
		}
		return steps;
	}

	/** With the parser on an object's start, moves it onto the value of the field. */
	private static boolean enterField(JsonParser parser, String name) throws IOException {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			return false;
		}
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String field = parser.currentName();
			parser.nextToken();
			if (field.equals(name)) {
				return true;
			}
			parser.skipChildren();
		}
		return false;
	}

	/** With the parser on an array's start, moves it onto the item at the index. */
	private static boolean enterIndex(JsonParser parser, int wanted) throws IOException {
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			return false;
		}
		int index = 0;
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			if (index++ == wanted) {
				return true;
			}
			parser.skipChildren();
		}
		return false;
	}

	/**
	 * A located element.
	 *
	 * @param json its text
	 * @param line the 1-based line of its first character in the whole text
	 * @param column the 1-based column of its first character in the whole text
	 */
	record Located(String json, int line, int column) {

		/** Where a position inside the element's text lies in the whole text. */
		int lineInWhole(int lineInElement) {
			return line + lineInElement - 1;
		}

		int columnInWhole(int lineInElement, int columnInElement) {
			return lineInElement == 1 ? column + columnInElement - 1 : columnInElement;
		}

	}

}
