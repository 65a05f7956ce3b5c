package org.connectathon.platform.catalog;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An actor or a transaction of a profile, written {@code PROFILE:KEYWORD} (for example
 * {@code PDQm:CONSUMER} or {@code MHD:ITI-65}) wherever several profiles meet: catalog
 * files, test plans, forms. The one reader of that form.
 */
public record QualifiedKeyword(String profileKeyword, String keyword) {

	public QualifiedKeyword {
		Objects.requireNonNull(profileKeyword, "profileKeyword");
		Objects.requireNonNull(keyword, "keyword");
	}

	/**
	 * Reads {@code PROFILE:KEYWORD}, ignoring spaces around either part.
	 * @return empty when the text is missing, has no colon, or either part is blank
	 */
	public static Optional<QualifiedKeyword> parse(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		int colon = text.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		String profile = text.substring(0, colon).strip();
		String keyword = text.substring(colon + 1).strip();
		if (profile.isEmpty() || keyword.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new QualifiedKeyword(profile, keyword));
	}

	/**
	 * Reads {@code PROFILE:KEYWORD}, or a bare {@code KEYWORD} of the given profile, as a
	 * catalog file names the actors of the profile it describes.
	 * @return empty when the text is missing or blank, or a part of the qualified form is
	 * blank
	 */
	public static Optional<QualifiedKeyword> parse(@Nullable String text, String currentProfileKeyword) {
		if (text != null && !text.isBlank() && text.indexOf(':') < 0) {
			return Optional.of(new QualifiedKeyword(currentProfileKeyword, text.strip()));
		}
		return parse(text);
	}

	/** This keyword as an actor of its profile. */
	public ActorReference actor() {
		return new ActorReference(this.profileKeyword, this.keyword);
	}

	@Override
	public String toString() {
		return this.profileKeyword + ":" + this.keyword;
	}

}
