package org.connectathon.platform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.ApiTokenService;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connectathon validate --server}: the files are validated by a real running
 * platform, with a participant's API token, and the console says what the local validator
 * would.
 */
@PlatformIntegrationTest
class ValidateOnServerIntegrationTests {

	static final String VALID_PATIENT = """
			{
			  "resourceType": "Patient",
			  "name": [ { "family": "DeLarosa" } ],
			  "birthDate": "1972-12-25"
			}
			""";

	static final String PATIENT_WITH_BAD_BIRTH_DATE = """
			{
			  "resourceType": "Patient",
			  "name": [ { "family": "DeLarosa" } ],
			  "birthDate": "1972-13-45"
			}
			""";

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokenService tokens;

	@TempDir
	Path folder;

	String token;

	Path valid;

	Path badBirthDate;

	@BeforeEach
	void aParticipantsTokenAndTwoPatients() throws IOException {
		this.token = this.tokens
			.create(this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization()).id(), "command line")
			.secret();
		this.valid = Files.writeString(this.folder.resolve("valid.json"), VALID_PATIENT);
		this.badBirthDate = Files.writeString(this.folder.resolve("bad-birth-date.json"), PATIENT_WITH_BAD_BIRTH_DATE);
	}

	@Test
	void shouldPassAValidResourceValidatedOnThePlatform() {
		Console console = run("validate", "--server", platform(), "--token", this.token, this.valid.toString());

		assertThat(console.exitCode()).as(console::toString).isZero();
		assertThat(console.err()).contains("Validating on " + platform()).doesNotContain("Validator ready");
		assertThat(console.out()).contains("ok   " + this.valid + ": 0 errors")
			.contains("1 file: 1 valid, 0 with errors; 0 errors");
	}

	@Test
	void shouldFailAnInvalidResourceWithTheSameLinesAsTheLocalValidator() {
		Console remote = run("validate", "--server", platform() + "/", "--token", this.token, "--parallel", "2",
				this.valid.toString(), this.badBirthDate.toString());
		Console local = run("validate", "--packages", Path.of("target", "test-package-cache").toString(),
				this.valid.toString(), this.badBirthDate.toString());

		assertThat(remote.exitCode()).as(remote::toString).isEqualTo(1);
		assertThat(remote.out()).contains("FAIL " + this.badBirthDate + ": ")
			.contains("error Patient.birthDate (line 4, column ")
			.contains("1972-13-45")
			.contains("2 files: 1 valid, 1 with errors");
		assertThat(local.exitCode()).isEqualTo(1);
		assertThat(withoutTime(remote.out())).isEqualTo(withoutTime(local.out()));
	}

	@Test
	void shouldRefuseABadTokenInOneLine() {
		Console console = run("validate", "--server", platform(), "--token", "ctn_not-a-token", this.valid.toString());

		assertThat(console.exitCode()).isEqualTo(2);
		assertThat(console.err()).contains("error: the platform at " + platform() + " refused the token: ")
			.doesNotContain("Exception");
		assertThat(console.out()).isEmpty();
	}

	@Test
	void shouldRefuseAnImplementationGuideThePlatformDoesNotHave() {
		Console console = run("validate", "--server", platform(), "--token", this.token, "--ig",
				"hl7.fhir.uv.nothing#1.0.0", this.valid.toString());

		assertThat(console.exitCode()).isEqualTo(2);
		assertThat(console.err()).contains("error: the platform at " + platform() + " refused the request (HTTP 400): ")
			.contains("hl7.fhir.uv.nothing#1.0.0");
	}

	@Test
	void shouldSayInOneLineThatAnUnreachablePlatformCannotBeReached() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		Console console = run("validate", "--server", "http://localhost:" + closedPort, "--token", this.token,
				this.valid.toString());

		assertThat(console.exitCode()).isEqualTo(2);
		assertThat(console.err()).contains("error: cannot reach the platform at http://localhost:" + closedPort)
			.doesNotContain("Exception");
		assertThat(lines(console.err())).hasSize(2);
	}

	@Test
	void shouldRefuseWhatIsNoPlatformAddressOrAPackageFileBeforeSendingAnything() {
		Console notHttp = run("validate", "--server", "ftp://example.org", "--token", this.token,
				this.valid.toString());
		Console noToken = run("validate", "--server", platform(), "--token", " ", this.valid.toString());
		Console packageFile = run("validate", "--server", platform(), "--token", this.token, "--ig", "ips.tgz",
				this.valid.toString());

		assertThat(notHttp.exitCode()).isEqualTo(2);
		assertThat(notHttp.err()).contains(
				"error: expected --server to be the http(s) address of a Connectathon platform, such as https://connectathon.example.org, but got ftp://example.org");
		assertThat(noToken.exitCode()).isEqualTo(2);
		assertThat(noToken.err()).contains("error: expected an API token of the platform with --server");
		assertThat(packageFile.exitCode()).isEqualTo(2);
		assertThat(packageFile.err()).contains("error: expected --ig NAME#VERSION with --server")
			.contains("but got ips.tgz");
	}

	private String platform() {
		return "http://localhost:" + this.fixtures.port();
	}

	private static List<String> withoutTime(String out) {
		return lines(out).stream().map((line) -> line.replaceFirst("; [0-9.]+ s$", "")).toList();
	}

	private static List<String> lines(String text) {
		return new ArrayList<>(Arrays.asList(text.strip().split("\n")));
	}

	private static Console run(String... arguments) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = ConnectathonCommand.commandLine(arguments);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(arguments);
		return new Console(exitCode, out.toString(), err.toString());
	}

	record Console(int exitCode, String out, String err) {
	}

}
