package org.connectathon.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.packages.ResolvedPackages;

/**
 * The FHIR packages the build fetched for the tests (see {@code src/test/packages}), and
 * a package cache under {@code target/} that they are installed into once per build.
 */
public final class TestPackages {

	public static final String IPS = "hl7.fhir.uv.ips-2.0.0.tgz";

	public static final String TERMINOLOGY = "hl7.terminology.r4-7.0.1.tgz";

	public static final String EXTENSIONS = "hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz";

	private TestPackages() {
	}

	/** The folder of fetched {@code .tgz} files. */
	public static Path folder() {
		String folder = System.getProperty("connectathon.test-packages");
		Path path = folder != null ? Path.of(folder)
				: Path.of(System.getProperty("user.home"), ".cache", "connectathon", "fhir-packages");
		if (!Files.isDirectory(path)) {
			throw new IllegalStateException("The test FHIR packages are missing from " + path
					+ "; run the engine build (mvn -pl engine test), which fetches them");
		}
		return path;
	}

	public static Path file(String name) {
		return folder().resolve(name);
	}

	/**
	 * A package cache kept in {@code target/}, so that a build installs each package
	 * once.
	 */
	public static PackageCache cache() {
		return new PackageCache(Path.of("target", "test-package-cache"), List.of());
	}

	/**
	 * IPS 2.0.0 with the dependency versions to be had: terminology 7.0.1, extensions
	 * 5.3.0-ballot-tc1.
	 */
	public static ResolvedPackages ips() {
		return new PackageResolver(cache())
			.resolve(List.of(file(IPS).toString(), file(TERMINOLOGY).toString(), file(EXTENSIONS).toString()));
	}

	/** The examples in the IPS package, as file name and JSON text. */
	public static List<Example> ipsExamples() {
		Path examples = cache().directory().resolve("hl7.fhir.uv.ips#2.0.0").resolve("package").resolve("example");
		ips();
		try (var files = Files.list(examples)) {
			return files
				.filter(file -> file.toString().endsWith(".json") && !file.getFileName().toString().startsWith("."))
				.sorted()
				.map(file -> new Example(file.getFileName().toString(), read(file)))
				.toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** One example resource. */
	public record Example(String fileName, String json) {

		@Override
		public String toString() {
			return fileName;
		}

	}

}
