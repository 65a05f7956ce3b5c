package org.connectathon.engine.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.utilities.npm.NpmPackageIndexBuilder;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.util.VersionUtil;

/**
 * First link of the chain: the FHIR core definitions (StructureDefinitions, ValueSets and
 * CodeSystems of the base specification) from HAPI's validation resources.
 * <p>
 * HAPI's {@link DefaultProfileValidationSupport} parses all of them, several thousand, on
 * first use: the largest part of a validator's start-up. That work is the same every
 * start, so the first start also writes them to the package cache as an indexed package,
 * {@code connectathon.core-definitions.r4#<HAPI version>}, and later starts read from
 * there only the definitions a validation asks for. A cache that cannot be written just
 * means every start parses them all again, with HAPI's own support.
 */
final class CoreDefinitions {

	private static final String PACKAGE_PREFIX = "connectathon.core-definitions.";

	private static final String LANGUAGES_CODE_SYSTEM = "urn:ietf:bcp:47";

	private static final String LANGUAGES_VALUE_SET = "http://hl7.org/fhir/ValueSet/languages";

	/** Present in every complete copy; a copy without it was cut short and is rebuilt. */
	private static final String RESOURCE_DEFINITION = "http://hl7.org/fhir/StructureDefinition/Resource";

	private CoreDefinitions() {
	}

	/**
	 * The copy in use per folder and context: the FHIRPath engines' context
	 * ({@link CoreDefinitionsOfContexts}) and each validation service share the
	 * definitions parsed once.
	 */
	private static final Map<String, IValidationSupport> IN_USE = new ConcurrentHashMap<>();

	static IValidationSupport support(FhirContext fhirContext, Path cacheDirectory) {
		String name = PACKAGE_PREFIX + fhirContext.getVersion().getVersion().name().toLowerCase();
		// the suffix names the copy's format: without narratives since issue 17, whose
		// XHTML was half of the time to read the type definitions
		String version = VersionUtil.getVersion() + "-lean";
		Path folder = cacheDirectory.resolve(name + "#" + version).resolve("package");
		return IN_USE.computeIfAbsent(folder.toAbsolutePath() + " " + System.identityHashCode(fhirContext),
				key -> support(fhirContext, name, version, folder));
	}

	private static IValidationSupport support(FhirContext fhirContext, String name, String version, Path folder) {
		PackageValidationSupport cached = readCached(fhirContext, folder);
		if (cached == null) {
			deleteQuietly(folder.getParent());
			write(fhirContext, new DefaultProfileValidationSupport(fhirContext), name, version, folder);
			// read from the cache even right after writing it, so that every start
			// behaves the same
			cached = readCached(fhirContext, folder);
		}
		return cached != null ? cached : new DefaultProfileValidationSupport(fhirContext);
	}

	/** The cached definitions, or null when they are missing, damaged or incomplete. */
	private static PackageValidationSupport readCached(FhirContext fhirContext, Path folder) {
		if (!Files.isRegularFile(folder.resolve(".index.json"))) {
			return null;
		}
		try {
			PackageValidationSupport cached = new PackageValidationSupport(fhirContext,
					NpmPackage.fromFolder(folder.getParent().toString()), "FHIR core definitions", true);
			boolean complete = cached.fetchStructureDefinition(RESOURCE_DEFINITION) != null
					&& cached.fetchValueSet(LANGUAGES_VALUE_SET) != null;
			return complete ? cached : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static void write(FhirContext fhirContext, DefaultProfileValidationSupport core, String name,
			String version, Path folder) {
		Path temporary = null;
		try {
			Files.createDirectories(folder.getParent().getParent());
			temporary = Files.createTempDirectory(folder.getParent().getParent(), name + ".");
			Path packageFolder = Files.createDirectories(temporary.resolve("package"));
			// HAPI loads its definition bundles on demand; these make it load all of them
			core.fetchAllStructureDefinitions();
			core.fetchCodeSystem(LANGUAGES_CODE_SYSTEM);
			core.fetchValueSet(LANGUAGES_VALUE_SET);
			// narratives are never read by the validator
			IParser parser = fhirContext.newJsonParser().setSuppressNarratives(true);
			Set<String> fileNames = new HashSet<>();
			for (IBaseResource resource : core.fetchAllConformanceResources()) {
				String type = fhirContext.getResourceType(resource);
				String id = resource.getIdElement().getIdPart();
				String fileName = type + "-" + (id == null ? "resource" : id) + ".json";
				for (int suffix = 2; !fileNames.add(fileName); suffix++) {
					fileName = type + "-" + id + "-" + suffix + ".json";
				}
				Files.writeString(packageFolder.resolve(fileName), parser.encodeResourceToString(resource),
						StandardCharsets.UTF_8);
			}
			Files.writeString(packageFolder.resolve("package.json"), "{\"name\":\"" + name + "\",\"version\":\""
					+ version + "\",\"type\":\"Core\",\"fhirVersions\":[\""
					+ fhirContext.getVersion().getVersion().getFhirVersionString() + "\"],"
					+ "\"description\":\"FHIR core definitions from HAPI FHIR's validation resources, cached by "
					+ "Connectathon for fast starts\"}", StandardCharsets.UTF_8);
			new NpmPackageIndexBuilder().execute(packageFolder.toString());
			move(temporary, folder.getParent());
		}
		catch (IOException | RuntimeException ex) {
			// not cached: the next start parses the definitions again
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/**
	 * Publishes the complete folder at once, so that a concurrent start never sees half
	 * of it.
	 */
	private static void move(Path temporary, Path target) throws IOException {
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// another process may have cached it first, which is as good
			if (!Files.isDirectory(target)) {
				throw ex;
			}
		}
	}

	private static void deleteQuietly(Path folder) {
		if (folder == null || !Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary folder does no harm
		}
	}

}
