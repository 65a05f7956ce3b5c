package org.connectathon.platform.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a {@link UsageException} into one readable line and exit code 2; anything else is a bug
 * and keeps its stack trace.
 */
class UsageErrorHandler implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult)
			throws Exception {
		Throwable cause = exception;
		while (cause != null && !(cause instanceof UsageException)) {
			cause = cause.getCause();
		}
		if (cause == null) {
			throw exception;
		}
		commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + cause.getMessage()));
		return 2;
	}

}
