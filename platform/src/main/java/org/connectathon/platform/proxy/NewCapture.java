package org.connectathon.platform.proxy;

import java.time.OffsetDateTime;

import org.connectathon.platform.proxy.Capture.SenderIdentification;
import org.jspecify.annotations.Nullable;

/** An exchange as the proxy recorded it, before it is stored. */
public record NewCapture(long eventId, @Nullable Long endpointId, @Nullable Long receiverSystemId,
		@Nullable Long senderSystemId, @Nullable SenderIdentification senderIdentifiedBy, String clientAddress,
		OffsetDateTime startedAt, @Nullable Integer upstreamMillis, int totalMillis, String method, String url,
		String upstreamUrl, @Nullable Integer status, @Nullable String failure, @Nullable String resourceType,
		@Nullable String interaction, CapturedMessage request, CapturedMessage response) {

}
