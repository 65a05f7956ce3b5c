package org.connectathon.platform.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top command: its help names every subcommand, a run builds only the one it names,
 * and a name it does not know is a usage error that suggests the one meant.
 */
class ConnectathonCommandTests {

	@Test
	void shouldListEverySubcommandInItsHelp() {
		StringWriter out = new StringWriter();
		CommandLine commandLine = ConnectathonCommand.commandLine("--help");
		commandLine.setOut(new PrintWriter(out, true));

		assertThat(commandLine.execute("--help")).isZero();
		assertThat(out.toString()).contains("serve", "admin", "run", "validate", "reference-server");
	}

	@Test
	void shouldBuildOnlyTheSubcommandThatARunNames() {
		assertThat(ConnectathonCommand.commandLine("validate", "--server", "http://localhost:8080", "bundle.json")
			.getSubcommands()).containsOnlyKeys("validate");
		assertThat(ConnectathonCommand.commandLine().getSubcommands()).containsOnlyKeys("serve", "admin", "run",
				"validate", "reference-server");
	}

	@Test
	void shouldSuggestTheSubcommandMeantWhenARunNamesAnUnknownOne() {
		StringWriter err = new StringWriter();
		CommandLine commandLine = ConnectathonCommand.commandLine("validat", "bundle.json");
		commandLine.setErr(new PrintWriter(err, true));

		assertThat(commandLine.execute("validat", "bundle.json")).isEqualTo(2);
		assertThat(err.toString()).contains("Unmatched arguments from index 0: 'validat'",
				"Did you mean: connectathon validate?");
	}

}
