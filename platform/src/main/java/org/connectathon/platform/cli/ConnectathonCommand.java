package org.connectathon.platform.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code connectathon} command. Only {@code serve} and {@code admin} start Spring;
 * the test tools ({@code run}, {@code validate}, {@code reference-server}) run on the
 * engine alone so that they start fast.
 */
@Command(name = "connectathon", mixinStandardHelpOptions = true, version = "Connectathon 0.1.0",
		description = "Runs healthcare interoperability testing events.")
public class ConnectathonCommand {

	/**
	 * Picocli builds a command's model by reflection when the command is added, about a
	 * tenth of a second for each of these; so a run adds only the one it runs, which
	 * matters to the short {@code validate --server}.
	 */
	private static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, AdminCommand.class, RunCommand.class,
			ValidateCommand.class, ReferenceServerCommand.class);

	public static void main(String[] args) {
		int exitCode = commandLine(args).execute(args);
		if (exitCode != 0 || !ServeCommand.isServing()) {
			System.exit(exitCode);
		}
	}

	/** The command line to run these arguments: every subcommand unless they name one. */
	static CommandLine commandLine(String... args) {
		CommandLine commandLine = new CommandLine(new ConnectathonCommand())
			.setExecutionExceptionHandler(new UsageErrorHandler());
		String named = (args.length > 0) ? args[0] : "";
		boolean namesOne = SUBCOMMANDS.stream().anyMatch((subcommand) -> name(subcommand).equals(named));
		for (Class<?> subcommand : SUBCOMMANDS) {
			if (!namesOne || name(subcommand).equals(named)) {
				commandLine.addSubcommand(subcommand);
			}
		}
		return commandLine;
	}

	private static String name(Class<?> subcommand) {
		return subcommand.getAnnotation(Command.class).name();
	}

}
