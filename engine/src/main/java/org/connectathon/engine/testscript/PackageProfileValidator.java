package org.connectathon.engine.testscript;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.packages.ResolvedPackages;
import org.connectathon.engine.validation.ValidationReport;
import org.connectathon.engine.validation.ValidationService;
import org.connectathon.engine.validation.ValidationServiceCache;

/**
 * A {@link ProfileValidator} on the engine's {@link ValidationService}:
 * {@code validateProfileId} asserts judge with the same validator, implementation guides
 * and fixes (versioned canonicals, BCP-47 languages) as {@code connectathon validate} and
 * the platform. The service of each FHIR release is built on first use (seconds) and then
 * shared, through the given cache, with every other caller asking for the same guides.
 * Thread-safe.
 */
public final class PackageProfileValidator implements ProfileValidator {

	private final PackageResolver resolver;

	private final List<String> implementationGuides;

	private final ValidationServiceCache services;

	private final Map<FhirVersion, ValidationService> servicesByVersion = new ConcurrentHashMap<>();

	/**
	 * @param implementationGuides {@code NAME#VERSION}, or {@code .tgz} files or package
	 * folders, as {@link PackageResolver#resolve} takes them; empty for the core
	 * specification alone
	 */
	public PackageProfileValidator(PackageResolver resolver, List<String> implementationGuides,
			ValidationServiceCache services) {
		this.resolver = Objects.requireNonNull(resolver, "resolver");
		this.implementationGuides = List.copyOf(Objects.requireNonNull(implementationGuides, "implementationGuides"));
		this.services = Objects.requireNonNull(services, "services");
	}

	/**
	 * Resolves the implementation guides now, so that a package that cannot be had is
	 * reported before any script runs.
	 * @throws org.connectathon.engine.packages.PackageException naming the package and
	 * how to supply it
	 */
	public List<String> resolutionWarnings() {
		return this.resolver.resolve(this.implementationGuides).warnings();
	}

	@Override
	public ValidationReport validate(FhirVersion version, String resource, String profileUrl) {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(resource, "resource");
		Objects.requireNonNull(profileUrl, "profileUrl");
		return this.servicesByVersion.computeIfAbsent(version, this::serviceFor).validate(resource, profileUrl);
	}

	/**
	 * The guides' validator when they are of the resource's release; otherwise that
	 * release's core specification alone, where a profile of the guides is then reported
	 * as unknown.
	 */
	private ValidationService serviceFor(FhirVersion version) {
		ResolvedPackages packages = this.resolver.resolve(this.implementationGuides);
		if (FhirVersion.ofVersion(packages.fhirVersion()).orElse(null) != version) {
			packages = ResolvedPackages.coreOnly(version.coreVersion(), packages.cacheDirectory());
		}
		return this.services.get(packages, null);
	}

}
