package org.connectathon.engine.referenceserver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The reference server's data: every version of every resource, in memory, kept as JSON
 * so that callers may change what they receive, and the {@link SearchIndex} of the
 * current versions, updated with every change. All methods are thread-safe;
 * {@link #atomically} runs a group of changes that is undone as a whole when it throws,
 * which is what a transaction needs.
 * <p>
 * A store may be given a capacity: how many versions it keeps at most, every create,
 * update and delete adding one, so that a server open to anyone cannot be written until
 * its host runs out of memory. Once full it refuses every write with 507 Insufficient
 * Storage ({@code CTN-5030}) and still answers reads and searches.
 */
public final class ResourceStore {

	/**
	 * One version of a resource; {@code deleted} versions carry no content.
	 *
	 * @param type the resource type
	 * @param id the logical id
	 * @param version the version id, 1 for the first
	 * @param lastUpdated when the version was written
	 * @param json the resource as JSON, {@code null} for a deletion
	 */
	public record Version(String type, String id, long version, Instant lastUpdated, String json) {

		public boolean deleted() {
			return json == null;
		}

	}

	private final FhirContext fhirContext;

	private final SearchIndex index;

	private final long capacity;

	private final AtomicLong idSequence = new AtomicLong();

	/**
	 * Histories by type, then by id, so that searching a type does not visit the others.
	 */
	private final Map<String, Map<String, List<Version>>> histories = new HashMap<>();

	private final List<Version> allVersions = new ArrayList<>();

	/**
	 * The versions written by the unit of work under way, or {@code null} outside one.
	 */
	private List<Version> written;

	/** A store without a capacity: it keeps versions as long as memory lasts. */
	public ResourceStore(FhirContext fhirContext) {
		this(fhirContext, Long.MAX_VALUE);
	}

	/**
	 * A store that keeps at most {@code capacity} versions.
	 * @throws IllegalArgumentException when the capacity is not positive
	 */
	public ResourceStore(FhirContext fhirContext, long capacity) {
		this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, but is " + capacity);
		}
		this.index = new SearchIndex(fhirContext);
		this.capacity = capacity;
	}

	/** The search index of the current versions. */
	public SearchIndex index() {
		return this.index;
	}

	public FhirContext fhirContext() {
		return this.fhirContext;
	}

	/** A new server-assigned logical id. */
	public String newId() {
		return Long.toString(this.idSequence.incrementAndGet());
	}

	/**
	 * Stores a new version of the resource under its type and the given id.
	 * @throws UnprocessableEntityException ({@code CTN-5017}) for a
	 * {@code SearchParameter} the server cannot index
	 * @throws UnclassifiedServerFailureException (507, {@code CTN-5030}) when the store
	 * is full
	 */
	public synchronized Version put(String type, String id, IBaseResource resource) {
		ensureRoom();
		if (type.equals("SearchParameter") && !this.index.searchParameters().isRetired(resource)) {
			try {
				this.index.usableSearchParameter(resource);
			}
			catch (IllegalArgumentException ex) {
				throw new UnprocessableEntityException(ex.getMessage());
			}
		}
		List<Version> history = this.histories.computeIfAbsent(type, t -> new HashMap<>())
			.computeIfAbsent(id, k -> new ArrayList<>());
		long number = history.isEmpty() ? 1 : history.get(history.size() - 1).version() + 1;
		Instant now = Instant.now();
		resource.setId(type + "/" + id + "/_history/" + number);
		resource.getMeta().setVersionId(Long.toString(number));
		resource.getMeta().setLastUpdated(Date.from(now));
		String json = parser().encodeResourceToString(resource);
		Version version = new Version(type, id, number, now, json);
		record(history, version);
		this.index.put(version, resource, this::copyOf, this::allCurrentVersions);
		return version;
	}

	/**
	 * Marks the resource deleted; returns {@code false} when there was nothing to delete.
	 * @throws UnclassifiedServerFailureException (507, {@code CTN-5030}) when the store
	 * is full: the deletion is a version too
	 */
	public synchronized boolean delete(String type, String id) {
		List<Version> history = historyOrNull(type, id);
		if (history == null || history.get(history.size() - 1).deleted()) {
			return false;
		}
		ensureRoom();
		Version version = new Version(type, id, history.get(history.size() - 1).version() + 1, Instant.now(), null);
		record(history, version);
		this.index.remove(type, id, this::copyOf, this::allCurrentVersions);
		return true;
	}

	private void ensureRoom() {
		if (this.allVersions.size() >= this.capacity) {
			throw new UnclassifiedServerFailureException(507,
					"CTN-5030: this reference server is full: it keeps at most " + this.capacity
							+ " resource versions (every create, update and delete adds one) and takes "
							+ "no more writes until it restarts; reads and searches still work");
		}
	}

	private void record(List<Version> history, Version version) {
		history.add(version);
		this.allVersions.add(version);
		if (this.written != null) {
			this.written.add(version);
		}
	}

	/**
	 * The current version, or {@code null} when the resource never existed or is deleted.
	 */
	public synchronized Version current(String type, String id) {
		List<Version> history = historyOrNull(type, id);
		if (history == null) {
			return null;
		}
		Version last = history.get(history.size() - 1);
		return last.deleted() ? null : last;
	}

	/** The current content; 404 when unknown, 410 when deleted. */
	public IBaseResource read(String type, String id) {
		List<Version> history = history(type, id);
		Version last = history.get(history.size() - 1);
		if (last.deleted()) {
			throw new ResourceGoneException("Resource " + type + "/" + id + " was deleted");
		}
		return copyOf(last);
	}

	/** One version's content; 404 when unknown, 410 when that version is a deletion. */
	public IBaseResource vread(String type, String id, long versionNumber) {
		for (Version version : history(type, id)) {
			if (version.version() == versionNumber) {
				if (version.deleted()) {
					throw new ResourceGoneException(
							"Version " + versionNumber + " of " + type + "/" + id + " is a deletion");
				}
				return copyOf(version);
			}
		}
		throw new ResourceNotFoundException("Resource " + type + "/" + id + " has no version " + versionNumber);
	}

	/** All versions of one resource, oldest first; 404 when unknown. */
	public synchronized List<Version> history(String type, String id) {
		List<Version> history = historyOrNull(type, id);
		if (history == null) {
			throw new ResourceNotFoundException("Resource " + type + "/" + id + " is not known");
		}
		return List.copyOf(history);
	}

	/**
	 * All versions of all resources of a type, or of every type when {@code type} is
	 * null, oldest first.
	 */
	public synchronized List<Version> history(String type) {
		if (type == null) {
			return List.copyOf(this.allVersions);
		}
		return this.allVersions.stream().filter(version -> version.type().equals(type)).toList();
	}

	/** The current versions of all resources of a type. */
	public synchronized List<Version> currentVersions(String type) {
		List<Version> current = new ArrayList<>();
		for (List<Version> history : this.histories.getOrDefault(type, Map.of()).values()) {
			Version last = history.get(history.size() - 1);
			if (!last.deleted()) {
				current.add(last);
			}
		}
		return current;
	}

	/** A fresh copy of a version's content, safe to change. */
	public IBaseResource copyOf(Version version) {
		return parser().parseResource(version.json());
	}

	/**
	 * Runs the changes as one unit: when {@code changes} throws, the versions it wrote
	 * are taken back. Other callers wait meanwhile. Units may nest; the outermost one
	 * decides.
	 */
	public synchronized <T> T atomically(Supplier<T> changes) {
		if (this.written != null) {
			return changes.get();
		}
		this.written = new ArrayList<>();
		try {
			return changes.get();
		}
		catch (RuntimeException ex) {
			for (int i = this.written.size() - 1; i >= 0; i--) {
				Version version = this.written.get(i);
				List<Version> history = historyOrNull(version.type(), version.id());
				history.remove(history.size() - 1);
				if (history.isEmpty()) {
					this.histories.get(version.type()).remove(version.id());
				}
				this.allVersions.remove(this.allVersions.size() - 1);
				restoreIndex(version.type(), version.id());
			}
			throw ex;
		}
		finally {
			this.written = null;
		}
	}

	/** Indexes again the version that is current after a change was taken back. */
	private void restoreIndex(String type, String id) {
		Version current = current(type, id);
		if (current == null) {
			this.index.remove(type, id, this::copyOf, this::allCurrentVersions);
		}
		else {
			this.index.put(current, copyOf(current), this::copyOf, this::allCurrentVersions);
		}
	}

	private List<Version> allCurrentVersions() {
		List<Version> current = new ArrayList<>();
		for (String type : this.histories.keySet()) {
			current.addAll(currentVersions(type));
		}
		return current;
	}

	/** Number of resources that currently exist. */
	public synchronized int size() {
		return (int) this.histories.values()
			.stream()
			.flatMap(byId -> byId.values().stream())
			.filter(history -> !history.get(history.size() - 1).deleted())
			.count();
	}

	/** Types that have at least one version. */
	public synchronized List<String> types() {
		List<String> types = new ArrayList<>(this.histories.keySet());
		Collections.sort(types);
		return types;
	}

	private IParser parser() {
		return this.fhirContext.newJsonParser();
	}

	private List<Version> historyOrNull(String type, String id) {
		Map<String, List<Version>> byId = this.histories.get(type);
		return byId == null ? null : byId.get(id);
	}

}
