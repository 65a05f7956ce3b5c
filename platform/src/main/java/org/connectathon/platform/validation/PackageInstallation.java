package org.connectathon.platform.validation;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.connectathon.engine.packages.FhirPackage;
import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageException;
import org.connectathon.engine.packages.PackageReference;
import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.packages.ResolvedPackages;
import org.jspecify.annotations.Nullable;

/**
 * Puts implementation guides and their dependencies into a package cache from one package
 * server (an npm registry such as {@code https://registry.npmjs.org/}), on a thread of
 * its own: a download of tens of megabytes must not keep a server from answering. Writes
 * a line as each step ends, and one line saying how to add the guides by hand when the
 * server cannot be reached; the cache is then as it was, so the platform works on without
 * them.
 */
public final class PackageInstallation {

	private final Path cacheDirectory;

	private final URI packageServer;

	private final PrintStream progress;

	private final Set<PackageReference> installing = ConcurrentHashMap.newKeySet();

	private volatile @Nullable String failure;

	/**
	 * @param cacheDirectory the package cache the platform validates from
	 * @param packageServer where the guides come from
	 * @param progress where the progress lines go, the console of {@code serve}
	 */
	public PackageInstallation(Path cacheDirectory, URI packageServer, PrintStream progress) {
		this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
		this.packageServer = Objects.requireNonNull(packageServer, "packageServer");
		this.progress = Objects.requireNonNull(progress, "progress");
	}

	/**
	 * Installs the guides not in the cache yet, in the background.
	 * @return completes with whether every guide is in the cache; at once when all were
	 */
	public CompletableFuture<Boolean> start(List<PackageReference> guides) {
		PackageCache cached = new PackageCache(this.cacheDirectory, List.of());
		List<PackageReference> missing = guides.stream()
			.filter((guide) -> !cached.versionsOf(guide.name()).contains(guide.version()))
			.toList();
		if (missing.isEmpty()) {
			return CompletableFuture.completedFuture(true);
		}
		this.installing.addAll(missing);
		this.progress.println("Installing " + names(missing) + " into the package cache from " + this.packageServer
				+ ", in the background (first start only; the platform answers meanwhile)...");
		CompletableFuture<Boolean> installed = new CompletableFuture<>();
		Thread worker = new Thread(() -> installed.complete(install(missing)), "package-installation");
		worker.setDaemon(true);
		worker.start();
		return installed;
	}

	/** The guides being installed now, for pages to say why they are not offered yet. */
	public List<String> installing() {
		return this.installing.stream().map(PackageReference::toString).sorted().toList();
	}

	/** Why the last installation failed, with how to add the guides by hand. */
	public Optional<String> failure() {
		return Optional.ofNullable(this.failure);
	}

	private boolean install(List<PackageReference> guides) {
		long started = System.nanoTime();
		PackageCache cache = new PackageCache(this.cacheDirectory, List.of(this.packageServer));
		PackageReference current = guides.get(0);
		try {
			for (PackageReference guide : guides) {
				current = guide;
				FhirPackage downloaded = cache.find(guide)
					.orElseThrow(() -> new PackageException("the server did not answer with " + guide));
				this.progress.println("  " + downloaded.reference() + " downloaded; now its dependencies...");
				ResolvedPackages resolved = new PackageResolver(cache).resolveReferences(List.of(guide));
				resolved.packages()
					.stream()
					.skip(1)
					.forEach((dependency) -> this.progress.println("  " + dependency.reference() + " downloaded"));
				resolved.warnings().forEach((warning) -> this.progress.println("  " + warning));
				this.installing.remove(guide);
			}
			this.progress.println(names(guides) + " ready to validate with (" + secondsSince(started) + " s).");
			return true;
		}
		// PackageException, or HAPI's own exceptions for a broken download
		catch (RuntimeException ex) {
			this.failure = "Could not install " + current + " from " + this.packageServer + " (" + ex.getMessage()
					+ "); the platform works without it. To validate against it, add the package once with "
					+ "POST /api/packages (its .tgz, from `npm pack " + current.name() + "@" + current.version()
					+ "`) or restart when the server can be reached.";
			this.progress.println(this.failure);
			return false;
		}
		finally {
			this.installing.clear();
		}
	}

	private static String names(List<PackageReference> guides) {
		return guides.stream().map(PackageReference::toString).collect(Collectors.joining(", "));
	}

	private static long secondsSince(long started) {
		return Math.round((System.nanoTime() - started) / 1e9);
	}

}
