package org.connectathon.platform;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns a parse error of an imported file (catalog, test plan) into one line that names
 * the line and column and what was expected there, for a person to fix the file in one
 * go.
 */
public final class ParseProblems {

	private ParseProblems() {
	}

	public static String describe(JacksonException exception) {
		TokenStreamLocation location = exception.getLocation();
		String where = (location != null && location.getLineNr() > 0)
				? "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " : "";
		String path = exception.getPathReference();
		String field = (path != null && !path.isEmpty()) ? " (at " + path + ")" : "";
		return where + firstLine(exception.getOriginalMessage()) + field;
	}

	private static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
