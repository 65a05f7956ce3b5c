package org.connectathon.engine.testscript;

/**
 * The result of one TestScript action or of a whole script. {@link #FAIL} means the
 * system under test did not conform; {@link #ERROR} means the tool could not do what the
 * script asks (the server could not be reached, the script refers to a fixture that does
 * not exist, ...).
 */
public enum Outcome {

	PASS, WARNING, SKIP, FAIL, ERROR;

	/** The code of this outcome in a TestReport action. */
	public String reportCode() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
