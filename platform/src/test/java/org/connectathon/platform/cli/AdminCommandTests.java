package org.connectathon.platform.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
	void shouldCreateAReviewerOfProposals() {
		assertThat(run("admin", "--home", this.home.toString(), "create-user", "--username", "rita", "--password",
				"rita-secret", "--role", "REVIEWER"))
			.as(this.errors::toString)
			.isZero();
		assertThat(printed()).contains("Created reviewer 'rita'.");
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

	@Test
	void shouldListRevokeAndDisableFromTheConsole() {
		String home = this.home.toString();
		assertThat(run("admin", "--home", home, "create-user", "--username", "erin", "--password", "erin-secret",
				"--role", "MONITOR"))
			.as(this.errors::toString)
			.isZero();
		assertThat(run("admin", "--home", home, "create-token", "--username", "erin", "--name", "ci", "--lifetime-days",
				"7"))
			.as(this.errors::toString)
			.isZero();
		assertThat(this.errors.toString()).containsPattern("Expires " + LocalDate.now(ZoneOffset.UTC).plusDays(7));

		assertThat(run("admin", "--home", home, "list-tokens", "--username", "erin")).isZero();
		Matcher listed = Pattern.compile("(?m)^(\\d+)\tci\tcreated .*\tlast used never\texpires ").matcher(printed());
		assertThat(listed.find()).as(printed()).isTrue();
		assertThat(run("admin", "--home", home, "revoke-token", "--id", listed.group(1))).isZero();
		assertThat(printed()).contains("Revoked token " + listed.group(1) + ".");
		assertThat(run("admin", "--home", home, "list-tokens", "--username", "erin")).isZero();
		assertThat(printed()).contains("'erin' has no API tokens.");
		assertThat(run("admin", "--home", home, "revoke-token", "--id", listed.group(1))).isEqualTo(2);
		assertThat(this.errors.toString()).contains("Token " + listed.group(1) + " does not exist.");

		assertThat(run("admin", "--home", home, "disable-user", "--username", "erin")).isZero();
		assertThat(printed()).contains("Disabled 'erin'.");
		assertThat(enabled("erin")).isFalse();
		assertThat(run("admin", "--home", home, "enable-user", "--username", "erin")).isZero();
		assertThat(enabled("erin")).isTrue();

		assertThat(run("admin", "--home", home, "create-token", "--username", "erin", "--lifetime-days", "400"))
			.isEqualTo(2);
		assertThat(this.errors.toString()).contains("lifetimeDays: 1 to 365");
	}

	@Test
	void shouldKeepTheEmbeddedDatabaseBehindAPasswordOnlyItsOwnerReads() throws Exception {
		assertThat(run("admin", "--home", this.home.toString(), "create-user", "--username", "frank", "--password",
				"frank-secret", "--role", "MONITOR"))
			.as(this.errors::toString)
			.isZero();

		Path passwordFile = this.home.resolve("database-password");
		assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(passwordFile)).hasSizeGreaterThanOrEqualTo(40);
		assertThatThrownBy(() -> DriverManager.getConnection(embeddedUrl(), "sa", "").close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("Wrong user name or password");
	}

	@Test
	void shouldGiveADatabaseFromBeforePasswordsOneOnItsFirstStart() throws Exception {
		try (Connection old = DriverManager.getConnection(embeddedUrl(), "sa", "")) {
			// apart from the platform's schema, which Flyway wants to make itself
			old.createStatement().execute("create schema before_passwords");
			old.createStatement().execute("create table before_passwords.made_before (id int)");
		}

		assertThat(run("admin", "--home", this.home.toString(), "create-user", "--username", "grace", "--password",
				"grace-secret", "--role", "MONITOR"))
			.as(this.errors::toString)
			.isZero();

		assertThatThrownBy(() -> DriverManager.getConnection(embeddedUrl(), "sa", "").close())
			.hasMessageContaining("Wrong user name or password");
		try (Connection upgraded = DriverManager.getConnection(embeddedUrl(), "sa",
				Files.readString(this.home.resolve("database-password")))) {
			ResultSet users = upgraded.createStatement()
				.executeQuery("select count(*) from users, before_passwords.made_before");
			assertThat(users.next()).isTrue();
		}
		assertThat(this.home.resolve("database-password.pending")).doesNotExist();
	}

	/**
	 * A real {@code serve} in its own JVM holds the database; {@code admin} here works
	 * beside it through H2's auto-server, which listens on loopback only.
	 */
	@Test
	void shouldServeTheDatabaseOnLoopbackOnlyAndLetAdminWorkBesideServe() throws Exception {
		Path log = this.home.resolve("serve.log");
		Process serve = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
				System.getProperty("java.class.path"), ConnectathonCommand.class.getName(), "serve", "--home",
				this.home.toString(), "--port", "0", "--no-demo")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (!(Files.exists(log) && Files.readString(log).contains(" is running at http://localhost:"))) {
				assertThat(serve.isAlive()).as(() -> readQuietly(log)).isTrue();
				assertThat(System.nanoTime()).as(() -> "serve started in time: " + readQuietly(log))
					.isLessThan(deadline);
				Thread.sleep(500);
			}
			Properties lock = new Properties();
			try (var in = Files.newInputStream(this.home.resolve("connectathon.lock.db"))) {
				lock.load(in);
			}
			String server = lock.getProperty("server");
			assertThat(server).as("the auto-server's address in the lock file").startsWith("localhost:");
			int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
			try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
				assertThat(loopback.isConnected()).isTrue();
			}
			InetAddress external = nonLoopbackAddress();
			if (external != null) {
				assertThatThrownBy(() -> {
					try (Socket socket = new Socket()) {
						socket.connect(new InetSocketAddress(external, port), 2000);
					}
				}).as("the port from " + external).isInstanceOf(ConnectException.class);
			}

			assertThat(run("admin", "--home", this.home.toString(), "create-user", "--username", "heidi", "--password",
					"heidi-secret", "--role", "MONITOR"))
				.as(this.errors::toString)
				.isZero();
			assertThat(printed()).contains("Created monitor 'heidi'.");
			assertThatThrownBy(() -> DriverManager.getConnection(embeddedUrl(), "sa", "").close())
				.as("the empty password, through the auto-server")
				.hasMessageContaining("Wrong user name or password");
		}
		finally {
			serve.destroy();
			serve.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private boolean enabled(String username) {
		try (Connection connection = DriverManager.getConnection(embeddedUrl(), "sa",
				Files.readString(this.home.resolve("database-password")));
				ResultSet user = connection.createStatement()
					.executeQuery("select enabled from users where username = '" + username + "'")) {
			assertThat(user.next()).isTrue();
			return user.getBoolean(1);
		}
		catch (Exception exception) {
			throw new IllegalStateException(exception);
		}
	}

	/**
	 * The URL that application.properties gives the embedded database under the home
	 * folder.
	 */
	private String embeddedUrl() {
		return "jdbc:h2:file:" + this.home + "/connectathon;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=256;AUTO_SERVER=TRUE";
	}

	private static InetAddress nonLoopbackAddress() throws SocketException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				for (InetAddress address : Collections.list(network.getInetAddresses())) {
					if (address instanceof Inet4Address) {
						return address;
					}
				}
			}
		}
		return null;
	}

	private static String readQuietly(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException exception) {
			return exception.toString();
		}
	}

	private int run(String... arguments) {
		CommandLine commandLine = ConnectathonCommand.commandLine(arguments);
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
