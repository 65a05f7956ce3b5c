package org.connectathon.platform.catalog;

import java.util.Objects;

/**
 * An actor named by keywords, written {@code PROFILE:ACTOR} in catalog files (for example
 * {@code PDQm:CONSUMER}).
 */
public record ActorReference(String profileKeyword, String actorKeyword) {

	public ActorReference {
		Objects.requireNonNull(profileKeyword);
		Objects.requireNonNull(actorKeyword);
	}

	/**
	 * Reads {@code PROFILE:ACTOR}, or a bare {@code ACTOR} of the profile being read.
	 */
	static ActorReference parse(String text, String currentProfileKeyword) {
		int colon = text.indexOf(':');
		if (colon < 0) {
			return new ActorReference(currentProfileKeyword, text.strip());
		}
		return new ActorReference(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
	}

	/** Written the short way when the actor is in the given profile. */
	String format(String currentProfileKeyword) {
		return this.profileKeyword.equals(currentProfileKeyword) ? this.actorKeyword : toString();
	}

	@Override
	public String toString() {
		return this.profileKeyword + ":" + this.actorKeyword;
	}

}
