package org.connectathon.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real platform jar in its own JVM, as an organizer would run it: {@code serve} on a
 * database given by its command-line options, its output in a log file.
 */
public final class PlatformProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private PlatformProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Runs one command of the jar to its end, such as {@code admin create-user}. */
	public static void run(Path jar, List<String> databaseOptions, Path log, String... command)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(commandLine(jar, databaseOptions, command)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		awaitSuccess(process, log, command);
	}

	/**
	 * Runs one command of the jar to its end and gives what it printed, such as the token
	 * of {@code admin create-token}; its errors go to the log.
	 */
	public static String output(Path jar, List<String> databaseOptions, Path log, String... command)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(commandLine(jar, databaseOptions, command))
			.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		awaitSuccess(process, log, command);
		return printed;
	}

	private static List<String> commandLine(Path jar, List<String> databaseOptions, String... command) {
		List<String> arguments = new ArrayList<>(List.of("java", "-jar", jar.toString()));
		arguments.add(command[0]);
		arguments.addAll(databaseOptions);
		arguments.addAll(List.of(command).subList(1, command.length));
		return arguments;
	}

	private static void awaitSuccess(Process process, Path log, String... command) throws InterruptedException {
		if (process.waitFor() != 0) {
			throw new IllegalStateException("'" + String.join(" ", command) + "' failed; see " + log);
		}
	}

	/** Starts {@code serve} and waits until the sign-in page answers. */
	public static PlatformProcess serve(Path jar, List<String> databaseOptions, List<String> jvmOptions, int port,
			Path log) throws IOException, InterruptedException {
		List<String> arguments = new ArrayList<>(List.of("java", "-Xmx2g"));
		arguments.addAll(jvmOptions);
		arguments.addAll(List.of("-jar", jar.toString(), "serve", "--no-demo", "--port", Integer.toString(port)));
		arguments.addAll(databaseOptions);
		Process process = new ProcessBuilder(arguments).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		PlatformProcess platform = new PlatformProcess(process, port);
		// Stops the platform with the benchmark, however the benchmark ends.
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		platform.awaitReady(log);
		return platform;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The platform JVM's process id. */
	public long pid() {
		return this.process.pid();
	}

	/** CPU time the platform's JVM used so far, all threads, in milliseconds. */
	public long cpuMillis() {
		return this.process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
	}

	private void awaitReady(Path log) throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The platform stopped while starting; see " + log);
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The platform did not start within 3 minutes; see " + log);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

}
