package org.connectathon.platform.proxy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.proxy.Capture.SenderIdentification;
import org.jspecify.annotations.Nullable;

/** An exchange as the proxy recorded it, before it is stored. */
public record NewCapture(long eventId, @Nullable Long endpointId, @Nullable Long receiverSystemId,
		@Nullable Long senderSystemId, @Nullable SenderIdentification senderIdentifiedBy, String clientAddress,
		OffsetDateTime startedAt, @Nullable Integer upstreamMillis, int totalMillis, String method, String url,
		String upstreamUrl, @Nullable Integer status, @Nullable String failure, @Nullable String resourceType,
		@Nullable String interaction, CapturedMessage request, CapturedMessage response) {

	/**
	 * An exchange that a script run forwarded for a client under test, in the proxy's
	 * format: credentials masked as the proxy masks them, FHIR interaction read from the
	 * path. Each body is kept up to {@code maxBody} bytes, its size counted whole.
	 * @param path the path and query the client sent, after the listening address
	 * @param status the destination's status, or the 502 the client got when it failed
	 * @param failure why the destination gave no answer, null when it answered
	 */
	public static NewCapture forwardedForClient(long eventId, @Nullable Long receiverSystemId,
			@Nullable Long senderSystemId, String clientAddress, OffsetDateTime startedAt, int totalMillis,
			String method, String path, String upstreamUrl, int status, @Nullable String failure,
			Map<String, List<String>> requestHeaders, byte[] requestBody, Map<String, List<String>> responseHeaders,
			byte[] responseBody, int maxBody) {
		FhirInteraction interaction = FhirInteraction.of(method, path);
		return new NewCapture(eventId, null, receiverSystemId, senderSystemId, null, clientAddress, startedAt,
				(failure == null) ? totalMillis : null, totalMillis, method, path, upstreamUrl, status, failure,
				interaction.resourceType(), interaction.interaction(), message(requestHeaders, requestBody, maxBody),
				message(responseHeaders, responseBody, maxBody));
	}

	private static CapturedMessage message(Map<String, List<String>> headers, byte[] body, int maxBody) {
		List<CapturedMessage.Header> headersKept = new ArrayList<>();
		String contentType = null;
		for (Map.Entry<String, List<String>> header : headers.entrySet()) {
			for (String value : header.getValue()) {
				headersKept.add(ProxyHeaders.captured(header.getKey(), value));
				if (header.getKey().equalsIgnoreCase("Content-Type") && contentType == null) {
					contentType = value;
				}
			}
		}
		boolean truncated = body.length > maxBody;
		byte[] kept = truncated ? Arrays.copyOf(body, maxBody) : body;
		return new CapturedMessage(headersKept, contentType, (body.length == 0) ? null : kept, body.length, truncated);
	}

}
