package org.connectathon.engine.testscript;

/**
 * The engine cannot carry out an action as the script asks (unknown fixture, variable
 * without a value, ...): the action's result is {@link Outcome#ERROR} with this message.
 */
final class ExecutionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ExecutionException(String message) {
		super(message);
	}

}
