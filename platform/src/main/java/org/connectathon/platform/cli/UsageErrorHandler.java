package org.connectathon.platform.cli;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an error the user can fix (a {@link UsageException}, or the platform's own
 * refusals such as an unknown user or a password too short) into readable lines and exit
 * code 2; anything else is a bug and keeps its stack trace.
 */
class UsageErrorHandler implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult)
			throws Exception {
		Throwable cause = exception;
		while (cause != null && !isUsersToFix(cause)) {
			cause = cause.getCause();
		}
		if (cause == null) {
			throw exception;
		}
		commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + cause.getMessage()));
		if (cause instanceof InvalidInputException invalid) {
			invalid.problems().forEach((problem) -> commandLine.getErr().println("  - " + problem));
		}
		return 2;
	}

	private static boolean isUsersToFix(Throwable exception) {
		return exception instanceof UsageException || exception instanceof InvalidInputException
				|| exception instanceof RuleViolationException || exception instanceof NotFoundException
				|| exception instanceof ForbiddenException;
	}

}
