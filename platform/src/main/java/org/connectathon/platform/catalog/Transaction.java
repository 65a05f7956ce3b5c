package org.connectathon.platform.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An exchange between two actors ("ITI-65 Provide Document Bundle", "Retrieve IPS via
 * $summary").
 *
 * @param matches the kinds of requests the transaction is, as {@link RequestPattern}
 * texts: what captures of the recording proxy are correlated to steps by; empty when the
 * catalog does not say
 */
public record Transaction(long id, long profileId, String keyword, String name, @Nullable String description,
		ActorReference initiator, ActorReference responder, List<String> matches) {

	public Transaction {
		matches = List.copyOf(matches);
	}

	/** The {@link #matches} read; the catalog import checked them. */
	public List<RequestPattern> requestPatterns() {
		return this.matches.stream().map(RequestPattern::parse).toList();
	}

}
