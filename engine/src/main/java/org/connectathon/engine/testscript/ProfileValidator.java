package org.connectathon.engine.testscript;

import org.connectathon.engine.validation.ValidationReport;

/**
 * Validates a resource against a profile, for {@code validateProfileId} asserts. The
 * engine does not care how: {@link PackageProfileValidator} uses the engine's validation
 * service with the implementation guides given with {@code --ig}. Implementations must be
 * thread-safe.
 */
public interface ProfileValidator {

	/**
	 * @param version the FHIR release of the resource
	 * @param resource the resource as JSON or XML text
	 * @param profileUrl the canonical URL of the StructureDefinition to validate against
	 * @return every issue found; no error issue means the resource conforms
	 */
	ValidationReport validate(FhirVersion version, String resource, String profileUrl);

}
