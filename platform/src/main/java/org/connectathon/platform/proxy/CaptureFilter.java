package org.connectathon.platform.proxy;

import java.time.OffsetDateTime;

import org.connectathon.platform.ListSort;
import org.jspecify.annotations.Nullable;

/**
 * Which captures of an event a list shows; every part is optional and they all apply.
 *
 * @param systemId captures sent or received by this system
 * @param status an HTTP status, or 0 for failed upstream calls
 * @param text a {@code like} pattern, in lower case, for the request's address
 * @param organizationId captures sent or received by this organization's systems
 * @param sort the order of a page
 */
public record CaptureFilter(@Nullable Long systemId, @Nullable Long testInstanceId, @Nullable Integer status,
		@Nullable OffsetDateTime from, @Nullable OffsetDateTime to, @Nullable String resourceType,
		@Nullable CaptureValidationStatus validationStatus, @Nullable String text, @Nullable Long organizationId,
		ListSort sort) {

	/** The order of a list of captures unless it asks for another: newest first. */
	public static final ListSort NEWEST_FIRST = ListSort.descending("id");

	public static CaptureFilter none() {
		return attachedTo(null);
	}

	/** The captures attached to the instance (any, for null), newest first. */
	public static CaptureFilter attachedTo(@Nullable Long testInstanceId) {
		return new CaptureFilter(null, testInstanceId, null, null, null, null, null, null, null, NEWEST_FIRST);
	}

}
