package org.connectathon.platform.proxy.hl7v2;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a message's MSH segment that a relay needs, read without parsing the
 * message: a relay must pass on what HAPI would not parse, and name its type all the
 * same.
 *
 * @param fields the MSH fields, {@code fields[n]} being MSH-n ({@code fields[0]} unused)
 */
record Hl7v2Header(char fieldSeparator, char componentSeparator, String[] fields) {

	/** The MSH segment of a message in ER7 (pipe) form, or null when it has none. */
	static @Nullable Hl7v2Header of(String message) {
		String first = Hl7v2Text.SEGMENT_END.split(message.stripLeading(), 2)[0];
		if (!first.startsWith("MSH") || first.length() < 8) {
			return null;
		}
		char fieldSeparator = first.charAt(3);
		char componentSeparator = first.charAt(4);
		String[] split = first.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
		// MSH-1 is the separator itself: MSH-2 is split[1], MSH-n is split[n - 1].
		String[] fields = new String[split.length + 1];
		fields[0] = "";
		fields[1] = String.valueOf(fieldSeparator);
		System.arraycopy(split, 1, fields, 2, split.length - 1);
		return new Hl7v2Header(fieldSeparator, componentSeparator, fields);
	}

	/** MSH-n, empty when absent. */
	String field(int number) {
		return (number < this.fields.length) ? this.fields[number] : "";
	}

	/** The first component of MSH-n, empty when absent. */
	String component(int number, int component) {
		String[] components = field(number).split(Pattern.quote(String.valueOf(this.componentSeparator)), -1);
		return (component <= components.length) ? components[component - 1] : "";
	}

	/**
	 * MSH-9 as message type and trigger event, {@code ADT^A01}; the type alone when it
	 * has no trigger; null when MSH-9 is empty.
	 */
	@Nullable String messageType() {
		String type = component(9, 1).strip();
		String trigger = component(9, 2).strip();
		if (type.isEmpty()) {
			return null;
		}
		return trigger.isEmpty() ? type : type + "^" + trigger;
	}

	/** MSH-10, the message control id. */
	String controlId() {
		return field(10).strip();
	}

	/** The first component of MSH-12, the version, e.g. {@code 2.5}. */
	String version() {
		return component(12, 1).strip();
	}

}
