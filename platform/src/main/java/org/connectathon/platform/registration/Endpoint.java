package org.connectathon.platform.registration;

import org.connectathon.platform.catalog.Protocol;
import org.jspecify.annotations.Nullable;

/**
 * Where a system answers for one of its actors.
 *
 * @param baseUrl an http or https URL, or {@code mllp://host:port} for HL7 v2
 * @param mllpPort the platform's port that relays HL7 v2 messages to the endpoint, null
 * when it has none
 */
public record Endpoint(long id, long systemId, long actorId, String profileKeyword, String actorKeyword, String baseUrl,
		@Nullable String fhirVersion, @Nullable String notes, Protocol protocol, @Nullable Integer mllpPort) {

}
