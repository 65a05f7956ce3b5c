package org.connectathon.engine.packages;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.json.parser.JsonParser;
import org.hl7.fhir.utilities.npm.FilesystemPackageCacheManager;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.utilities.npm.PackageServer;

/**
 * A package cache directory in the FHIR tooling's layout
 * ({@code NAME#VERSION/package/...}, as in {@code ~/.fhir/packages}), managed by HAPI's
 * {@link FilesystemPackageCacheManager}. Packages enter it from {@code .tgz} files, once,
 * or from the package servers given; without servers it never touches the network.
 * Thread-safe as far as the underlying manager is, which locks the directory for
 * installs.
 */
public final class PackageCache {

	/**
	 * Environment variable naming the Connectathon data folder; packages live in its
	 * {@code packages}.
	 */
	public static final String HOME_VARIABLE = "CONNECTATHON_HOME";

	/** A {@code package.json} is a few kilobytes; more is not a package. */
	private static final int MAXIMUM_MANIFEST_BYTES = 1024 * 1024;

	private final Path directory;

	private final PackageArchiveLimits archiveLimits;

	private final boolean hasServers;

	private final FilesystemPackageCacheManager manager;

	/**
	 * A cache whose {@code .tgz} files are held to {@link PackageArchiveLimits#DEFAULT}.
	 * @param directory the cache directory; created when missing
	 * @param packageServers FHIR package servers (e.g. {@code https://packages.fhir.org})
	 * or npm registries (a URL containing {@code npm}) asked, in order, for packages not
	 * in the cache; empty for no network at all
	 * @throws PackageException CTN-2006 when the directory cannot be created or used
	 */
	public PackageCache(Path directory, List<URI> packageServers) {
		this(directory, packageServers, PackageArchiveLimits.DEFAULT);
	}

	/**
	 * @param directory the cache directory; created when missing
	 * @param packageServers FHIR package servers (e.g. {@code https://packages.fhir.org})
	 * or npm registries (a URL containing {@code npm}) asked, in order, for packages not
	 * in the cache; empty for no network at all
	 * @param archiveLimits what a {@code .tgz} given to {@link #install} may expand to
	 * @throws PackageException CTN-2006 when the directory cannot be created or used
	 */
	public PackageCache(Path directory, List<URI> packageServers, PackageArchiveLimits archiveLimits) {
		this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath();
		Objects.requireNonNull(packageServers, "packageServers");
		this.archiveLimits = Objects.requireNonNull(archiveLimits, "archiveLimits");
		this.hasServers = !packageServers.isEmpty();
		try {
			Files.createDirectories(this.directory);
			this.manager = new FilesystemPackageCacheManager.Builder().withCacheFolder(this.directory.toString())
				.withPackageServers(packageServers.stream().map(PackageCache::packageServer).toList())
				.build();
		}
		catch (IOException ex) {
			throw new PackageException("CTN-2006: expected a writable package cache directory at " + this.directory
					+ ", but it cannot be used: " + ex.getMessage(), ex);
		}
	}

	/**
	 * {@code $CONNECTATHON_HOME/packages} when that variable is set, else
	 * {@code ~/.fhir/packages}.
	 */
	public static Path defaultDirectory() {
		String home = System.getenv(HOME_VARIABLE);
		if (home != null && !home.isBlank()) {
			return Path.of(home, "packages");
		}
		return Path.of(System.getProperty("user.home"), ".fhir", "packages");
	}

	public Path directory() {
		return directory;
	}

	/**
	 * Adds a package {@code .tgz} to the cache unless its {@code NAME#VERSION} is there
	 * already, or reads a package folder (one holding {@code package.json}, or
	 * {@code package/package.json}) where it is. Messages name the file by its path.
	 * @throws PackageException CTN-2002 when the file is missing or is not a FHIR
	 * package; CTN-2012..CTN-2015 when the archive breaks the
	 * {@link PackageArchiveLimits} or holds an entry that is not a plain file or folder
	 * inside the package
	 */
	public FhirPackage install(Path file) {
		return install(file, Objects.requireNonNull(file, "file").toString());
	}

	/**
	 * Like {@link #install(Path)}, with messages that name the file as {@code label}
	 * instead of by its path (for an upload kept in a temporary file, whose path means
	 * nothing to the person who sent it). Every entry of a {@code .tgz} is checked before
	 * anything of it is written to the cache.
	 * @param label how messages name the file, e.g. {@code the uploaded package}
	 */
	public FhirPackage install(Path file, String label) {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(label, "label");
		if (Files.isDirectory(file)) {
			return readFolder(file);
		}
		if (!Files.isRegularFile(file)) {
			throw new PackageException(
					"CTN-2002: expected a FHIR package .tgz file or folder, but " + label + " does not exist");
		}
		PackageReference reference = inspectArchive(file, label);
		try {
			NpmPackage installed = manager.loadPackageFromCacheOnly(reference.name(), reference.version());
			if (installed != null) {
				return new FhirPackage(installed);
			}
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
				return new FhirPackage(manager.addPackageToCache(reference.name(), reference.version(), in, label));
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new PackageException("CTN-2002: expected a FHIR package in " + label + ", but it cannot be read: "
					+ withoutPaths(ex, file), ex);
		}
	}

	/**
	 * The package with exactly this name and version: from the cache, else from the
	 * package servers (which then adds it to the cache), else empty.
	 * @throws PackageException CTN-2005 when a package server fails
	 */
	public Optional<FhirPackage> find(PackageReference reference) {
		Objects.requireNonNull(reference, "reference");
		try {
			NpmPackage cached = manager.loadPackageFromCacheOnly(reference.name(), reference.version());
			if (cached != null) {
				return Optional.of(new FhirPackage(cached));
			}
		}
		catch (IOException ex) {
			throw new PackageException("CTN-2006: expected " + reference + " in the package cache to be readable, but: "
					+ withoutPaths(ex, directory), ex);
		}
		if (!hasServers) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(manager.loadPackage(reference.name(), reference.version()))
				.map(FhirPackage::new);
		}
		catch (IOException | RuntimeException ex) {
			if (isNotServed(ex)) {
				return Optional.empty();
			}
			throw new PackageException(
					"CTN-2005: expected the package servers to serve " + reference + ", but: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The newest version of a package the package servers have, added to the cache; empty
	 * without servers or when they do not have the package.
	 */
	public Optional<FhirPackage> findNewestOnServers(String name) {
		Objects.requireNonNull(name, "name");
		if (!hasServers) {
			return Optional.empty();
		}
		try {
			String version = manager.getLatestVersion(name, false);
			return version == null ? Optional.empty() : find(new PackageReference(name, version));
		}
		catch (IOException | RuntimeException ex) {
			if (isNotServed(ex)) {
				return Optional.empty();
			}
			throw new PackageException("CTN-2005: expected the package servers to list the versions of " + name
					+ ", but: " + ex.getMessage(), ex);
		}
	}

	/**
	 * HAPI reports a package or version a server does not have with one of these
	 * messages.
	 */
	private static boolean isNotServed(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		return message.contains("not found") || message.contains("Unable to resolve package id")
				|| message.contains("Unable to find the last version") || message.contains("Not Found");
	}

	/** The versions of a package held in the cache, newest first by version order. */
	public List<String> versionsOf(String name) {
		Objects.requireNonNull(name, "name");
		List<String> versions = new ArrayList<>();
		for (String id : manager.listPackages()) {
			int hash = id.indexOf('#');
			if (hash > 0 && id.substring(0, hash).equals(name)) {
				versions.add(id.substring(hash + 1));
			}
		}
		versions.sort(Comparator.comparing(PackageVersions::sortKey).reversed());
		return versions;
	}

	private static FhirPackage readFolder(Path folder) {
		// HAPI reads a package from the folder that holds its package/ folder
		Path root = Files.isRegularFile(folder.resolve("package").resolve("package.json")) ? folder
				: folder.getFileName() != null && folder.getFileName().toString().equals("package")
						&& Files.isRegularFile(folder.resolve("package.json")) ? folder.getParent() : null;
		if (root == null) {
			throw new PackageException("CTN-2002: expected a FHIR package folder holding package/package.json, but "
					+ folder + " has none");
		}
		try {
			return new FhirPackage(NpmPackage.fromFolder(root.toString()));
		}
		catch (IOException | RuntimeException ex) {
			throw new PackageException(
					"CTN-2002: expected a FHIR package in " + folder + ", but it cannot be read: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Reads the archive through once, before anything of it is written: every entry must
	 * be a plain file or folder inside the package, within the {@link #archiveLimits}
	 * (declared sizes are counted before an entry is read, so a gzip bomb is stopped at
	 * the limit), and {@code package/package.json} must name the package and its version.
	 */
	private PackageReference inspectArchive(Path file, String label) {
		PackageReference reference = null;
		int entries = 0;
		long expandedBytes = 0;
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file))))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				entries++;
				expandedBytes += Math.max(0, entry.getSize());
				if (entries > archiveLimits.maximumEntries()) {
					throw new PackageException("CTN-2012: expected a FHIR package of at most "
							+ archiveLimits.maximumEntries() + " files and folders, but " + label + " holds more");
				}
				if (expandedBytes > archiveLimits.maximumExpandedBytes()) {
					throw new PackageException(
							"CTN-2013: expected a FHIR package of at most " + archiveLimits.maximumExpandedBytes()
									+ " bytes once expanded, but " + label + " expands to more");
				}
				if (escapesThePackage(entry.getName())) {
					throw new PackageException("CTN-2014: expected every entry of a FHIR package inside the package, "
							+ "but " + label + " holds '" + entry.getName() + "'");
				}
				if (!isPlainFileOrFolder(entry)) {
					throw new PackageException("CTN-2015: expected only files and folders in a FHIR package, but "
							+ label + " holds '" + entry.getName() + "', which is a link or a device");
				}
				if (reference == null && entry.getName().equals("package/package.json")) {
					reference = readReference(tar, entry, label);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PackageException packageProblem) {
				throw packageProblem;
			}
			throw new PackageException("CTN-2002: expected a FHIR package .tgz in " + label
					+ ", but it cannot be read: " + withoutPaths(ex, file), ex);
		}
		if (reference == null) {
			throw new PackageException("CTN-2002: expected a FHIR package .tgz with package/package.json naming the "
					+ "package and its version in " + label + ", but found none");
		}
		return reference;
	}

	private static PackageReference readReference(TarArchiveInputStream tar, TarArchiveEntry entry, String label)
			throws IOException {
		if (entry.getSize() > MAXIMUM_MANIFEST_BYTES) {
			throw new PackageException("CTN-2002: expected a package/package.json of at most " + MAXIMUM_MANIFEST_BYTES
					+ " bytes in " + label + ", but it has " + entry.getSize());
		}
		JsonObject json = JsonParser.parseObject(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
		String name = json.asString("name");
		String version = json.asString("version");
		if (name == null || version == null) {
			throw new PackageException("CTN-2002: expected a FHIR package .tgz with package/package.json naming the "
					+ "package and its version in " + label + ", but it names "
					+ ((name == null) ? "no name" : "no version"));
		}
		return new PackageReference(name, version);
	}

	/**
	 * Absolute names and {@code ..} would let an entry be written outside its package.
	 */
	private static boolean escapesThePackage(String name) {
		String path = name.replace('\\', '/');
		return path.startsWith("/") || path.matches("^[A-Za-z]:.*") || Arrays.asList(path.split("/")).contains("..");
	}

	private static boolean isPlainFileOrFolder(TarArchiveEntry entry) {
		if (entry.isSymbolicLink() || entry.isLink() || entry.isCharacterDevice() || entry.isBlockDevice()
				|| entry.isFIFO()) {
			return false;
		}
		return entry.isDirectory() || entry.isFile();
	}

	/**
	 * The cause's message without the server's paths, which mean nothing to a person
	 * using the platform and tell an attacker where things are.
	 */
	private String withoutPaths(Exception cause, Path file) {
		return String.valueOf(cause.getMessage())
			.replace(file.toAbsolutePath().toString(), "the file")
			.replace(file.toString(), "the file")
			.replace(directory.toString(), "the package cache");
	}

	private static PackageServer packageServer(URI uri) {
		PackageServer server = new PackageServer(uri.toString());
		return uri.toString().contains("npm") ? server.withServerType(PackageServer.PackageServerType.NPM) : server;
	}

}
