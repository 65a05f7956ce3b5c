package org.connectathon.platform.tracks;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A result a client-server pair recorded for a scenario; the pair's latest one stands,
 * the earlier ones are its history.
 *
 * @param links where more is said, such as an issue in the specification's tracker
 */
public record ScenarioResult(long id, long trackId, long scenarioId, String scenarioKeyword, long clientSystemId,
		String clientSystemName, long serverSystemId, String serverSystemName, ScenarioResultOutcome result,
		@Nullable String comment, List<String> links, String recordedBy, OffsetDateTime recordedAt) {

}
