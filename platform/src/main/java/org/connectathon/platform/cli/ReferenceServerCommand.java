package org.connectathon.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import ca.uhn.fhir.context.FhirContext;
import org.connectathon.engine.packages.PackageException;
import org.connectathon.engine.packages.ResolvedPackages;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Starts the in-memory reference FHIR server, without Spring, and serves until stopped.
 */
@Command(name = "reference-server", mixinStandardHelpOptions = true,
		description = "Starts an in-memory FHIR server to try TestScripts against; its data is lost when it stops. "
				+ "--ig packages add their SearchParameters.")
class ReferenceServerCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--port", defaultValue = "8090", description = "HTTP port (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--fhir-version", defaultValue = "r4", paramLabel = "r4|r4b|r5",
			description = "FHIR release to serve (default: ${DEFAULT-VALUE}).")
	String fhirVersion;

	@Option(names = "--load", paramLabel = "DIR", description = "Folder of FHIR resources (JSON or XML) to load first.")
	Path load;

	/** The implementation guides whose SearchParameters the server indexes. */
	@Mixin
	PackageOptions packageOptions;

	@Override
	public Integer call() throws InterruptedException {
		CliLogging.showWarningsOnly();
		FhirContext context = switch (this.fhirVersion.toLowerCase(java.util.Locale.ROOT)) {
			case "r4" -> FhirContext.forR4Cached();
			case "r4b" -> FhirContext.forR4BCached();
			case "r5" -> FhirContext.forR5Cached();
			default -> throw new UsageException("--fhir-version expects r4, r4b or r5, got '" + this.fhirVersion + "'");
		};
		if (this.port < 0 || this.port > 65535) {
			throw new UsageException("--port expects 0 to 65535, got " + this.port);
		}
		ReferenceServer server = new ReferenceServer(context);
		PrintWriter err = this.spec.commandLine().getErr();
		int loaded = 0;
		try {
			if (!this.packageOptions.implementationGuides.isEmpty()) {
				ResolvedPackages packages = this.packageOptions.resolver()
					.resolve(this.packageOptions.implementationGuides);
				packages.warnings().forEach(warning -> err.println("warning: " + warning));
				loaded += server.loadSearchParameters(packages.packages(),
						warning -> err.println("warning: " + warning));
			}
			if (this.load != null) {
				loaded += server.load(this.load, warning -> err.println("warning: " + warning));
			}
		}
		catch (IllegalArgumentException | PackageException ex) {
			throw new UsageException(ex.getMessage());
		}
		err.flush();
		ReferenceServerLauncher launcher;
		try {
			launcher = ReferenceServerLauncher.start(server, this.port);
		}
		catch (IllegalStateException ex) {
			throw new UsageException(ex.getMessage());
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			launcher.close();
			stopped.countDown();
		}, "reference-server-shutdown"));
		this.spec.commandLine()
			.getOut()
			.printf("Reference server (%s) on %s with %d resources loaded; Ctrl-C stops it.%n",
					this.fhirVersion.toUpperCase(java.util.Locale.ROOT), launcher.baseUrl(), loaded);
		this.spec.commandLine().getOut().flush();
		stopped.await();
		return 0;
	}

}
