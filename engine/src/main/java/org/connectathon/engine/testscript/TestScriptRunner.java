package org.connectathon.engine.testscript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.hc.client5.http.classic.HttpClient;
import org.connectathon.engine.outbound.OutboundAddressPolicy;

/**
 * Runs loaded TestScripts against the servers of a {@link RunSettings}. One runner holds
 * one HTTP client (connections are reused) and may run scripts from several threads; a
 * run never changes the loaded script, so a script can run many times. The server's
 * answers are judged in its release ({@link ServerRelease}): the one the settings give,
 * else the one its CapabilityStatement names, asked once per runner.
 */
public final class TestScriptRunner {

	private final RunSettings settings;

	private final HttpClient http;

	/** Touchstone's placeholders; user values such as {@code ${CD6}} are the runner's. */
	private final Placeholders placeholders;

	private final ServerReleaseLookup serverReleases;

	private final ClientsUnderTest clients;

	/**
	 * A runner with its own HTTP client, which sends to whatever address the settings and
	 * the scripts name ({@link OutboundAddressPolicy#anyAddress()}): for a tester running
	 * scripts they chose against servers they name.
	 */
	public TestScriptRunner(RunSettings settings) {
		this(settings, OutboundAddressPolicy.anyAddress().httpClient(Duration.ofSeconds(10)));
	}

	/**
	 * A runner that sends every request with the given client: one from
	 * {@link OutboundAddressPolicy#httpClient} to keep requests away from refused
	 * addresses, or one with its own TLS context or proxy. The client is used from
	 * several threads at once when scripts run in parallel; it should not follow
	 * redirects, which the scripts' asserts judge. The caller closes it.
	 */
	public TestScriptRunner(RunSettings settings, HttpClient http) {
		this(settings, http, Placeholders.system(), ClientsUnderTest.NONE);
	}

	/**
	 * A runner that waits for the requests of the clients under test instead of sending
	 * them, and sends every other request with the given client (see
	 * {@link #TestScriptRunner(RunSettings, HttpClient)}), which also forwards the
	 * clients' requests unless {@code clients} has a forwarder of its own. A client under
	 * test sends one script's requests at a time: run the scripts one after the other.
	 */
	public TestScriptRunner(RunSettings settings, HttpClient http, ClientsUnderTest clients) {
		this(settings, http, Placeholders.system(), clients);
	}

	/** A runner whose placeholders take their dates from a clock of the caller's. */
	TestScriptRunner(RunSettings settings, HttpClient http, Placeholders placeholders) {
		this(settings, http, placeholders, ClientsUnderTest.NONE);
	}

	private TestScriptRunner(RunSettings settings, HttpClient http, Placeholders placeholders,
			ClientsUnderTest clients) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.http = Objects.requireNonNull(http, "http");
		this.placeholders = Objects.requireNonNull(placeholders, "placeholders");
		this.clients = Objects.requireNonNull(clients, "clients");
		this.serverReleases = new ServerReleaseLookup(http);
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
		ServerRelease serverRelease = this.serverReleases.releaseFor(this.settings, script.version());
		return new ScriptExecution(script, this.settings, this.http, this.placeholders, listener,
				new TestReportBuilder(), serverRelease, this.clients)
			.run();
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
