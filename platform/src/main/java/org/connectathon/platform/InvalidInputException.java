package org.connectathon.platform;

import java.util.List;

/**
 * What the user sent is malformed or inconsistent (a bad field, an import file that does
 * not hold together): HTTP 400, listing every problem found so that one correction round
 * is enough.
 */
public class InvalidInputException extends RuntimeException {

	private final List<String> problems;

	public InvalidInputException(String message, List<String> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String message) {
		this(message, List.of());
	}

	public List<String> problems() {
		return this.problems;
	}

}
