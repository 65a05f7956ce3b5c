package org.connectathon.platform.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The console commands an organizer uses to create the first accounts and API tokens. */
class AdminCommandTests {

	@TempDir
	Path home;

	final StringWriter errors = new StringWriter();

	final ByteArrayOutputStream output = new ByteArrayOutputStream();

	PrintStream standardOutput;

	@BeforeEach
	void captureOutput() {
		this.standardOutput = System.out;
		System.setOut(new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreOutput() {
		System.setOut(this.standardOutput);
	}

	@Test
	void shouldCreateAParticipantAndATokenForIt() {
		assertThat(run("admin", "--home", this.home.toString(), "create-user", "--username", "carol", "--password",
				"carol-secret", "--role", "PARTICIPANT", "--organization", "Initech"))
			.as(this.errors::toString)
			.isZero();
		assertThat(printed()).contains("Created participant 'carol'.");

		assertThat(run("admin", "--home", this.home.toString(), "create-token", "--username", "carol"))
			.as(this.errors::toString)
			.isZero();
		assertThat(printed()).containsPattern("ctn_[A-Za-z0-9_-]{43}");
	}

	@Test
	void shouldExplainWhatIsWrongWithExitCode2() {
		assertThat(run("admin", "--home", this.home.toString(), "create-user", "--username", "dave", "--password",
				"short", "--role", "MONITOR"))
			.isEqualTo(2);
		assertThat(this.errors.toString()).contains("The user is not valid.").contains("at least 8 characters");

		assertThat(run("admin", "--home", this.home.toString(), "create-token", "--username", "nobody")).isEqualTo(2);
		assertThat(this.errors.toString()).contains("User nobody does not exist.");

		assertThat(run("admin", "create-user", "--role", "EMPEROR")).isEqualTo(2);
		assertThat(this.errors.toString()).contains("EMPEROR");
	}

	private int run(String... arguments) {
		CommandLine commandLine = ConnectathonCommand.commandLine();
		commandLine.setErr(new PrintWriter(this.errors, true));
		// Without the test profile: the default database under the temporary home folder.
		System.setProperty("spring.profiles.active", "default");
		try {
			return commandLine.execute(arguments);
		}
		finally {
			System.setProperty("spring.profiles.active",
					"test-" + System.getProperty("connectathon.test-database", "h2"));
		}
	}

	private String printed() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
