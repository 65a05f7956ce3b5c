package org.connectathon.engine.referenceserver;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.BundleUtil;
import ca.uhn.fhir.util.bundle.BundleEntryParts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * The server-level interactions: batch, transaction (all or nothing, entries processed in
 * the specification's order DELETE, POST, PUT/PATCH, GET, {@code urn:uuid:} references
 * rewritten) system history and system search.
 */
public class SystemProvider {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final ResourceStore store;

	private final Map<String, InMemoryResourceProvider> providers;

	private final IndexedSearch search;

	public SystemProvider(ResourceStore store, Map<String, InMemoryResourceProvider> providers, IndexedSearch search) {
		this.store = Objects.requireNonNull(store, "store");
		this.providers = Objects.requireNonNull(providers, "providers");
		this.search = Objects.requireNonNull(search, "search");
	}

	@History
	public List<IBaseResource> serverHistory() {
		return InMemoryResourceProvider.historyEntries(this.store, this.store.history(null));
	}

	/**
	 * Search across types: {@code _type} narrows the types, other parameters apply to
	 * each type that defines them.
	 */
	@Search(allowUnknownParams = true)
	public IBaseBundle searchAllTypes(RequestDetails request) {
		Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameters());
		String[] wantedTypes = parameters.get("_type");
		List<String> types = wantedTypes == null ? this.store.types()
				: Arrays.stream(wantedTypes).flatMap(t -> Arrays.stream(t.split(","))).toList();
		for (String type : types) {
			if (!this.providers.containsKey(type)) {
				throw new InvalidRequestException(
						"CTN-5019: _type names " + type + ", which is not a resource type of FHIR "
								+ this.store.fhirContext().getVersion().getVersion());
			}
		}
		IndexedSearch.Result result = this.search.search(types, parameters, InMemoryResourceProvider.isStrict(request),
				true);
		return SearchSetBundle.write(this.store.fhirContext(), request.getFhirServerBase(), request.getFhirServerBase(),
				parameters, result);
	}

	@Transaction
	public IBaseBundle transaction(@TransactionParam IBaseBundle bundle, RequestDetails request) {
		String serverBase = request.getFhirServerBase();
		FhirContext fhirContext = this.store.fhirContext();
		String type = BundleUtil.getBundleType(fhirContext, bundle);
		List<BundleEntryParts> entries = BundleUtil.toListOfEntries(fhirContext, bundle);
		if ("batch".equals(type)) {
			ObjectNode[] responses = new ObjectNode[entries.size()];
			for (int i = 0; i < entries.size(); i++) {
				try {
					BundleEntryParts entry = entries.get(i);
					responses[i] = this.store.atomically(() -> process(entry, entry.getResource(), serverBase));
				}
				catch (BaseServerResponseException ex) {
					responses[i] = errorEntry(ex);
				}
			}
			return response("batch-response", responses);
		}
		if (!"transaction".equals(type)) {
			throw new InvalidRequestException("Bundle type must be batch or transaction, not " + type);
		}
		return this.store.atomically(() -> response("transaction-response", processTransaction(entries, serverBase)));
	}

	private ObjectNode[] processTransaction(List<BundleEntryParts> entries, String serverBase) {
		Map<String, String> assignedIds = new HashMap<>();
		IBaseResource[] resources = new IBaseResource[entries.size()];
		for (int i = 0; i < entries.size(); i++) {
			BundleEntryParts entry = entries.get(i);
			resources[i] = entry.getResource();
			if (entry.getMethod() == RequestTypeEnum.POST && entry.getResource() != null) {
				String resourceType = this.store.fhirContext().getResourceType(entry.getResource());
				String id = null;
				if (entry.getConditionalUrl() != null) {
					List<ResourceStore.Version> matches = provider(resourceType).matching(entry.getConditionalUrl());
					id = matches.size() == 1 ? matches.get(0).id() : null;
				}
				String newId = id != null ? id : this.store.newId();
				resources[i].setId(resourceType + "/" + newId);
				if (entry.getFullUrl() != null) {
					assignedIds.put(entry.getFullUrl(), resourceType + "/" + newId);
				}
			}
		}
		for (IBaseResource resource : resources) {
			if (resource != null) {
				rewriteReferences(resource, assignedIds);
			}
		}
		ObjectNode[] responses = new ObjectNode[entries.size()];
		for (RequestTypeEnum method : List.of(RequestTypeEnum.DELETE, RequestTypeEnum.POST, RequestTypeEnum.PUT,
				RequestTypeEnum.PATCH, RequestTypeEnum.GET)) {
			for (int i = 0; i < entries.size(); i++) {
				if (entries.get(i).getMethod() == method) {
					responses[i] = process(entries.get(i), resources[i], serverBase);
				}
			}
		}
		return responses;
	}

	private void rewriteReferences(IBaseResource resource, Map<String, String> assignedIds) {
		for (IBaseReference reference : this.store.fhirContext()
			.newTerser()
			.getAllPopulatedChildElementsOfType(resource, IBaseReference.class)) {
			String target = reference.getReferenceElement().getValue();
			if (target != null && assignedIds.containsKey(target)) {
				reference.setReference(assignedIds.get(target));
			}
		}
	}

	private ObjectNode process(BundleEntryParts entry, IBaseResource resource, String serverBase) {
		RequestTypeEnum method = entry.getMethod();
		if (method == null || entry.getUrl() == null) {
			throw new InvalidRequestException("Bundle entry without request.method and request.url");
		}
		String url = entry.getUrl();
		String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : null;
		String[] segments = path.replaceAll("^/+", "").split("/");
		InMemoryResourceProvider provider = provider(segments[0]);
		IIdType id = segments.length > 1 ? this.store.fhirContext().getVersion().newIdType().setValue(path) : null;
		return switch (method) {
			case GET -> {
				if (id != null) {
					yield resourceEntry(provider.read(id), "200 OK");
				}
				Map<String, String[]> parameters = QueryStrings.parse(query);
				IndexedSearch.Result result = this.search.search(List.of(provider.typeName()), parameters, false,
						false);
				yield resourceEntry(SearchSetBundle.write(this.store.fhirContext(), serverBase,
						serverBase + "/" + provider.typeName(), parameters, result), "200 OK");
			}
			case POST -> {
				if (resource.getIdElement().hasIdPart()) {
					// the id was assigned (or matched) before the references were
					// rewritten
					String resourceType = this.store.fhirContext().getResourceType(resource);
					ResourceStore.Version existing = this.store.current(resourceType,
							resource.getIdElement().getIdPart());
					if (existing != null && entry.getConditionalUrl() != null) {
						yield outcomeEntry(this.store.copyOf(existing), "200 OK");
					}
					ResourceStore.Version created = this.store.put(resourceType, resource.getIdElement().getIdPart(),
							resource);
					yield outcomeEntry(this.store.copyOf(created), "201 Created");
				}
				MethodOutcome outcome = provider.create(resource, entry.getConditionalUrl());
				yield outcomeEntry((IBaseResource) outcome.getResource(),
						Boolean.TRUE.equals(outcome.getCreated()) ? "201 Created" : "200 OK");
			}
			case PUT -> {
				MethodOutcome outcome = provider.update(id, resource, query == null ? null : url);
				yield outcomeEntry((IBaseResource) outcome.getResource(),
						Boolean.TRUE.equals(outcome.getCreated()) ? "201 Created" : "200 OK");
			}
			case DELETE -> {
				provider.delete(id, query == null ? null : url);
				yield statusEntry("204 No Content");
			}
			default -> throw new InvalidRequestException("Bundle entry method " + method + " is not supported");
		};
	}

	private InMemoryResourceProvider provider(String type) {
		InMemoryResourceProvider provider = this.providers.get(type);
		if (provider == null) {
			throw new InvalidRequestException("Unknown resource type '" + type + "' in bundle entry");
		}
		return provider;
	}

	private ObjectNode resourceEntry(IBaseResource resource, String status) {
		ObjectNode entry = statusEntry(status);
		entry.set("resource", json(resource));
		return entry;
	}

	private ObjectNode outcomeEntry(IBaseResource resource, String status) {
		ObjectNode entry = resourceEntry(resource, status);
		ObjectNode response = (ObjectNode) entry.get("response");
		IIdType id = resource.getIdElement();
		response.put("location", id.getResourceType() + "/" + id.getIdPart() + "/_history/" + id.getVersionIdPart());
		response.put("etag", "W/\"" + id.getVersionIdPart() + "\"");
		if (resource.getMeta().getLastUpdated() != null) {
			response.put("lastModified", resource.getMeta().getLastUpdated().toInstant().toString());
		}
		entry.put("fullUrl", id.getResourceType() + "/" + id.getIdPart());
		return entry;
	}

	private static ObjectNode statusEntry(String status) {
		ObjectNode entry = MAPPER.createObjectNode();
		entry.putObject("response").put("status", status);
		return entry;
	}

	private static ObjectNode errorEntry(BaseServerResponseException ex) {
		ObjectNode entry = statusEntry(Integer.toString(ex.getStatusCode()));
		ObjectNode outcome = ((ObjectNode) entry.get("response")).putObject("outcome");
		outcome.put("resourceType", "OperationOutcome");
		outcome.putArray("issue")
			.addObject()
			.put("severity", "error")
			.put("code", "processing")
			.put("diagnostics", ex.getMessage());
		return entry;
	}

	private ObjectNode json(IBaseResource resource) {
		try {
			return (ObjectNode) MAPPER
				.readTree(this.store.fhirContext().newJsonParser().encodeResourceToString(resource));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("HAPI wrote JSON that does not parse", ex);
		}
	}

	private IBaseBundle response(String type, ObjectNode[] entries) {
		ObjectNode bundle = MAPPER.createObjectNode();
		bundle.put("resourceType", "Bundle");
		bundle.put("type", type);
		ArrayNode array = bundle.putArray("entry");
		for (ObjectNode entry : entries) {
			array.add(entry);
		}
		return (IBaseBundle) this.store.fhirContext().newJsonParser().parseResource(bundle.toString());
	}

}
