package org.connectathon.engine.referenceserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.util.BundleUtil;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.connectathon.engine.packages.FhirPackage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * An in-memory FHIR server on HAPI's plain {@link RestfulServer}: every resource type of
 * one FHIR version with CRUD, vread, history, search, conditional operations, JSON Patch,
 * batch, transaction, {@code Patient/$everything} and the IPS {@code Patient/$summary}.
 * Search runs on an index of every search parameter of the release and the custom
 * {@code SearchParameter}s stored or loaded from packages (see {@link SearchIndex}).
 * Meant for trying TestScripts, not for keeping data: everything is lost when it stops.
 * Run it in any servlet container, for example with {@link ReferenceServerLauncher}.
 */
public class ReferenceServer extends RestfulServer {

	private static final long serialVersionUID = 1L;

	/** Packages of the specification itself, whose parameters are the release's own. */
	private static final Pattern CORE_PACKAGE = Pattern.compile("hl7\\.fhir\\.r[0-9]+b?\\.(core|examples|expansions)");

	private final transient ResourceStore store;

	public ReferenceServer(FhirContext fhirContext) {
		this(fhirContext, Long.MAX_VALUE);
	}

	/**
	 * A server that keeps at most {@code capacity} resource versions and then refuses
	 * writes with 507 (see {@link ResourceStore}): for a server open to anyone.
	 */
	public ReferenceServer(FhirContext fhirContext, long capacity) {
		super(Objects.requireNonNull(fhirContext, "fhirContext"));
		this.store = new ResourceStore(fhirContext, capacity);
		IndexedSearch search = new IndexedSearch(this.store.index());
		Map<String, InMemoryResourceProvider> providers = new LinkedHashMap<>();
		for (String type : fhirContext.getResourceTypes()) {
			Class<? extends IBaseResource> resourceClass = fhirContext.getResourceDefinition(type)
				.getImplementingClass();
			providers.put(type, type.equals("Patient") ? new PatientResourceProvider(resourceClass, this.store, search)
					: new InMemoryResourceProvider(resourceClass, this.store, search));
		}
		setResourceProviders(new ArrayList<IResourceProvider>(providers.values()));
		setPlainProviders(new SystemProvider(this.store, providers, search));
		setDefaultResponseEncoding(EncodingEnum.JSON);
		setServerName("Connectathon reference server");
		setServerConformanceProvider(new ReferenceServerCapabilities(this, this.store.index().searchParameters()));
	}

	/** The data this server holds. */
	public ResourceStore store() {
		return this.store;
	}

	/**
	 * Stores every FHIR resource found in the JSON and XML files under {@code folder},
	 * keeping their ids; the entries of Bundles of type collection, batch or transaction
	 * are stored one by one. Files that are not FHIR resources (such as a package's
	 * {@code package.json}) are skipped.
	 * @return how many resources were stored
	 * @throws IllegalArgumentException when the folder does not exist or a FHIR file is
	 * malformed
	 */
	public int load(Path folder) {
		return load(folder, warning -> {
		});
	}

	/**
	 * Like {@link #load(Path)}, but a {@code SearchParameter} the server cannot index
	 * (say for a resource type of another release) is left out and reported to
	 * {@code warnings} instead of failing the load.
	 */
	public int load(Path folder, Consumer<String> warnings) {
		Objects.requireNonNull(folder, "folder");
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException(
					"CTN-5001: expected a folder of FHIR resources to load, but " + folder + " is not a folder");
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile)
				.filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".xml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("CTN-5002: cannot read folder " + folder + ": " + ex.getMessage(), ex);
		}
		int count = 0;
		for (Path file : files) {
			IBaseResource resource = parse(file);
			if (resource == null) {
				continue;
			}
			if (resource instanceof IBaseBundle bundle && List.of("collection", "batch", "transaction")
				.contains(BundleUtil.getBundleType(getFhirContext(), bundle))) {
				for (IBaseResource entry : BundleUtil.toListOfResources(getFhirContext(), bundle)) {
					count += store(entry, file.toString(), warnings);
				}
			}
			else {
				count += store(resource, file.toString(), warnings);
			}
		}
		return count;
	}

	/**
	 * Makes the {@code SearchParameter}s of FHIR packages usable, storing them like any
	 * resource. The core specification's packages are skipped (their parameters are the
	 * release's own), as are parameters the server cannot index, which are reported to
	 * {@code warnings}.
	 * @return how many were stored
	 */
	public int loadSearchParameters(List<FhirPackage> packages, Consumer<String> warnings) {
		Objects.requireNonNull(packages, "packages");
		int count = 0;
		for (FhirPackage fhirPackage : packages) {
			if (CORE_PACKAGE.matcher(fhirPackage.reference().name()).matches()) {
				continue;
			}
			NpmPackage npm = fhirPackage.npmPackage();
			try {
				for (String file : npm.listResources("SearchParameter")) {
					try (InputStream input = npm.loadResource(file)) {
						IBaseResource searchParameter = getFhirContext().newJsonParser().parseResource(input);
						count += store(searchParameter, fhirPackage.reference() + " " + file, warnings);
					}
					catch (DataFormatException ex) {
						warnings.accept("CTN-5018: " + fhirPackage.reference() + " " + file
								+ " is not a SearchParameter of FHIR " + getFhirContext().getVersion().getVersion()
								+ " and was skipped: " + ex.getMessage());
					}
				}
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("CTN-5018: cannot read the SearchParameters of "
						+ fhirPackage.reference() + ": " + ex.getMessage(), ex);
			}
		}
		return count;
	}

	private int store(IBaseResource resource, String source, Consumer<String> warnings) {
		String type = getFhirContext().getResourceType(resource);
		String id = resource.getIdElement().hasIdPart() ? resource.getIdElement().getIdPart() : this.store.newId();
		try {
			this.store.put(type, id, resource);
		}
		catch (UnprocessableEntityException ex) {
			// only SearchParameters the index cannot use are refused
			warnings.accept(ex.getMessage().replaceFirst("^HTTP 422 Unprocessable Entity: ", "") + " (" + source
					+ "); it was skipped");
			return 0;
		}
		return 1;
	}

	private IBaseResource parse(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("CTN-5002: cannot read " + file + ": " + ex.getMessage(), ex);
		}
		boolean json = file.toString().endsWith(".json");
		// only files that name a resource type are FHIR; package.json and friends are not
		if (json ? !text.contains("\"resourceType\"") : !text.contains("http://hl7.org/fhir")) {
			return null;
		}
		IParser parser = json ? getFhirContext().newJsonParser() : getFhirContext().newXmlParser();
		try (Reader reader = new java.io.StringReader(text)) {
			return parser.parseResource(reader);
		}
		catch (DataFormatException | IOException ex) {
			throw new IllegalArgumentException(
					"CTN-5003: expected a FHIR resource in " + file + ", but " + ex.getMessage(), ex);
		}
	}

}
