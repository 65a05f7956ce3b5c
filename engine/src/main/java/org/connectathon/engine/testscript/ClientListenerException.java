package org.connectathon.engine.testscript;

/**
 * A client listener could not start; the message says why, for a person.
 */
public final class ClientListenerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ClientListenerException(String message) {
		super(message);
	}

}
