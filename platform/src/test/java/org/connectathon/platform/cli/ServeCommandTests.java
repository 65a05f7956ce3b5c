package org.connectathon.platform.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connectathon serve} run as people run it, in its own JVM: a short banner on the
 * console, the framework's log in a file under the home folder.
 */
class ServeCommandTests {

	private static final Pattern ADDRESS = Pattern.compile("is running at (http://localhost:\\d+/)");

	/** The start of a line of Spring Boot's console log: date, time, level. */
	private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(INFO|DEBUG|WARN|ERROR)");

	@TempDir
	Path home;

	Process serve;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.serve != null) {
			this.serve.destroy();
			this.serve.waitFor(60, TimeUnit.SECONDS);
		}
	}

	@Test
	void shouldPrintABannerAndTheDemoSignInsAndLogToAFileUnderTheHomeFolder() throws Exception {
		List<String> printed = serveUntilAddress("--port", "0", "--home", this.home.toString());

		assertThat(printed).noneMatch((line) -> LOG_LINE.matcher(line).find());
		// the address block, seven sign-ins and two lines on the demo's implementation
		// guides
		assertThat(printed).filteredOn((line) -> !line.isBlank()).hasSizeLessThanOrEqualTo(15);
		assertThat(printed).contains("  Demo sign-ins (user / password):")
			.anyMatch((line) -> line.matches("\\s+admin\\s+admin-demo\\s+organizer"))
			.anyMatch((line) -> line.matches("  Connectathon \\S+ is running at http://localhost:\\d+/"))
			.anyMatch((line) -> line
				.equals("    database     jdbc:h2:file:" + this.home + "/connectathon;MODE=PostgreSQL;"
						+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=256;AUTO_SERVER=TRUE"))
			.contains("    home folder  " + this.home)
			.contains("    log file     " + this.home.resolve("logs/connectathon.log"));
		assertThat(answers(address(printed) + "login")).isEqualTo(200);
		assertThat(Files.readString(this.home.resolve("logs/connectathon.log"))).contains("Tomcat started on port")
			.contains("Successfully applied");
	}

	@Test
	void shouldShowTheFrameworkLogWhenVerbose() throws Exception {
		List<String> printed = serveUntilAddress("--port", "0", "--home", this.home.toString(), "--verbose",
				"--no-demo");

		assertThat(printed).anyMatch((line) -> LOG_LINE.matcher(line).find() && line.contains("Tomcat started on port"))
			.noneMatch((line) -> line.contains("Demo sign-ins"));
	}

	@Test
	void shouldKeepTheParsersWarningsOnTheGuidesDefinitionsOffTheConsoleUnlessVerbose() {
		ServeCommand quiet = new ServeCommand();
		ServeCommand verbose = new ServeCommand();
		verbose.verbose = true;

		assertThat(quiet.logging()).containsEntry("logging.level.ca.uhn.fhir.parser.LenientErrorHandler", "ERROR")
			.containsEntry("logging.threshold.console", "WARN");
		assertThat(verbose.logging()).doesNotContainKeys("logging.level.ca.uhn.fhir.parser.LenientErrorHandler",
				"logging.threshold.console");
	}

	private List<String> serveUntilAddress(String... options) throws IOException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), ConnectathonCommand.class.getName(), "serve"));
		command.addAll(List.of(options));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("CONNECTATHON_") || name.startsWith("LOGGING_"));
		// The demo's implementation guides come from a registry that is not there: the
		// test
		// needs no network, and the banner then holds the one line that says so.
		builder.environment().put("CONNECTATHON_DEMO_PACKAGE_SERVER", "http://127.0.0.1:9/");
		this.serve = builder.start();
		List<String> printed = new ArrayList<>();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(this.serve.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				printed.add(line);
				if (ADDRESS.matcher(line).find()) {
					// the rest of the banner comes in the same write
					for (int rest = 0; rest < 3; rest++) {
						printed.add(output.readLine());
					}
					return printed;
				}
			}
		}
		throw new AssertionError("serve ended without printing its address:\n" + String.join("\n", printed));
	}

	private static String address(List<String> printed) {
		return printed.stream()
			.map(ADDRESS::matcher)
			.filter(Matcher::find)
			.map((matcher) -> matcher.group(1))
			.findFirst()
			.orElseThrow();
	}

	private static int answers(String address) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
