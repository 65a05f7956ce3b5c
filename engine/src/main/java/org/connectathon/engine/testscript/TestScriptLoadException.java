package org.connectathon.engine.testscript;

/**
 * A TestScript that cannot be loaded: missing or unreadable file, malformed JSON or XML
 * (the message gives the position), not a TestScript, or a fixture that cannot be found.
 * The message starts with a {@code CTN-} code and names the file.
 */
public class TestScriptLoadException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TestScriptLoadException(String message) {
		super(message);
	}

	public TestScriptLoadException(String message, Throwable cause) {
		super(message, cause);
	}

}
