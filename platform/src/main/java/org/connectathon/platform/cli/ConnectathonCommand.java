package org.connectathon.platform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code connectathon} command. Only {@code serve} and {@code admin} start Spring;
 * the test tools ({@code run}, {@code validate}, {@code reference-server}) run on the
 * engine alone so that they start fast.
 */
@Command(name = "connectathon", mixinStandardHelpOptions = true, version = "Connectathon 0.1.0",
		description = "Runs healthcare interoperability testing events.", subcommands = { ServeCommand.class,
				AdminCommand.class, RunCommand.class, ValidateCommand.class, ReferenceServerCommand.class })
public class ConnectathonCommand {

	public static void main(String[] args) {
		int exitCode = commandLine().execute(args);
		if (exitCode != 0 || !ServeCommand.isServing()) {
			System.exit(exitCode);
		}
	}

	static CommandLine commandLine() {
		return new CommandLine(new ConnectathonCommand()).setExecutionExceptionHandler(new UsageErrorHandler());
	}

}
