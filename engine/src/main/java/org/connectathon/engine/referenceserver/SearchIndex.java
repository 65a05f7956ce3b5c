package org.connectathon.engine.referenceserver;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The search index of the current version of every resource: for each resource the typed
 * values of its search parameters, and for token, reference and uri parameters posting
 * sets from a key (such as {@code sc:http://loinc.org|1234-5} or {@code r:Patient/1}) to
 * the ids that have it, so that those searches look up instead of scanning. The
 * {@link ResourceStore} keeps it up to date on every write; searches read it through
 * {@link #read}, which many threads may do at once.
 */
public final class SearchIndex {

	/**
	 * One indexed resource.
	 *
	 * @param version the current version
	 * @param sequence when it was written, relative to the others: the default order of
	 * search results
	 * @param values the values of its search parameters by code
	 */
	record Entry(ResourceStore.Version version, long sequence, Map<String, List<IndexedValue>> values) {

		String id() {
			return this.version.id();
		}

		List<IndexedValue> values(String code) {
			return this.values.getOrDefault(code, List.of());
		}

	}

	/** The key of every resource that has a value for a parameter. */
	static final String PRESENT = "*";

	private static final class TypeIndex {

		final Map<String, Entry> entries = new HashMap<>();

		/** By parameter code, then key. */
		final Map<String, Map<String, Set<String>>> postings = new HashMap<>();

	}

	private final SearchParameterRegistry searchParameters;

	private final IndexExtractor extractor;

	private final Map<String, TypeIndex> types = new HashMap<>();

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private long sequence;

	public SearchIndex(FhirContext fhirContext) {
		this.searchParameters = new SearchParameterRegistry(fhirContext);
		this.extractor = new IndexExtractor(fhirContext, this.searchParameters);
	}

	/** The search parameters the index extracts, core and custom. */
	public SearchParameterRegistry searchParameters() {
		return this.searchParameters;
	}

	/**
	 * Reads a {@code SearchParameter} resource that is about to be stored and checks that
	 * it can be indexed.
	 * @return the definition, or {@code null} when it is retired and so not used
	 * @throws IllegalArgumentException ({@code CTN-5017}) when it cannot be used
	 */
	SearchParameterDefinition usableSearchParameter(IBaseResource searchParameter) {
		SearchParameterDefinition definition = this.searchParameters.read(searchParameter);
		if (definition.expression() != null) {
			this.extractor.checkExpression(definition.expression());
		}
		return definition;
	}

	/** Indexes a new current version, whose content is {@code resource}. */
	void put(ResourceStore.Version version, IBaseResource resource,
			Function<ResourceStore.Version, IBaseResource> contents,
			Supplier<Collection<ResourceStore.Version>> currentVersions) {
		if (version.type().equals("SearchParameter")) {
			Set<String> changed = isRetired(resource) ? this.searchParameters.unregister(version.id())
					: this.searchParameters.register(version.id(), usableSearchParameter(resource));
			reindex(changed, contents, currentVersions);
		}
		Map<String, List<IndexedValue>> values = this.extractor.extract(version.type(), resource, version.json());
		this.lock.writeLock().lock();
		try {
			TypeIndex index = this.types.computeIfAbsent(version.type(), type -> new TypeIndex());
			Entry previous = index.entries.remove(version.id());
			if (previous != null) {
				unpost(index, previous);
			}
			Entry entry = new Entry(version, ++this.sequence, values);
			index.entries.put(version.id(), entry);
			post(index, entry);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** Forgets a deleted resource. */
	void remove(String type, String id, Function<ResourceStore.Version, IBaseResource> contents,
			Supplier<Collection<ResourceStore.Version>> currentVersions) {
		this.lock.writeLock().lock();
		try {
			TypeIndex index = this.types.get(type);
			Entry previous = index == null ? null : index.entries.remove(id);
			if (previous != null) {
				unpost(index, previous);
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
		if (type.equals("SearchParameter")) {
			reindex(this.searchParameters.unregister(id), contents, currentVersions);
		}
	}

	private boolean isRetired(IBaseResource searchParameter) {
		return this.searchParameters.isRetired(searchParameter);
	}

	/**
	 * Extracts the values of every resource of the types again, after their parameters
	 * changed.
	 */
	private void reindex(Set<String> changedTypes, Function<ResourceStore.Version, IBaseResource> contents,
			Supplier<Collection<ResourceStore.Version>> currentVersions) {
		if (changedTypes.isEmpty()) {
			return;
		}
		for (ResourceStore.Version version : currentVersions.get()) {
			if (!changedTypes.contains(version.type())) {
				continue;
			}
			Map<String, List<IndexedValue>> values = this.extractor.extract(version.type(), contents.apply(version),
					version.json());
			this.lock.writeLock().lock();
			try {
				TypeIndex index = this.types.get(version.type());
				Entry previous = index == null ? null : index.entries.remove(version.id());
				if (previous == null) {
					// the resource being written, indexed right after
					continue;
				}
				unpost(index, previous);
				Entry entry = new Entry(version, previous.sequence(), values);
				index.entries.put(version.id(), entry);
				post(index, entry);
			}
			finally {
				this.lock.writeLock().unlock();
			}
		}
	}

	/** Runs a query on a consistent index; many queries may run at once. */
	<T> T read(Supplier<T> query) {
		this.lock.readLock().lock();
		try {
			return query.get();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** A current resource, or {@code null}. Call within {@link #read}. */
	Entry entry(String type, String id) {
		TypeIndex index = this.types.get(type);
		return index == null ? null : index.entries.get(id);
	}

	/** The current resources of a type. Call within {@link #read}. */
	Collection<Entry> entries(String type) {
		TypeIndex index = this.types.get(type);
		return index == null ? List.of() : index.entries.values();
	}

	/** The ids of a type's resources that have the key. Call within {@link #read}. */
	Set<String> posting(String type, String code, String key) {
		TypeIndex index = this.types.get(type);
		if (index == null) {
			return Set.of();
		}
		return index.postings.getOrDefault(code, Map.of()).getOrDefault(key, Set.of());
	}

	/** The types that have current resources. Call within {@link #read}. */
	Set<String> types() {
		return this.types.keySet();
	}

	private static void post(TypeIndex index, Entry entry) {
		entry.values().forEach((code, values) -> {
			Map<String, Set<String>> byKey = index.postings.computeIfAbsent(code, c -> new HashMap<>());
			byKey.computeIfAbsent(PRESENT, k -> new HashSet<>()).add(entry.id());
			for (IndexedValue value : values) {
				for (String key : keys(value)) {
					byKey.computeIfAbsent(key, k -> new HashSet<>()).add(entry.id());
				}
			}
		});
	}

	private static void unpost(TypeIndex index, Entry entry) {
		entry.values().forEach((code, values) -> {
			Map<String, Set<String>> byKey = index.postings.get(code);
			if (byKey == null) {
				return;
			}
			remove(byKey, PRESENT, entry.id());
			for (IndexedValue value : values) {
				for (String key : keys(value)) {
					remove(byKey, key, entry.id());
				}
			}
		});
	}

	private static void remove(Map<String, Set<String>> byKey, String key, String id) {
		Set<String> ids = byKey.get(key);
		if (ids != null) {
			ids.remove(id);
			if (ids.isEmpty()) {
				byKey.remove(key);
			}
		}
	}

	/** The posting keys of a value: what exact lookups of its type ask for. */
	static List<String> keys(IndexedValue value) {
		if (value instanceof IndexedValue.Token token) {
			if (token.code() == null) {
				return List.of();
			}
			String system = token.system() == null ? "" : token.system();
			return List.of(codeKey(token.code()), systemCodeKey(system, token.code()), systemKey(system));
		}
		if (value instanceof IndexedValue.Reference reference) {
			List<String> keys = new java.util.ArrayList<>(3);
			if (reference.typeAndId() != null) {
				keys.add(referenceKey(reference.typeAndId()));
			}
			if (reference.url() != null) {
				keys.add(urlKey(reference.url()));
			}
			if (reference.identifierValue() != null) {
				keys.add(identifierKey(reference.identifierSystem(), reference.identifierValue()));
				keys.add(identifierKey(null, reference.identifierValue()));
			}
			return keys;
		}
		if (value instanceof IndexedValue.Uri uri) {
			return List.of(urlKey(uri.value()));
		}
		return List.of();
	}

	static String codeKey(String code) {
		return "c:" + code;
	}

	static String systemCodeKey(String system, String code) {
		return "sc:" + system + "|" + code;
	}

	static String systemKey(String system) {
		return "s:" + system;
	}

	static String referenceKey(String typeAndId) {
		return "r:" + typeAndId;
	}

	static String urlKey(String url) {
		return "u:" + url;
	}

	/** With a {@code null} system: any system. */
	static String identifierKey(String system, String value) {
		return system == null ? "iv:" + value : "i:" + system + "|" + value;
	}

}
