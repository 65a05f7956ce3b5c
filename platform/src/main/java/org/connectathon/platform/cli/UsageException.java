package org.connectathon.platform.cli;

/** A command line the user can fix: printed as one line, exit code 2. */
public class UsageException extends RuntimeException {

	public UsageException(String message) {
		super(message);
	}

}
