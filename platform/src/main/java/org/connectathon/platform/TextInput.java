package org.connectathon.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for text that people send, in every form field, JSON body, imported file
 * and file name: no control character but tab, line feed and carriage return, no unpaired
 * surrogate, no Unicode non-character (U+FDD0 to U+FDEF, and U+FFFE and U+FFFF of every
 * plane). They are never what a person meant to type, they are invisible on pages, and
 * they break what reads the text later: a NUL ends strings in C and PostgreSQL refuses
 * it, an unpaired surrogate cannot be written as UTF-8 and fails JSON and XML writers.
 */
public final class TextInput {

	/** The message of a refusal; the problems name each field. */
	public static final String REFUSED = "Text may not hold control characters, unpaired surrogates or Unicode"
			+ " non-characters; nothing was changed.";

	private TextInput() {
	}

	/**
	 * Refuses the value when any text in it breaks the rule.
	 * @param path how the person who sent the value calls it ("name", "profiles[0]"), or
	 * empty for a whole body
	 * @param value a string, or a record, collection, map or array holding strings
	 */
	public static void require(String path, @Nullable Object value) {
		List<String> problems = problems(path, value);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(REFUSED, problems);
		}
	}

	/**
	 * Every text in the value that breaks the rule, each as
	 * {@code "field: what is wrong"}; empty when all is well.
	 */
	public static List<String> problems(String path, @Nullable Object value) {
		List<String> problems = new ArrayList<>();
		collect(path, value, problems);
		return problems;
	}

	private static void collect(String path, @Nullable Object value, List<String> problems) {
		if (value instanceof CharSequence text) {
			String problem = problem(text);
			if (problem != null) {
				problems.add((path.isEmpty() ? "value" : path) + ": " + problem);
			}
		}
		else if (value instanceof Record record) {
			for (RecordComponent component : record.getClass().getRecordComponents()) {
				collect(path.isEmpty() ? component.getName() : path + "." + component.getName(),
						read(component, record), problems);
			}
		}
		else if (value instanceof Collection<?> items) {
			int index = 0;
			for (Object item : items) {
				collect(path + "[" + index++ + "]", item, problems);
			}
		}
		else if (value instanceof Object[] items) {
			collect(path, List.of(items), problems);
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> {
				collect(path + "[key]", key, problems);
				collect(path + "[" + key + "]", item, problems);
			});
		}
	}

	/**
	 * What is wrong with the text, naming the character and where it is (from 1), or
	 * {@code null} when it follows the rule.
	 */
	public static @Nullable String problem(CharSequence text) {
		for (int index = 0; index < text.length(); index++) {
			char character = text.charAt(index);
			if (Character.isHighSurrogate(character) && index + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(index + 1))) {
				int codePoint = Character.toCodePoint(character, text.charAt(++index));
				if (isNonCharacter(codePoint)) {
					return "holds the Unicode non-character " + name(codePoint) + " at character " + index;
				}
			}
			else if (Character.isSurrogate(character)) {
				return "holds an unpaired surrogate " + name(character) + " at character " + (index + 1);
			}
			else if (Character.isISOControl(character) && character != '\t' && character != '\n' && character != '\r') {
				return "holds the control character " + name(character) + " at character " + (index + 1);
			}
			else if (isNonCharacter(character)) {
				return "holds the Unicode non-character " + name(character) + " at character " + (index + 1);
			}
		}
		return null;
	}

	private static boolean isNonCharacter(int codePoint) {
		return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
	}

	private static String name(int codePoint) {
		return "U+%04X".formatted(codePoint);
	}

	private static @Nullable Object read(RecordComponent component, Record record) {
		Method accessor = component.getAccessor();
		try {
			// Forms are package-private records of their feature.
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException exception) {
			throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), exception);
		}
	}

}
