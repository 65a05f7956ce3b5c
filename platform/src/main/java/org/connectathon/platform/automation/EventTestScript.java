package org.connectathon.platform.automation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A TestScript of an event's library, which steps name by its keyword (the script's id).
 * Its content is fetched on its own.
 *
 * @param actionCount how many actions a run reports, for the progress of runs
 * @param implementationGuides {@code NAME#VERSION} of the packages whose profiles its
 * {@code validateProfileId} asserts name; none for the FHIR core specification alone
 */
public record EventTestScript(long id, long eventId, String keyword, String title, String fhirVersion, int actionCount,
		String fileName, List<String> implementationGuides, String uploadedByName, OffsetDateTime uploadedAt) {

}
