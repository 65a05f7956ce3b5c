package org.connectathon.platform.evidence;

import org.connectathon.platform.ListSort;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.jspecify.annotations.Nullable;

/**
 * Which evidence of an event a list shows, and in which order; every filter is optional
 * and they all apply, within what the reader may see.
 *
 * @param text a {@code like} pattern, in lower case, for the file name, the comment or
 * description, or the test's keyword or name
 * @param kind the kind of evidence
 * @param status the status of the instance the evidence is attached to
 * @param profile the keyword of a profile of the test's roles
 * @param organizationId an organization taking part in the instance
 * @param table a {@code like} pattern, in lower case, for a taking part system's table
 * @param visibility what the reader may see
 */
record EvidenceFilter(@Nullable String text, @Nullable EvidenceKind kind, @Nullable TestInstanceStatus status,
		@Nullable String profile, @Nullable Long organizationId, @Nullable String table, EvidenceVisibility visibility,
		ListSort sort) {

}
