package org.connectathon.platform;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The rules that the files organizers import (catalog, test plan) share for keywords and
 * names, each broken rule added to the file's problems as a line naming where it is.
 */
public final class ImportChecks {

	private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");

	private static final int NAME_LENGTH = 200;

	private ImportChecks() {
	}

	/**
	 * @param where the entry's place in the file, e.g. {@code profiles[0].actors[1]}
	 * @return whether the keyword is well formed
	 */
	public static boolean checkKeyword(String where, @Nullable String keyword, List<String> problems) {
		if (keyword == null || keyword.isBlank()) {
			problems.add(where + ".keyword: missing");
			return false;
		}
		if (!KEYWORD.matcher(keyword).matches()) {
			problems.add(where + ".keyword: '" + keyword
					+ "' must be 1 to 50 letters, digits, '.', '_' or '-', starting with a letter or digit");
			return false;
		}
		return true;
	}

	/**
	 * Checks the keyword as {@link #checkKeyword} does, and that the name is given and at
	 * most 200 characters long.
	 * @param where the entry's place in the file, e.g. {@code profiles[0].actors[1]}
	 */
	public static void checkKeywordAndName(String where, @Nullable String keyword, @Nullable String name,
			List<String> problems) {
		checkKeyword(where, keyword, problems);
		if (name == null || name.isBlank()) {
			problems.add(where + ".name: missing");
		}
		else if (name.length() > NAME_LENGTH) {
			problems.add(where + ".name: longer than " + NAME_LENGTH + " characters");
		}
	}

}
