package org.connectathon.engine.validation;

import ca.uhn.fhir.context.FhirContext;
import org.connectathon.engine.packages.PackageException;

/** Picks HAPI's shared, thread-safe {@link FhirContext} for a package's FHIR version. */
final class FhirContexts {

	private FhirContexts() {
	}

	static FhirContext forVersion(String fhirVersion) {
		if (fhirVersion.startsWith("4.0")) {
			return FhirContext.forR4Cached();
		}
		if (fhirVersion.startsWith("4.3")) {
			return FhirContext.forR4BCached();
		}
		if (fhirVersion.startsWith("5.0")) {
			return FhirContext.forR5Cached();
		}
		throw new PackageException(
				"CTN-2009: expected packages for FHIR R4 (4.0.x), R4B (4.3.x) or R5 (5.0.x), but they are for "
						+ fhirVersion);
	}

}
