package org.connectathon.platform.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole catalog at one moment: profiles with their actors and transactions. Small
 * (hundreds of rows at the largest event), so it is read whole and looked up in memory.
 */
public record Catalog(List<CatalogProfile> profiles) {

	/** A profile with what belongs to it. */
	public record CatalogProfile(Profile profile, List<Actor> actors, List<Transaction> transactions) {

	}

	public Optional<CatalogProfile> profile(String keyword) {
		return this.profiles.stream().filter((entry) -> entry.profile().keyword().equals(keyword)).findFirst();
	}

	public Optional<Actor> actor(ActorReference reference) {
		return profile(reference.profileKeyword()).flatMap((entry) -> entry.actors()
			.stream()
			.filter((actor) -> actor.keyword().equals(reference.actorKeyword()))
			.findFirst());
	}

	/**
	 * The transaction that a test step names as {@code PROFILE:KEYWORD}, empty when the
	 * catalog has none.
	 */
	public Optional<Transaction> transaction(String qualifiedKeyword) {
		int colon = qualifiedKeyword.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		String keyword = qualifiedKeyword.substring(colon + 1);
		return profile(qualifiedKeyword.substring(0, colon)).flatMap((entry) -> entry.transactions()
			.stream()
			.filter((transaction) -> transaction.keyword().equals(keyword))
			.findFirst());
	}

	public Map<Long, Actor> actorsById() {
		return this.profiles.stream()
			.flatMap((entry) -> entry.actors().stream())
			.collect(Collectors.toMap(Actor::id, Function.identity()));
	}

	public Map<Long, Profile> profilesById() {
		return this.profiles.stream()
			.map(CatalogProfile::profile)
			.collect(Collectors.toMap(Profile::id, Function.identity()));
	}

}
