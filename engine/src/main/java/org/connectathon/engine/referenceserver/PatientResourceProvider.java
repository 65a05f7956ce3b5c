package org.connectathon.engine.referenceserver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.BundleBuilder;
import ca.uhn.fhir.util.OperationOutcomeUtil;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * The Patient provider, which adds {@code Patient/[id]/$everything}, the IPS
 * {@code Patient/[id]/$summary} and {@code Patient/[id]/$purge}.
 */
public class PatientResourceProvider extends InMemoryResourceProvider {

	public PatientResourceProvider(Class<? extends IBaseResource> resourceType, ResourceStore store,
			IndexedSearch search) {
		super(resourceType, store, search);
	}

	/** The patient and every current resource that refers to it. */
	@Operation(name = "$everything", idempotent = true)
	public IBaseBundle everything(@IdParam IIdType id) {
		IBaseResource patient = read(id.toUnqualifiedVersionless());
		BundleBuilder bundle = new BundleBuilder(this.store.fhirContext());
		bundle.setType("searchset");
		bundle.addCollectionEntry(patient);
		referringTo(id).forEach((type, versions) -> versions
			.forEach((version) -> bundle.addCollectionEntry(this.store.copyOf(version))));
		return bundle.getBundle();
	}

	/**
	 * The patient's International Patient Summary, as a document Bundle (see
	 * {@link PatientSummary}).
	 */
	@Operation(name = "$summary", idempotent = true)
	public IBaseBundle summary(@IdParam IIdType id, RequestDetails request) {
		IBaseResource patient = read(id.toUnqualifiedVersionless());
		Map<String, List<String>> related = new LinkedHashMap<>();
		referringTo(id).forEach(
				(type, versions) -> related.put(type, versions.stream().map(ResourceStore.Version::json).toList()));
		return PatientSummary.build(this.store.fhirContext(), request.getFhirServerBase(), id.getIdPart(),
				this.store.fhirContext().newJsonParser().encodeResourceToString(patient), related);
	}

	/**
	 * Deletes the patient and every current resource that refers to it, in one unit, as
	 * WildFHIR's {@code $purge} (and FHIR R6's) does: the loader scripts that Touchstone
	 * runs purge each patient before they load it again. Purging a patient that is not
	 * there purges nothing and succeeds, so that a first load runs as a later one.
	 */
	@Operation(name = "$purge", idempotent = true)
	public IBaseResource purge(@IdParam IIdType id) {
		int deleted = this.store.atomically(() -> {
			int count = 0;
			for (Map.Entry<String, List<ResourceStore.Version>> referring : referringTo(id).entrySet()) {
				for (ResourceStore.Version version : referring.getValue()) {
					count += this.store.delete(referring.getKey(), version.id()) ? 1 : 0;
				}
			}
			return count + (this.store.delete("Patient", id.getIdPart()) ? 1 : 0);
		});
		IBaseOperationOutcome outcome = OperationOutcomeUtil.newInstance(this.store.fhirContext());
		OperationOutcomeUtil.addIssue(this.store.fhirContext(), outcome, "information",
				"Purged " + deleted + " resources: Patient/" + id.getIdPart() + " and the resources that refer to it.",
				null, "informational");
		return outcome;
	}

	/**
	 * The current resources that refer to the patient with a reference search parameter,
	 * by type.
	 */
	private Map<String, List<ResourceStore.Version>> referringTo(IIdType id) {
		String key = SearchIndex.referenceKey("Patient/" + id.getIdPart());
		SearchIndex index = this.store.index();
		return index.read(() -> {
			Map<String, List<ResourceStore.Version>> referring = new LinkedHashMap<>();
			for (String type : new java.util.TreeSet<>(index.types())) {
				Set<String> ids = new LinkedHashSet<>();
				for (SearchParameterDefinition definition : index.searchParameters().forType(type).values()) {
					if (definition.type() == RestSearchParameterTypeEnum.REFERENCE) {
						ids.addAll(index.posting(type, definition.code(), key));
					}
				}
				for (String referringId : ids) {
					referring.computeIfAbsent(type, (t) -> new ArrayList<>())
						.add(index.entry(type, referringId).version());
				}
			}
			referring.values()
				.forEach(versions -> versions.sort(Comparator.comparing(ResourceStore.Version::lastUpdated)));
			return referring;
		});
	}

}
