package org.connectathon.platform.catalog;

import java.util.Objects;

/**
 * An actor named by keywords, written {@code PROFILE:ACTOR} in catalog files (for example
 * {@code PDQm:CONSUMER}) and read by {@link QualifiedKeyword}.
 */
public record ActorReference(String profileKeyword, String actorKeyword) {

	public ActorReference {
		Objects.requireNonNull(profileKeyword);
		Objects.requireNonNull(actorKeyword);
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
