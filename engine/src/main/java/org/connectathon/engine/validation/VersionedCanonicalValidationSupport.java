package org.connectathon.engine.validation;

import java.util.Objects;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;

/**
 * Last resource-fetching link of the chain: answers a canonical URL with a version
 * ({@code http://hl7.org/fhir/StructureDefinition/Practitioner|4.0.1}) that no other link
 * knows, by asking the chain for the URL without the version and accepting the answer
 * when its {@code version} is the one asked for, or when it has none.
 * <p>
 * IPS names its Bundle slices' target profiles with versions, and HAPI 8.8.1 looks those
 * up verbatim, which the FHIR core and package sources only know unversioned (HAPI FHIR
 * issues 7453 and 7564); without this link every IPS Bundle fails with
 * {@code a matching slice is required,
 * but not found}. A resource of another version is not returned, so a genuinely wrong
 * version still reports as unknown.
 */
final class VersionedCanonicalValidationSupport implements IValidationSupport {

	private final IValidationSupport chain;

	/**
	 * @param chain the whole chain, asked again with the unversioned URL
	 */
	VersionedCanonicalValidationSupport(IValidationSupport chain) {
		this.chain = Objects.requireNonNull(chain, "chain");
	}

	@Override
	public FhirContext getFhirContext() {
		return chain.getFhirContext();
	}

	@Override
	public String getName() {
		return "Versioned canonicals";
	}

	@Override
	public IBaseResource fetchStructureDefinition(String url) {
		String unversioned = unversioned(url);
		return unversioned == null ? null : matching(chain.fetchStructureDefinition(unversioned), version(url));
	}

	@Override
	public IBaseResource fetchCodeSystem(String url) {
		String unversioned = unversioned(url);
		return unversioned == null ? null : matching(chain.fetchCodeSystem(unversioned), version(url));
	}

	@Override
	public IBaseResource fetchValueSet(String url) {
		String unversioned = unversioned(url);
		return unversioned == null ? null : matching(chain.fetchValueSet(unversioned), version(url));
	}

	private static String unversioned(String url) {
		if (url == null) {
			return null;
		}
		int bar = url.indexOf('|');
		return bar <= 0 ? null : url.substring(0, bar);
	}

	private static String version(String url) {
		return url.substring(url.indexOf('|') + 1);
	}

	private IBaseResource matching(IBaseResource resource, String version) {
		if (resource == null) {
			return null;
		}
		String actual = getFhirContext().newTerser().getSinglePrimitiveValueOrNull(resource, "version");
		return actual == null || actual.equals(version) ? resource : null;
	}

}
