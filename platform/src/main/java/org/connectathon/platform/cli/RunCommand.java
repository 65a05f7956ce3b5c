package org.connectathon.platform.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.connectathon.engine.outbound.OutboundAddressPolicy;

import org.connectathon.engine.packages.PackageException;
import org.connectathon.engine.validation.ValidationServiceCache;
import org.connectathon.engine.testscript.ClientListener;
import org.connectathon.engine.testscript.ClientListenerException;
import org.connectathon.engine.testscript.ClientsUnderTest;
import org.connectathon.engine.testscript.FhirVersion;
import org.connectathon.engine.testscript.LoadedTestScript;
import org.connectathon.engine.testscript.PackageProfileValidator;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.RunProgressListener;
import org.connectathon.engine.testscript.RunSettings;
import org.connectathon.engine.testscript.ScriptResult;
import org.connectathon.engine.testscript.TestScriptLoadException;
import org.connectathon.engine.testscript.TestScriptLoader;
import org.connectathon.engine.testscript.TestScriptRunner;
import org.connectathon.engine.testscript.report.ConsoleSummary;
import org.connectathon.engine.testscript.report.JUnitReports;
import org.connectathon.engine.testscript.report.RunReports;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs FHIR TestScripts against servers, or with clients under test ({@code --client}),
 * and writes TestReports. Exit code 0 when every script passes, 1 when any fails or could
 * not run an action, 2 for bad usage or a script that cannot be loaded.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Runs FHIR TestScripts (R4 or R5, JSON or XML) against FHIR servers and writes TestReports.")
class RunCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--server", required = true, description = "FHIR base URL of the system under test.")
	String server;

	@Option(names = "--destination", paramLabel = "N=URL",
			description = "Base URL for destination N of the scripts (default: --server).")
	Map<Integer, String> destinations = new LinkedHashMap<>();

	@Option(names = "--variable", paramLabel = "NAME=VALUE",
			description = "Value for a script variable; wins over the script's own definition.")
	Map<String, String> variables = new LinkedHashMap<>();

	/** The implementation guides whose profiles validateProfileId asserts may use. */
	@Mixin
	PackageOptions packageOptions;

	@Option(names = "--out", paramLabel = "DIR",
			description = "Folder for <script-id>.testreport.json files and summary.json.")
	Path out;

	@Option(names = "--junit", paramLabel = "DIR", description = "Folder for JUnit XML files.")
	Path junit;

	@Option(names = "--parallel", defaultValue = "1", paramLabel = "N",
			description = "How many scripts run at once (default: ${DEFAULT-VALUE}).")
	int parallel;

	@Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
			description = "Time limit of one HTTP request (default: ${DEFAULT-VALUE}).")
	int timeoutSeconds;

	@Option(names = "--fhir-version", paramLabel = "R4|R4B|R5",
			description = "FHIR release the server answers in, which judges its answers (default: the fhirVersion of "
					+ "the server's CapabilityStatement, else the script's own release).")
	String fhirVersion;

	@Option(names = "--client", paramLabel = "N=PORT",
			description = "Origin N of the scripts is a client under test: wait for its requests on PORT, forward them "
					+ "to the operation's destination and judge them, instead of sending them.")
	Map<Integer, Integer> clients = new LinkedHashMap<>();

	@Option(names = "--client-host", defaultValue = "localhost", paramLabel = "HOST",
			description = "Address the --client ports listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every "
					+ "interface, so that clients on other machines reach them).")
	String clientHost;

	@Option(names = "--wait", defaultValue = "60", paramLabel = "SECONDS",
			description = "How long each request expected from a client under test may take to arrive (default: "
					+ "${DEFAULT-VALUE}).")
	int waitSeconds;

	@Parameters(arity = "1..*", paramLabel = "PATH",
			description = "TestScript files, folders of them, or FHIR packages (.tgz) holding them.")
	List<Path> paths;

	@Override
	public Integer call() {
		CliLogging.showWarningsOnly();
		if (this.parallel < 1) {
			throw new UsageException("--parallel must be at least 1, got " + this.parallel);
		}
		if (this.timeoutSeconds < 1) {
			throw new UsageException("--timeout must be at least 1 second, got " + this.timeoutSeconds);
		}
		Map<Integer, URI> destinationUrls = new LinkedHashMap<>();
		this.destinations.forEach((index, url) -> destinationUrls.put(index, httpUrl("--destination " + index, url)));
		RunSettings settings;
		try {
			settings = new RunSettings(httpUrl("--server", this.server), destinationUrls, this.variables,
					// the tester names the servers and chooses the scripts: requests go
					// wherever they say
					profileValidator(), Duration.ofSeconds(this.timeoutSeconds), false, serverRelease());
		}
		catch (IllegalArgumentException | PackageException ex) {
			throw new UsageException(ex.getMessage());
		}
		List<LoadedTestScript> scripts = load();
		PrintWriter stdout = this.spec.commandLine().getOut();
		if (scripts.isEmpty()) {
			throw new UsageException("no TestScript found in " + this.paths);
		}
		List<ScriptResult> results = this.clients.isEmpty()
				? new TestScriptRunner(settings).runAll(scripts, this.parallel) : runWithClients(settings, scripts);
		stdout.print(ConsoleSummary.format(results));
		try {
			if (this.out != null) {
				stdout.println("Reports: " + RunReports.write(results, this.out).getParent());
			}
			if (this.junit != null) {
				JUnitReports.write(results, this.junit);
				stdout.println("JUnit XML: " + this.junit);
			}
		}
		catch (java.io.UncheckedIOException ex) {
			throw new UsageException(ex.getMessage());
		}
		stdout.flush();
		return RunReports.overall(results) == Outcome.PASS ? 0 : 1;
	}

	/**
	 * Runs the scripts one after the other, listening for the clients under test on their
	 * ports; says where each client sends and what it waits for before it starts.
	 */
	private List<ScriptResult> runWithClients(RunSettings settings, List<LoadedTestScript> scripts) {
		if (this.parallel != 1) {
			throw new UsageException("--parallel must be 1 with --client: a client under test sends one script's "
					+ "requests at a time, got " + this.parallel);
		}
		if (this.waitSeconds < 1) {
			throw new UsageException("--wait must be at least 1 second, got " + this.waitSeconds);
		}
		List<ClientListener> listeners = new ArrayList<>();
		try {
			for (Map.Entry<Integer, Integer> client : this.clients.entrySet()) {
				if (client.getValue() < 1 || client.getValue() > 65535) {
					throw new UsageException("--client " + client.getKey()
							+ "=PORT expects a port from 1 to 65535, got " + client.getValue());
				}
				listeners.add(ClientListener.start(new InetSocketAddress(this.clientHost, client.getValue()),
						Set.of(client.getKey()), ClientListener.DEFAULT_MAX_BODY_BYTES,
						Duration.ofSeconds(this.waitSeconds)));
			}
			PrintWriter stdout = this.spec.commandLine().getOut();
			for (ClientListener listener : listeners) {
				int origin = listener.origins().iterator().next();
				List<String> expected = scripts.stream()
					.flatMap(script -> script.requestsFrom(origin).stream())
					.toList();
				stdout.println("Client of origin " + origin + ": send to " + listener.baseUrl() + "; waiting for "
						+ (expected.isEmpty() ? "nothing (no operation of the scripts has origin " + origin + ")"
								: String.join(", ", expected)));
			}
			stdout.flush();
			ClientsUnderTest clientsUnderTest = ClientsUnderTest.of(listeners, Duration.ofSeconds(this.waitSeconds));
			RunProgressListener progress = new ClientProgress(stdout);
			try (CloseableHttpClient http = OutboundAddressPolicy.anyAddress()
				.httpClient(Duration.ofSeconds(this.timeoutSeconds))) {
				TestScriptRunner runner = new TestScriptRunner(settings, http, clientsUnderTest);
				return scripts.stream().map(script -> runner.run(script, progress)).toList();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		catch (ClientListenerException ex) {
			throw new UsageException(ex.getMessage());
		}
		finally {
			listeners.forEach(ClientListener::close);
		}
	}

	/** The release given with --fhir-version, or null to ask the server. */
	private FhirVersion serverRelease() {
		if (this.fhirVersion == null) {
			return null;
		}
		try {
			return FhirVersion.valueOf(this.fhirVersion.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--fhir-version expects R4, R4B or R5, got '" + this.fhirVersion + "'");
		}
	}

	private List<LoadedTestScript> load() {
		TestScriptLoader loader = new TestScriptLoader();
		List<Path> files;
		try {
			files = loader.findScripts(this.paths);
		}
		catch (TestScriptLoadException ex) {
			throw new UsageException(ex.getMessage());
		}
		List<LoadedTestScript> scripts = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		for (Path file : files) {
			try {
				scripts.add(loader.load(file));
			}
			catch (TestScriptLoadException ex) {
				failures.add(ex.getMessage());
			}
		}
		if (!failures.isEmpty()) {
			PrintWriter err = this.spec.commandLine().getErr();
			failures.subList(1, failures.size()).forEach(failure -> err.println("error: " + failure));
			throw new UsageException(failures.get(0));
		}
		return scripts;
	}

	/**
	 * The validator of validateProfileId asserts; the guides are resolved now, so that
	 * one that cannot be had stops the run before any script.
	 */
	private PackageProfileValidator profileValidator() {
		PackageProfileValidator validator = new PackageProfileValidator(this.packageOptions.resolver(),
				this.packageOptions.implementationGuides, new ValidationServiceCache());
		if (!this.packageOptions.implementationGuides.isEmpty()) {
			validator.resolutionWarnings()
				.forEach((warning) -> this.spec.commandLine().getErr().println("warning: " + warning));
		}
		return validator;
	}

	private static URI httpUrl(String option, String value) {
		try {
			URI uri = new URI(value);
			if (uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null) {
				return uri;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// reported below
		}
		throw new UsageException(
				option + " expects an http(s) URL such as http://localhost:8090/fhir, got '" + value + "'");
	}

}
