package org.connectathon.platform.registration;

import org.connectathon.platform.ListSort;
import org.jspecify.annotations.Nullable;

/**
 * Which systems of an event a list shows, and in which order; every filter is optional
 * and they all apply, within what the reader may see.
 *
 * @param text a {@code like} pattern, in lower case, for the system's or its
 * organization's name
 * @param profile the keyword of a profile the system is registered for
 * @param table a {@code like} pattern, in lower case, for the system's table location
 */
record SystemFilter(@Nullable String text, @Nullable SystemStatus status, @Nullable String profile,
		@Nullable Long organizationId, @Nullable String table, ListSort sort) {

}
