package org.connectathon.engine.testscript;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs loaded TestScripts against the servers of a {@link RunSettings}. One runner holds
 * one HTTP client (connections are reused) and may run scripts from several threads; a
 * run never changes the loaded script, so a script can run many times.
 */
public final class TestScriptRunner {

	private final RunSettings settings;

	private final HttpClient http;

	/** A runner with its own HTTP/1.1 client. */
	public TestScriptRunner(RunSettings settings) {
		this(settings,
				HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(10))
					.build());
	}

	/**
	 * A runner that sends every request with the given client, for example one with its
	 * own TLS context or proxy; the client is used from several threads at once when
	 * scripts run in parallel.
	 */
	public TestScriptRunner(RunSettings settings, HttpClient http) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.http = Objects.requireNonNull(http, "http");
	}

	/** Runs one script; never throws for anything the script or the server does. */
	public ScriptResult run(LoadedTestScript script) {
		return run(script, RunProgressListener.NONE);
	}

	/**
	 * Runs one script and tells the listener about each action as it goes; never throws
	 * for anything the script or the server does.
	 */
	public ScriptResult run(LoadedTestScript script, RunProgressListener listener) {
		Objects.requireNonNull(script, "script");
		Objects.requireNonNull(listener, "listener");
		return new ScriptExecution(script, this.settings, this.http, listener, new TestReportBuilder()).run();
	}

	/**
	 * Runs scripts with up to {@code parallelism} at a time, each script's actions in
	 * order.
	 * @return the results in the order of {@code scripts}
	 */
	public List<ScriptResult> runAll(List<LoadedTestScript> scripts, int parallelism) {
		Objects.requireNonNull(scripts, "scripts");
		if (parallelism < 1) {
			throw new IllegalArgumentException("CTN-3030: expected a parallelism of at least 1, got " + parallelism);
		}
		if (parallelism == 1) {
			return scripts.stream().map(this::run).toList();
		}
		ExecutorService executor = Executors.newFixedThreadPool(parallelism);
		try {
			List<Future<ScriptResult>> futures = new ArrayList<>();
			for (LoadedTestScript script : scripts) {
				futures.add(executor.submit(() -> run(script)));
			}
			List<ScriptResult> results = new ArrayList<>();
			for (Future<ScriptResult> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running scripts", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a script run failed unexpectedly", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

}
