package org.connectathon.platform.testing;

import org.connectathon.platform.ListSort;
import org.jspecify.annotations.Nullable;

/**
 * Which tests of an event a list shows, and in which order; every filter is optional and
 * they all apply.
 *
 * @param text a {@code like} pattern, in lower case, for the test's keyword or name
 * @param profile the keyword of a profile of the test's roles
 */
record TestFilter(@Nullable String text, @Nullable TestType type, @Nullable String profile, ListSort sort) {

}
