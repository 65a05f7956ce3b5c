package org.connectathon.platform;

/** The signed-in user may not do this: HTTP 403. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
