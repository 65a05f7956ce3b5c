package org.connectathon.platform.catalog;

import org.jspecify.annotations.Nullable;

/**
 * An exchange between two actors ("ITI-65 Provide Document Bundle", "Retrieve IPS via
 * $summary").
 */
public record Transaction(long id, long profileId, String keyword, String name, @Nullable String description,
		ActorReference initiator, ActorReference responder) {

}
