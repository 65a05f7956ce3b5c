package org.connectathon.platform.tracks;

import java.util.List;
import java.util.Map;

/**
 * Every track's report-out at an event, with the latest results rolled up per
 * specification (IG, or FHIR core release) across the tracks testing it.
 */
public record ReportOfEvent(long eventId, List<Report> tracks,
		Map<String, Map<ScenarioResultOutcome, Integer>> countsBySpecification) {

}
