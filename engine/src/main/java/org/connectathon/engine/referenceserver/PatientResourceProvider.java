package org.connectathon.engine.referenceserver;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.util.BundleBuilder;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/** The Patient provider, which adds {@code Patient/[id]/$everything}. */
public class PatientResourceProvider extends InMemoryResourceProvider {

	public PatientResourceProvider(Class<? extends IBaseResource> resourceType, ResourceStore store,
			SearchMatcher matcher) {
		super(resourceType, store, matcher);
	}

	/** The patient and every current resource that refers to it. */
	@Operation(name = "$everything", idempotent = true)
	public IBaseBundle everything(@IdParam IIdType id) {
		IBaseResource patient = read(id.toUnqualifiedVersionless());
		String reference = "Patient/" + id.getIdPart();
		BundleBuilder bundle = new BundleBuilder(this.store.fhirContext());
		bundle.setType("searchset");
		bundle.addCollectionEntry(patient);
		for (String type : this.store.types()) {
			for (ResourceStore.Version version : this.store.currentVersions(type)) {
				boolean refersToPatient = this.store.fhirContext()
					.newTerser()
					.getAllPopulatedChildElementsOfType(version.parsed(), IBaseReference.class)
					.stream()
					.anyMatch(r -> reference.equals(r.getReferenceElement().toUnqualifiedVersionless().getValue()));
				if (refersToPatient) {
					bundle.addCollectionEntry(this.store.copyOf(version));
				}
			}
		}
		return bundle.getBundle();
	}

}
