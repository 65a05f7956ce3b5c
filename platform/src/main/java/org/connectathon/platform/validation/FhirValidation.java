package org.connectathon.platform.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.packages.PackageException;
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

	FhirValidation(@Value("${connectathon.home}/packages") Path packageDirectory,
			@Value("${connectathon.validation.package-servers:}") List<URI> packageServers,
			@Value("${connectathon.validation.terminology-server:#{null}}") @Nullable URI terminologyServer) {
		this.packageCache = new PackageCache(packageDirectory, packageServers);
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
	 * Adds a package file to the cache, so that it can be named by {@code NAME#VERSION}
	 * afterwards.
	 */
	public String install(Path packageFile) {
		try {
			return this.packageCache.install(packageFile).reference().toString();
		}
		catch (PackageException exception) {
			throw new InvalidInputException(exception.getMessage());
		}
	}

	/** Adds an uploaded package ({@code .tgz} content) to the cache. */
	public String install(byte[] packageContent) {
		Path upload = null;
		try {
			upload = Files.createTempFile("upload-", ".tgz");
			Files.write(upload, packageContent);
			return install(upload);
		}
		catch (IOException exception) {
			throw new UncheckedIOException(exception);
		}
		finally {
			deleteQuietly(upload);
		}
	}

	private static void deleteQuietly(@Nullable Path file) {
		try {
			if (file != null) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ignored) {
			// a temporary file left behind is the system's to clean
		}
	}

	private ValidationService serviceFor(List<String> implementationGuides) {
		try {
			ResolvedPackages packages = new PackageResolver(this.packageCache)
				.resolve(implementationGuides.stream().filter((ig) -> !ig.isBlank()).map(String::strip).toList());
			return this.services.get(packages, this.terminologyServer);
		}
		catch (PackageException exception) {
			throw new InvalidInputException(exception.getMessage());
		}
	}

	/**
	 * What a validation found, with what resolving the IGs warned about (stand-in
	 * versions, skipped packages).
	 */
	public record Validation(ValidationReport report, List<String> packageWarnings) {

	}

}
