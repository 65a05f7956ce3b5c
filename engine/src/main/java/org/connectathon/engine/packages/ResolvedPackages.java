package org.connectathon.engine.packages;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The packages to validate with: those asked for and the dependencies found for them, one
 * version per package name, plus what the user should know about the resolution (stand-in
 * versions, skipped dependencies) as {@code CTN-2nnn} warnings.
 *
 * @param packages the packages, those asked for first
 * @param warnings one line each, ready to show
 * @param cacheDirectory the package cache they came through, where work that is the same
 * every start (such as indexed core definitions) may be kept
 * @param coreFhirVersion the FHIR version validated against when no package is given
 */
public record ResolvedPackages(List<FhirPackage> packages, List<String> warnings, Path cacheDirectory,
		String coreFhirVersion) {

	public ResolvedPackages {
		Objects.requireNonNull(cacheDirectory, "cacheDirectory");
		Objects.requireNonNull(coreFhirVersion, "coreFhirVersion");
		packages = List.copyOf(Objects.requireNonNull(packages, "packages"));
		warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
	}

	/** Packages of FHIR R4, or the R4 core specification alone when there are none. */
	public ResolvedPackages(List<FhirPackage> packages, List<String> warnings, Path cacheDirectory) {
		this(packages, warnings, cacheDirectory, "4.0.1");
	}

	/**
	 * No implementation guide: the core specification of a FHIR version alone.
	 * @param fhirVersion e.g. {@code 4.0.1} or {@code 5.0.0}
	 */
	public static ResolvedPackages coreOnly(String fhirVersion, Path cacheDirectory) {
		return new ResolvedPackages(List.of(), List.of(), cacheDirectory, fhirVersion);
	}

	/**
	 * Identifies the package set, e.g. to share one validator between callers asking for
	 * the same implementation guides: the sorted {@code NAME#VERSION}s.
	 */
	public String key() {
		if (packages.isEmpty()) {
			return "core " + coreFhirVersion;
		}
		return packages.stream().map(p -> p.reference().toString()).sorted().collect(Collectors.joining(","));
	}

	/**
	 * The FHIR version of the first package asked for, or the core version when none was.
	 */
	public String fhirVersion() {
		return packages.stream()
			.map(FhirPackage::fhirVersion)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(coreFhirVersion);
	}

}
