package org.connectathon.platform.testing;

import org.jspecify.annotations.Nullable;

/** Equivalent tests of an event, whose verified instances count together when grading. */
public record MetaTest(long id, long eventId, String keyword, String name, @Nullable String description) {

}
