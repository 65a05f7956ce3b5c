package org.connectathon.platform.automation;

import java.time.OffsetDateTime;

/**
 * A TestScript of an event's library, which steps name by its keyword (the script's id).
 * Its content is fetched on its own.
 *
 * @param actionCount how many actions a run reports, for the progress of runs
 */
public record EventTestScript(long id, long eventId, String keyword, String title, String fhirVersion, int actionCount,
		String fileName, String uploadedByName, OffsetDateTime uploadedAt) {

}
