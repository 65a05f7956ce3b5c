package org.connectathon.platform.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.connectathon.engine.packages.PackageException;
import org.connectathon.engine.packages.ResolvedPackages;
import org.connectathon.engine.validation.ValidationReport;
import org.connectathon.engine.validation.ValidationService;
import org.connectathon.engine.validation.ValidationServiceCache;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code connectathon validate}: validates FHIR resources against implementation guides
 * on the engine alone (no Spring). Exit code 0 when nothing is an error, 1 when something
 * is, 2 for bad usage, an unreadable file or a package that cannot be had.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Validates FHIR resources (JSON or XML files, or folders of them) against implementation guides.",
		footer = { "",
				"Exit code: 0 when nothing is an error, 1 when something is, 2 for bad usage, an unreadable file "
						+ "or a platform that cannot be reached or refuses the token.",
				"Example: connectathon validate --ig hl7.fhir.uv.ips#2.0.0 ips-examples/",
				"On a running platform: connectathon validate --server https://connectathon.example.org "
						+ "--token TOKEN --ig hl7.fhir.uv.ips#2.0.0 ips-examples/" })
class ValidateCommand implements Callable<Integer> {

	/**
	 * One warm validator per IG set for the life of the process (tests run several
	 * commands in one).
	 */
	private static final ValidationServiceCache SERVICES = new ValidationServiceCache();

	@Spec
	CommandSpec spec;

	@Mixin
	PackageOptions packageOptions;

	@Option(names = "--profile", paramLabel = "URL",
			description = "Canonical URL of a profile every resource must conform to, besides those it declares.")
	String profile;

	@Option(names = "--tx", paramLabel = "URL",
			description = "FHIR terminology server for codes the packages cannot check (default: none, no network).")
	URI terminologyServer;

	@Option(names = "--out", paramLabel = "FILE",
			description = "Writes the issues as an OperationOutcome (JSON); for several inputs a Bundle of them.")
	Path out;

	@Option(names = "--junit", paramLabel = "DIR", description = "Writes a JUnit XML report into this folder.")
	Path junit;

	@Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
			description = "Validates on N threads (default: ${DEFAULT-VALUE}).")
	int parallel;

	@Option(names = "--server", paramLabel = "URL",
			description = "Validates on the running Connectathon platform at URL (its warm validator and package "
					+ "cache) instead of starting one here; --ig then names packages as NAME#VERSION.")
	String server;

	@Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CONNECTATHON_TOKEN}",
			description = "API token for --server (default: the variable CONNECTATHON_TOKEN).")
	String token;

	@Parameters(paramLabel = "FILE|DIR", arity = "1..*",
			description = "Resources to validate; folders are searched " + "for .json and .xml files.")
	List<Path> inputs;

	@Override
	public Integer call() {
		if (parallel < 1) {
			throw new UsageException("--parallel expects a number of threads of at least 1, but got " + parallel);
		}
		PrintWriter err = spec.commandLine().getErr();
		List<InputFile> files = readInputs();
		Validator validator = (server != null) ? remoteValidator(err) : localValidator(err);
		long start = System.nanoTime();
		List<FileResult> results = validate(validator, files);
		double seconds = (System.nanoTime() - start) / 1e9;
		ValidationSummary summary = new ValidationSummary(results, seconds);
		summary.print(spec.commandLine().getOut());
		if (out != null) {
			write(out, ValidationOutputs.operationOutcomeJson(results));
		}
		if (junit != null) {
			write(junit.resolve("TEST-connectathon-validate.xml"), ValidationOutputs.junitXml(results, seconds));
		}
		return summary.hasErrors() ? 1 : 0;
	}

	private Validator localValidator(PrintWriter err) {
		// only the local validator's libraries log; setting logging up is a tenth of a
		// second that validate --server spares
		CliLogging.showWarningsOnly();
		long start = System.nanoTime();
		ValidationService service = createService(err);
		if (profile != null && !service.hasProfile(profile)) {
			throw new UsageException("CTN-2023: expected --profile to name a profile of the packages or of FHIR, but "
					+ profile + " is unknown");
		}
		double readySeconds = (System.nanoTime() - start) / 1e9;
		err.printf("Validator ready in %.1f s (%s)%n", readySeconds,
				service.packages().packages().isEmpty() ? "FHIR core only" : service.packages().key());
		return content -> service.validate(content, profile);
	}

	private Validator remoteValidator(PrintWriter err) {
		if (terminologyServer != null) {
			throw new UsageException("expected --tx without --server: the platform uses its own terminology settings");
		}
		RemoteValidation remote = new RemoteValidation(server, token, packageOptions.implementationGuides, profile);
		err.printf("Validating on %s%n", remote.server());
		return remote::validate;
	}

	private ValidationService createService(PrintWriter err) {
		try {
			ResolvedPackages resolved = packageOptions.resolver().resolve(packageOptions.implementationGuides);
			resolved.warnings().forEach(warning -> err.println("warning: " + warning));
			return SERVICES.get(resolved, terminologyServer);
		}
		catch (PackageException ex) {
			throw new UsageException(ex.getMessage());
		}
	}

	private List<FileResult> validate(Validator validator, List<InputFile> files) {
		ExecutorService executor = Executors.newFixedThreadPool(parallel);
		try {
			List<Future<FileResult>> futures = new ArrayList<>();
			for (InputFile file : files) {
				futures.add(executor.submit(() -> {
					long start = System.nanoTime();
					ValidationReport report = validator.validate(file.content());
					return new FileResult(file.path(), report, (System.nanoTime() - start) / 1e9);
				}));
			}
			List<FileResult> results = new ArrayList<>();
			for (Future<FileResult> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while validating", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UsageException usage) {
				throw usage;
			}
			throw new IllegalStateException("The validator failed", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private List<InputFile> readInputs() {
		List<InputFile> files = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				List<Path> found = resourceFilesIn(input);
				if (found.isEmpty()) {
					throw new UsageException("expected .json or .xml files in " + input + ", but it has none");
				}
				found.forEach(file -> files.add(read(file)));
			}
			else {
				files.add(read(input));
			}
		}
		return files;
	}

	private static List<Path> resourceFilesIn(Path folder) {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().startsWith("."))
				.filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".xml"))
				.sorted()
				.toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new UsageException("cannot read the folder " + folder + ": " + ex.getMessage());
		}
	}

	private static InputFile read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new UsageException("expected a file or folder to validate, but " + file + " does not exist");
		}
		try {
			return new InputFile(file, Files.readString(file));
		}
		catch (CharacterCodingException ex) {
			throw new UsageException("expected UTF-8 text in " + file + ", but it is not");
		}
		catch (IOException ex) {
			throw new UsageException("cannot read " + file + ": " + ex.getMessage());
		}
	}

	private static void write(Path file, String content) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UsageException("cannot write " + file + ": " + ex.getMessage());
		}
	}

	/** Where the files are validated: here, or on a platform. */
	@FunctionalInterface
	interface Validator {

		ValidationReport validate(String content);

	}

	/**
	 * A file to validate, read up front so that an unreadable one stops the run before
	 * the validator starts.
	 */
	record InputFile(Path path, String content) {
	}

	/** What validating one file found, and how long it took. */
	record FileResult(Path path, ValidationReport report, double seconds) {
	}

}
