package org.connectathon.platform.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.connectathon.engine.packages.PackageArchiveLimits;
import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageException;
import org.connectathon.engine.packages.PackageReference;
import org.connectathon.engine.packages.PackageResolver;
import org.connectathon.engine.packages.ResolvedPackages;
import org.connectathon.engine.testscript.PackageProfileValidator;
import org.connectathon.engine.testscript.ProfileValidator;
import org.connectathon.engine.validation.ValidationReport;
import org.connectathon.engine.validation.ValidationService;
import org.connectathon.engine.validation.ValidationServiceCache;
import org.connectathon.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Validation of FHIR resources against implementation guides for the platform's API, its
 * FHIR {@code $validate} operation and the validation page. One warm validator per set of
 * IGs is shared by every caller of this node (the engine's
 * {@link ValidationServiceCache}).
 * <p>
 * Packages come from the package cache under {@code connectathon.home} and, when
 * {@code connectathon.validation.package-servers} lists any, from those servers; by
 * default the platform makes no network calls.
 */
@Service
public class FhirValidation {

	private final PackageCache packageCache;

	private final ValidationServiceCache services = new ValidationServiceCache();

	private final @Nullable URI terminologyServer;

	private volatile @Nullable PackageInstallation installation;

	FhirValidation(@Value("${connectathon.home}/packages") Path packageDirectory,
			@Value("${connectathon.validation.package-servers:}") List<URI> packageServers,
			@Value("${connectathon.validation.terminology-server:#{null}}") @Nullable URI terminologyServer,
			@Value("${connectathon.limits.package-entries:20000}") int packageEntries,
			@Value("${connectathon.limits.package-expanded:512MB}") DataSize packageExpanded) {
		this.packageCache = new PackageCache(packageDirectory, packageServers,
				new PackageArchiveLimits(packageEntries, packageExpanded.toBytes()));
		this.terminologyServer = terminologyServer;
	}

	/**
	 * Validates one resource (a Bundle counts as one) against the profiles it declares
	 * and, when given, one more.
	 * @param content JSON or XML; malformed text gives a fatal issue with its line and
	 * column
	 * @param implementationGuides {@code NAME#VERSION} of packages in the cache; none for
	 * the FHIR core specification alone
	 * @param profile canonical URL of a profile of those packages or of FHIR, or
	 * {@code null}
	 * @throws InvalidInputException naming an IG or profile that cannot be had
	 */
	public Validation validate(String content, List<String> implementationGuides, @Nullable String profile) {
		ValidationService service = serviceFor(implementationGuides);
		String requestedProfile = (profile == null || profile.isBlank()) ? null : profile.strip();
		if (requestedProfile != null && !service.hasProfile(requestedProfile)) {
			throw new InvalidInputException("Unknown profile " + requestedProfile
					+ ": it is neither in FHIR nor in the implementation guides " + implementationGuides + ".");
		}
		return new Validation(service.validate(content, requestedProfile), service.packages().warnings());
	}

	/**
	 * The validator of the {@code validateProfileId} asserts of TestScripts that the
	 * platform runs, on this node's shared warm validators.
	 * @param implementationGuides {@code NAME#VERSION} of packages in the cache; none for
	 * the FHIR core specification alone
	 */
	public ProfileValidator scriptProfileValidator(List<String> implementationGuides) {
		return new PackageProfileValidator(new PackageResolver(this.packageCache), implementationGuides, this.services);
	}

	/**
	 * The implementation guides in the package cache, as {@code NAME#VERSION}, for people
	 * to pick from.
	 */
	public List<String> cachedImplementationGuides() {
		List<String> packages = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.packageCache.directory(), "*#*")) {
			entries.forEach((entry) -> packages.add(entry.getFileName().toString()));
		}
		catch (IOException unreadable) {
			return List.of();
		}
		return packages.stream().filter((name) -> !name.startsWith("hl7.fhir.r")).sorted().toList();
	}

	/**
	 * Installs the implementation guides missing from the package cache, with their
	 * dependencies, from a package server, in the background, with progress lines on the
	 * console (see {@link PackageInstallation}).
	 * @return completes with whether every guide is in the cache
	 */
	public CompletableFuture<Boolean> installInBackground(List<PackageReference> guides, URI packageServer) {
		PackageInstallation started = new PackageInstallation(this.packageCache.directory(), packageServer, System.out);
		this.installation = started;
		return started.start(guides);
	}

	/** The implementation guides being installed in the background now. */
	public List<String> installingImplementationGuides() {
		PackageInstallation current = this.installation;
		return (current != null) ? current.installing() : List.of();
	}

	/** Why the background installation failed, and how to add the guides by hand. */
	public Optional<String> installationFailure() {
		PackageInstallation current = this.installation;
		return (current != null) ? current.failure() : Optional.empty();
	}

	/**
	 * Adds a package file to the cache, so that it can be named by {@code NAME#VERSION}
	 * afterwards.
	 */
	public String install(Path packageFile) {
		return install(packageFile, packageFile.toString());
	}

	/**
	 * Adds an uploaded package ({@code .tgz} content) to the cache. The upload is kept in
	 * a temporary file while the engine checks and installs it, and deleted whatever
	 * happens; messages call it "the uploaded package", never by that file's path.
	 */
	public String install(InputStream packageContent) throws IOException {
		Path upload = Files.createTempFile("package-upload-", ".tgz");
		try {
			Files.copy(packageContent, upload, StandardCopyOption.REPLACE_EXISTING);
			return install(upload, "the uploaded package");
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	private String install(Path packageFile, String label) {
		try {
			return this.packageCache.install(packageFile, label).reference().toString();
		}
		catch (PackageException exception) {
			throw new InvalidInputException(exception.getMessage());
		}
	}

	private ValidationService serviceFor(List<String> implementationGuides) {
		try {
			ResolvedPackages packages = new PackageResolver(this.packageCache)
				.resolveReferences(implementationGuides.stream()
					.filter((ig) -> !ig.isBlank())
					.map(FhirValidation::reference)
					.toList());
			return this.services.get(packages, this.terminologyServer);
		}
		catch (PackageException exception) {
			throw new InvalidInputException(exception.getMessage());
		}
	}

	/**
	 * Only a name and version: a path would have the server read its own files for
	 * whoever asks.
	 */
	private static PackageReference reference(String implementationGuide) {
		String text = implementationGuide.strip();
		int hash = text.indexOf('#');
		try {
			if (hash > 0 && hash < text.length() - 1 && text.indexOf('#', hash + 1) < 0) {
				return new PackageReference(text.substring(0, hash), text.substring(hash + 1));
			}
		}
		catch (PackageException unsafe) {
			// a name or version that could name a path, refused below like any other
		}
		throw new InvalidInputException("Name implementation guides as NAME#VERSION of the package cache, e.g. "
				+ "hl7.fhir.uv.ips#2.0.0; '" + text + "' is not one.");
	}

	/**
	 * What a validation found, with what resolving the IGs warned about (stand-in
	 * versions, skipped packages).
	 */
	public record Validation(ValidationReport report, List<String> packageWarnings) {

	}

}
