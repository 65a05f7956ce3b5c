package org.connectathon.platform.testing;

import org.connectathon.platform.ListSort;
import org.jspecify.annotations.Nullable;

/**
 * Which instances of an event a list shows, and in which order; every filter is optional
 * and they all apply.
 *
 * @param text a {@code like} pattern, in lower case, for the test's keyword or name, or a
 * taking part system's or organization's name
 * @param profile the keyword of a profile of the test's roles
 * @param organizationId an organization taking part
 * @param table a {@code like} pattern, in lower case, for a taking part system's table
 * @param involvedOrganizationId the signed-in user's organization, for "only mine"
 */
record TestInstanceFilter(@Nullable String text, @Nullable TestInstanceStatus status, @Nullable String profile,
		@Nullable Long organizationId, @Nullable String table, @Nullable Long involvedOrganizationId, ListSort sort) {

}
