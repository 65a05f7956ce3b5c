package org.connectathon.engine.packages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns what a user asks for ({@code NAME#VERSION}, a {@code .tgz} file or a package
 * folder) into the set of packages to validate with, following each package's
 * dependencies.
 * <p>
 * Real implementation guides name dependency versions that cannot always be had, so
 * resolution is lenient where that is safe: a dependency is satisfied by the exact
 * version when it is available, else by another version of the same package that the user
 * supplied, that is in the cache or, with package servers, the newest they have (a
 * stand-in, reported as CTN-2010), else it is skipped (CTN-2011, naming the package and
 * how to supply it). Only a package the user asked for must be found (CTN-2003). The FHIR
 * core packages are not resolved: HAPI's validation resources provide them.
 */
public final class PackageResolver {

	private static final Pattern CORE_PACKAGE = Pattern.compile("hl7\\.fhir\\.r[0-9]+b?\\.core");

	private final PackageCache cache;

	public PackageResolver(PackageCache cache) {
		this.cache = Objects.requireNonNull(cache, "cache");
	}

	/**
	 * @param requests each {@code NAME#VERSION}, or the path of a {@code .tgz} file or a
	 * package folder
	 * @throws PackageException when a package asked for cannot be found or read
	 */
	public ResolvedPackages resolve(List<String> requests) {
		Objects.requireNonNull(requests, "requests");
		return resolve(requests, this::load);
	}

	/**
	 * Like {@link #resolve(List)} for packages named only by name and version, never a
	 * file: for requests from people who may not read the machine's files, such as the
	 * users of a server.
	 * @throws PackageException CTN-2003 when a package asked for is neither in the cache
	 * nor on a package server
	 */
	public ResolvedPackages resolveReferences(List<PackageReference> references) {
		Objects.requireNonNull(references, "references");
		return resolve(references, this::find);
	}

	private <T> ResolvedPackages resolve(List<T> requests, Function<T, FhirPackage> loader) {
		Map<String, FhirPackage> chosen = new LinkedHashMap<>();
		for (T request : requests) {
			FhirPackage requested = loader.apply(Objects.requireNonNull(request, "request"));
			FhirPackage earlier = chosen.putIfAbsent(requested.reference().name(), requested);
			if (earlier != null && !earlier.reference().equals(requested.reference())) {
				throw new PackageException("CTN-2004: expected one version of " + requested.reference().name()
						+ ", but both " + earlier.reference() + " and " + requested.reference() + " were asked for");
			}
		}
		Map<String, List<String>> standIns = new LinkedHashMap<>();
		Map<String, List<String>> missing = new LinkedHashMap<>();
		Deque<FhirPackage> pending = new ArrayDeque<>(chosen.values());
		while (!pending.isEmpty()) {
			FhirPackage dependent = pending.removeFirst();
			for (PackageReference dependency : dependent.dependencies()) {
				if (CORE_PACKAGE.matcher(dependency.name()).matches()) {
					continue;
				}
				FhirPackage present = chosen.get(dependency.name());
				if (present != null) {
					if (!present.reference().version().equals(dependency.version())) {
						note(standIns, present.reference() + " stands in for " + dependency, dependent);
					}
					continue;
				}
				Optional<FhirPackage> found = cache.find(dependency)
					.or(() -> newestCached(dependency.name()))
					.or(() -> cache.findNewestOnServers(dependency.name()));
				if (found.isEmpty()) {
					note(missing, dependency.toString(), dependent);
					continue;
				}
				FhirPackage dependencyPackage = found.get();
				if (!dependencyPackage.reference().version().equals(dependency.version())) {
					note(standIns, dependencyPackage.reference() + " stands in for " + dependency, dependent);
				}
				chosen.put(dependency.name(), dependencyPackage);
				pending.addLast(dependencyPackage);
			}
		}
		List<String> warnings = new ArrayList<>();
		standIns.forEach((standIn, dependents) -> warnings.add("CTN-2010: " + standIn + ", which "
				+ dependents(dependents) + " on; results may differ where the two versions differ"));
		missing.forEach((dependency,
				dependents) -> warnings.add("CTN-2011: " + dependency + ", which " + dependents(dependents)
						+ " on, is not available, so its profiles, extensions and terminology are "
						+ "skipped; supply it as a .tgz file or folder, or put it in the package cache"));
		return new ResolvedPackages(new ArrayList<>(chosen.values()), warnings, cache.directory());
	}

	private FhirPackage load(String request) {
		Path path = Path.of(request);
		if (request.endsWith(".tgz") || Files.exists(path)) {
			return cache.install(path);
		}
		return find(PackageReference.parse(request));
	}

	private FhirPackage find(PackageReference reference) {
		return cache.find(reference)
			.orElseThrow(() -> new PackageException("CTN-2003: expected " + reference
					+ " in the package cache or on a package server, but it is in neither"
					+ cachedVersionsHint(reference.name()) + "; supply it once as a .tgz file or folder, "
					+ "which adds it to the cache, or name a package server"));
	}

	private String cachedVersionsHint(String name) {
		List<String> versions = cache.versionsOf(name);
		return versions.isEmpty() ? "" : " (the cache has " + String.join(", ", versions) + ")";
	}

	private Optional<FhirPackage> newestCached(String name) {
		return cache.versionsOf(name).stream().findFirst().flatMap(v -> cache.find(new PackageReference(name, v)));
	}

	/**
	 * Several packages often need the same missing version; one warning names them all.
	 */
	private static void note(Map<String, List<String>> notes, String what, FhirPackage dependent) {
		notes.computeIfAbsent(what, key -> new ArrayList<>()).add(dependent.reference().toString());
	}

	private static String dependents(List<String> dependents) {
		if (dependents.size() == 1) {
			return dependents.get(0) + " depends";
		}
		return String.join(", ", dependents.subList(0, dependents.size() - 1)) + " and "
				+ dependents.get(dependents.size() - 1) + " depend";
	}

}
