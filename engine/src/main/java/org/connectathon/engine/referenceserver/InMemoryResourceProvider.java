package org.connectathon.engine.referenceserver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Serves one resource type from a {@link ResourceStore}: read, vread, create, update
 * (also as create, with a client id), patch (JSON Patch), delete, conditional create,
 * update and delete, instance and type history, and search (also with POST
 * {@code _search}) through the {@link IndexedSearch}.
 */
public class InMemoryResourceProvider implements IResourceProvider {

	private final Class<? extends IBaseResource> resourceType;

	private final String typeName;

	/** The data served; shared by all providers of a server. */
	protected final ResourceStore store;

	private final IndexedSearch search;

	public InMemoryResourceProvider(Class<? extends IBaseResource> resourceType, ResourceStore store,
			IndexedSearch search) {
		this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
		this.store = Objects.requireNonNull(store, "store");
		this.search = Objects.requireNonNull(search, "search");
		this.typeName = store.fhirContext().getResourceType(resourceType);
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return this.resourceType;
	}

	@Read(version = true)
	public IBaseResource read(@IdParam IIdType id) {
		if (id.hasVersionIdPart()) {
			try {
				return this.store.vread(this.typeName, id.getIdPart(), Long.parseLong(id.getVersionIdPart()));
			}
			catch (NumberFormatException ex) {
				throw new ResourceNotFoundException("Version '" + id.getVersionIdPart() + "' is not known");
			}
		}
		return this.store.read(this.typeName, id.getIdPart());
	}

	@Create
	public MethodOutcome create(@ResourceParam IBaseResource resource, @ConditionalUrlParam String conditionalUrl) {
		return this.store.atomically(() -> {
			if (conditionalUrl != null) {
				List<ResourceStore.Version> matches = matching(conditionalUrl);
				if (matches.size() > 1) {
					throw new PreconditionFailedException(
							"If-None-Exist " + conditionalUrl + " matches " + matches.size() + " resources");
				}
				if (matches.size() == 1) {
					return outcome(matches.get(0), false);
				}
			}
			// the specification says a server SHALL ignore an id given on create
			return outcome(this.store.put(this.typeName, this.store.newId(), resource), true);
		});
	}

	@Update
	public MethodOutcome update(@IdParam IIdType id, @ResourceParam IBaseResource resource,
			@ConditionalUrlParam String conditionalUrl) {
		return this.store.atomically(() -> {
			String logicalId;
			if (conditionalUrl != null) {
				List<ResourceStore.Version> matches = matching(conditionalUrl);
				if (matches.size() > 1) {
					throw new PreconditionFailedException(
							"Conditional update " + conditionalUrl + " matches " + matches.size() + " resources");
				}
				logicalId = matches.isEmpty() ? (resource.getIdElement().hasIdPart()
						? resource.getIdElement().getIdPart() : this.store.newId()) : matches.get(0).id();
			}
			else {
				logicalId = id.getIdPart();
			}
			boolean created = this.store.current(this.typeName, logicalId) == null;
			return outcome(this.store.put(this.typeName, logicalId, resource), created);
		});
	}

	@Patch
	public MethodOutcome patch(@IdParam IIdType id, PatchTypeEnum patchType, @ResourceParam String body) {
		if (patchType != PatchTypeEnum.JSON_PATCH) {
			throw new InvalidRequestException("The reference server applies JSON Patch only, not " + patchType);
		}
		return this.store.atomically(() -> {
			ResourceStore.Version current = this.store.current(this.typeName, id.getIdPart());
			if (current == null) {
				throw new ResourceNotFoundException(
						"Resource " + this.typeName + "/" + id.getIdPart() + " is not known");
			}
			String patched = JsonPatch.apply(current.json(), body);
			IBaseResource resource = this.store.fhirContext().newJsonParser().parseResource(patched);
			return outcome(this.store.put(this.typeName, current.id(), resource), false);
		});
	}

	@Delete
	public MethodOutcome delete(@IdParam IIdType id,
			@ConditionalUrlParam(supportsMultiple = true) String conditionalUrl) {
		this.store.atomically(() -> {
			if (conditionalUrl != null) {
				matching(conditionalUrl).forEach(match -> this.store.delete(this.typeName, match.id()));
			}
			else {
				this.store.delete(this.typeName, id.getIdPart());
			}
			return null;
		});
		return new MethodOutcome();
	}

	@History
	public List<IBaseResource> instanceHistory(@IdParam IIdType id) {
		return contents(this.store.history(this.typeName, id.getIdPart()));
	}

	@History
	public List<IBaseResource> typeHistory() {
		return contents(this.store.history(this.typeName));
	}

	/**
	 * A searchset Bundle of the matches; parameters that cannot be used are reported in
	 * an OperationOutcome entry, or refused with 400 under
	 * {@code Prefer: handling=strict}.
	 */
	@Search(allowUnknownParams = true)
	public IBaseBundle search(RequestDetails request) {
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameters());
		IndexedSearch.Result result = this.search.search(List.of(this.typeName), parameters, isStrict(request), false);
		return SearchSetBundle.write(this.store.fhirContext(), request.getFhirServerBase(),
				request.getFhirServerBase() + "/" + this.typeName, parameters, result);
	}

	/** Whether the client asked for unknown parameters to be refused. */
	static boolean isStrict(RequestDetails request) {
		List<String> prefer = request.getHeaders("Prefer");
		return prefer != null && prefer.stream().anyMatch(value -> value.replace(" ", "").contains("handling=strict"));
	}

	/**
	 * Current versions of this type that match a query such as {@code Patient?name=x} or
	 * {@code name=x}, oldest change first.
	 */
	protected List<ResourceStore.Version> matching(String conditionalUrl) {
		String query = conditionalUrl.contains("?") ? conditionalUrl.substring(conditionalUrl.indexOf('?') + 1)
				: conditionalUrl;
		return this.search.matching(this.typeName, QueryStrings.parse(query));
	}

	/** The name of the type served. */
	String typeName() {
		return this.typeName;
	}

	private List<IBaseResource> contents(List<ResourceStore.Version> versions) {
		return historyEntries(this.store, versions);
	}

	/**
	 * History entries, newest first, marked with the method that made them so that HAPI
	 * fills in entry.request, which a history Bundle requires; deletions become entries
	 * without a resource.
	 */
	static List<IBaseResource> historyEntries(ResourceStore store, List<ResourceStore.Version> versions) {
		List<IBaseResource> resources = new ArrayList<>();
		for (ResourceStore.Version version : versions) {
			IBaseResource resource;
			BundleEntryTransactionMethodEnum method;
			if (version.deleted()) {
				resource = store.fhirContext().getResourceDefinition(version.type()).newInstance();
				resource.setId(version.type() + "/" + version.id() + "/_history/" + version.version());
				method = BundleEntryTransactionMethodEnum.DELETE;
			}
			else {
				resource = store.copyOf(version);
				method = version.version() == 1 ? BundleEntryTransactionMethodEnum.POST
						: BundleEntryTransactionMethodEnum.PUT;
			}
			ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(resource, method);
			resources.add(resource);
		}
		Collections.reverse(resources);
		return resources;
	}

	private MethodOutcome outcome(ResourceStore.Version version, boolean created) {
		MethodOutcome outcome = new MethodOutcome();
		IBaseResource resource = this.store.copyOf(version);
		outcome.setId(resource.getIdElement());
		outcome.setResource(resource);
		outcome.setCreated(created);
		return outcome;
	}

}
