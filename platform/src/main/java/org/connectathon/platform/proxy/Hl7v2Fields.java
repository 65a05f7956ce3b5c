package org.connectathon.platform.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fields of one HL7 v2 segment as the capture page shows them: each with its place
 * ({@code PID-5}) for the tooltip, and the separator written before it. MSH counts its
 * field separator as MSH-1 and its encoding characters as MSH-2, as HL7 does.
 */
final class Hl7v2Fields {

	private Hl7v2Fields() {
	}

	/**
	 * One field of a segment.
	 *
	 * @param place the segment and the field's number, {@code PID-5}; the segment's name
	 * alone for the name itself
	 * @param separator what stands before it in the segment: the field separator, or
	 * nothing
	 */
	record Field(String place, String separator, String text) {

	}

	/**
	 * The segment's name, then its fields; a line that is not a segment (no three-letter
	 * name followed by a separator) is one field with no place.
	 */
	static List<Field> of(String segment) {
		if (segment.length() < 4 || !segment.substring(0, 3).matches("[A-Z][A-Z0-9]{2}")
				|| Character.isLetterOrDigit(segment.charAt(3)) || Character.isWhitespace(segment.charAt(3))) {
			return List.of(new Field("", "", segment));
		}
		String name = segment.substring(0, 3);
		String separator = String.valueOf(segment.charAt(3));
		List<Field> fields = new ArrayList<>();
		fields.add(new Field(name, "", name));
		String[] values = segment.substring(4).split(Pattern.quote(separator), -1);
		if (name.equals("MSH")) {
			fields.add(new Field("MSH-1", "", separator));
			fields.add(new Field("MSH-2", "", values[0]));
			int number = 3;
			for (int index = 1; index < values.length; index++) {
				fields.add(new Field("MSH-" + number++, separator, values[index]));
			}
			return fields;
		}
		int number = 1;
		for (String value : values) {
			fields.add(new Field(name + "-" + number++, separator, value));
		}
		return fields;
	}

}
