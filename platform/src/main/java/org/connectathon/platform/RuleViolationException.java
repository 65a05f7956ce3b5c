package org.connectathon.platform;

/**
 * Well-formed input that an event rule refuses: registration after the deadline, an actor
 * registered without the actor it requires, a name already taken. HTTP 409.
 */
public class RuleViolationException extends RuntimeException {

	public RuleViolationException(String message) {
		super(message);
	}

}
