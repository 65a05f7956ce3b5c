package org.connectathon.platform.registration;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The actors form of the system page: the checked actors, {@code PROFILE:ACTOR}, and how
 * thoroughly they are tested; each actor's option comes in its own field.
 */
record ActorsPageForm(@Nullable List<String> actors, @Nullable TestingType testingType) {

	static final ActorsPageForm EMPTY = new ActorsPageForm(List.of(), TestingType.THOROUGH);

}
