package org.connectathon.platform.proxy;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Which captures of an event a list shows; every part is optional and they all apply.
 *
 * @param systemId captures sent or received by this system
 * @param status an HTTP status, or 0 for failed upstream calls
 */
public record CaptureFilter(@Nullable Long systemId, @Nullable Long testInstanceId, @Nullable Integer status,
		@Nullable OffsetDateTime from, @Nullable OffsetDateTime to, @Nullable String resourceType,
		@Nullable CaptureValidationStatus validationStatus) {

	public static CaptureFilter none() {
		return new CaptureFilter(null, null, null, null, null, null, null);
	}

}
