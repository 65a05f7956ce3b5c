package org.connectathon.engine.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.connectathon.engine.packages.FhirPackage;
import org.connectathon.engine.packages.PackageException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.hl7.fhir.utilities.npm.NpmPackage.PackageResourceInformation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;

/**
 * Chain link answering with the conformance resources of one FHIR package:
 * StructureDefinitions, CodeSystems and ValueSets by canonical URL, with or without
 * {@code |version}.
 * <p>
 * Unlike HAPI's {@code NpmPackageValidationSupport}, which parses every resource of a
 * package up front (some 13 s for {@code hl7.terminology.r4}), it reads only the
 * package's {@code .index.json} when created and parses a resource the first time it is
 * asked for, then keeps it. Validating an IPS Bundle touches a few hundred of the
 * terminology package's several thousand resources, so start-up no longer pays for the
 * rest. Thread-safe.
 * <p>
 * Serves the FHIR core definitions too, from the indexed copy {@link CoreDefinitions}
 * keeps in the package cache.
 */
final class PackageValidationSupport implements IValidationSupport {

	private static final List<String> TYPES = List.of("StructureDefinition", "CodeSystem", "ValueSet");

	private final FhirContext fhirContext;

	private final NpmPackage npmPackage;

	private final String name;

	private final boolean core;

	private final Map<String, PackageResourceInformation> byUrl = new HashMap<>();

	private final Map<String, IBaseResource> parsed = new ConcurrentHashMap<>();

	private volatile List<IBaseResource> typeDefinitions;

	PackageValidationSupport(FhirContext fhirContext, FhirPackage fhirPackage) {
		this(fhirContext, fhirPackage.npmPackage(), "Package " + fhirPackage, false);
	}

	/**
	 * @param core whether the package holds the FHIR core definitions, which are all base
	 * definitions, not profiles of them
	 */
	PackageValidationSupport(FhirContext fhirContext, NpmPackage npmPackage, String name, boolean core) {
		this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
		this.npmPackage = Objects.requireNonNull(npmPackage, "npmPackage");
		this.name = Objects.requireNonNull(name, "name");
		this.core = core;
		try {
			for (PackageResourceInformation information : npmPackage
				.listIndexedResources(TYPES.toArray(String[]::new))) {
				if (information.getUrl() == null) {
					continue;
				}
				byUrl.putIfAbsent(information.getUrl(), information);
				if (information.getVersion() != null) {
					byUrl.putIfAbsent(information.getUrl() + "|" + information.getVersion(), information);
				}
			}
		}
		catch (IOException ex) {
			throw new PackageException(
					"CTN-2007: expected an index of " + name + ", but it cannot be read: " + ex.getMessage(), ex);
		}
	}

	@Override
	public FhirContext getFhirContext() {
		return fhirContext;
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public IBaseResource fetchStructureDefinition(String url) {
		return fetch("StructureDefinition", url);
	}

	@Override
	public IBaseResource fetchCodeSystem(String url) {
		return fetch("CodeSystem", url);
	}

	@Override
	public IBaseResource fetchValueSet(String url) {
		return fetch("ValueSet", url);
	}

	/**
	 * Only the core package's type definitions (derivation {@code specialization}),
	 * parsed once. HAPI's validator asks for "all" StructureDefinitions each time it
	 * starts a validation, to learn which types exist, and converts every one to R5 the
	 * first time: answering with the type definitions alone spares it over a thousand
	 * profiles and extension definitions, which it fetches by URL when a resource uses
	 * them.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
		if (!core) {
			return List.of();
		}
		List<IBaseResource> all = typeDefinitions;
		if (all == null) {
			all = byUrl.values()
				.stream()
				.filter(information -> information.getResourceType().equals("StructureDefinition"))
				.filter(information -> "specialization".equals(information.getDerivation()))
				.distinct()
				.map(this::parse)
				.toList();
			typeDefinitions = all;
		}
		return (List<T>) all;
	}

	@Override
	public <T extends IBaseResource> List<T> fetchAllNonBaseStructureDefinitions() {
		return null;
	}

	@Override
	public List<IBaseResource> fetchAllConformanceResources() {
		return byUrl.values().stream().distinct().map(this::parse).toList();
	}

	private IBaseResource fetch(String type, String url) {
		if (url == null) {
			return null;
		}
		PackageResourceInformation information = byUrl.get(url);
		if (information == null || !information.getResourceType().equals(type)) {
			return null;
		}
		return parse(information);
	}

	private IBaseResource parse(PackageResourceInformation information) {
		return parsed.computeIfAbsent(information.getFilename(), file -> read(information));
	}

	private IBaseResource read(PackageResourceInformation information) {
		Supplier<String> what = () -> information.getFilename() + " of " + name;
		try (InputStream in = npmPackage.load(information)) {
			return fhirContext.newJsonParser().parseResource(in);
		}
		catch (IOException | RuntimeException ex) {
			throw new PackageException("CTN-2008: expected a FHIR resource in " + what.get()
					+ ", but it cannot be read: " + ex.getMessage(), ex);
		}
	}

}
