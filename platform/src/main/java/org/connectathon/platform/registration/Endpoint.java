package org.connectathon.platform.registration;

import org.jspecify.annotations.Nullable;

/** Where a system answers for one of its actors. */
public record Endpoint(long id, long systemId, long actorId, String profileKeyword, String actorKeyword, String baseUrl,
		@Nullable String fhirVersion, @Nullable String notes) {

}
