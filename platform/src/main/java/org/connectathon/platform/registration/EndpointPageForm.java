package org.connectathon.platform.registration;

import java.util.Optional;

import org.connectathon.platform.catalog.QualifiedKeyword;
import org.connectathon.platform.catalog.Protocol;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint form of the system page, whose actor is one choice {@code PROFILE:ACTOR}
 * among the system's registrations.
 */
record EndpointPageForm(@Nullable String actor, @Nullable String baseUrl, @Nullable String fhirVersion,
		@Nullable String notes, @Nullable Protocol protocol) {

	static final EndpointPageForm EMPTY = new EndpointPageForm(null, null, null, null, null);

	/** Nothing when the actor is not {@code PROFILE:ACTOR}. */
	Optional<EndpointForm> toEndpointForm() {
		return QualifiedKeyword.parse(this.actor)
			.map((keywords) -> new EndpointForm(keywords.profileKeyword(), keywords.keyword(), this.baseUrl,
					this.fhirVersion, this.notes, this.protocol));
	}

}
