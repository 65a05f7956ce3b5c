package org.connectathon.platform.catalog;

import org.jspecify.annotations.Nullable;

/** An IHE integration profile or a FHIR implementation guide. */
public record Profile(long id, String keyword, String name, ProfileKind kind, @Nullable String version,
		@Nullable String description, @Nullable String referenceUrl) {

}
