package org.connectathon.platform.proxy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.proxy.Capture.SenderIdentification;
import org.jspecify.annotations.Nullable;

/**
 * An exchange as the proxy recorded it, before it is stored.
 *
 * @param messageType the SOAP action, or the HL7 v2 message's MSH-9; null for FHIR or
 * when the proxy could not read it on the exchange's path
 * @param transactionKeyword the catalog transaction the request is, which the capture
 * writer identifies ({@link CaptureIdentification}); null before
 */
public record NewCapture(long eventId, @Nullable Long endpointId, @Nullable Long receiverSystemId,
		@Nullable Long senderSystemId, @Nullable SenderIdentification senderIdentifiedBy, String clientAddress,
		OffsetDateTime startedAt, @Nullable Integer upstreamMillis, int totalMillis, String method, String url,
		String upstreamUrl, @Nullable Integer status, @Nullable String failure, @Nullable String resourceType,
		@Nullable String interaction, CapturedMessage request, CapturedMessage response, Protocol protocol,
		@Nullable String messageType, @Nullable String transactionKeyword) {

	/**
	 * Cuts each text to what the table keeps: the capture writer stores a batch at once,
	 * and one exchange with an odd method or a huge URL must not cost the others.
	 */
	public NewCapture {
		method = clip(method, 10);
		clientAddress = clip(clientAddress, 100);
		url = clip(url, 4000);
		upstreamUrl = clip(upstreamUrl, 4000);
		failure = clip(failure, 1000);
		resourceType = clip(resourceType, 64);
		interaction = clip(interaction, 20);
		messageType = clip(messageType, 300);
		transactionKeyword = clip(transactionKeyword, 64);
	}

	/** An exchange of FHIR REST, whose transaction is not identified yet. */
	public NewCapture(long eventId, @Nullable Long endpointId, @Nullable Long receiverSystemId,
			@Nullable Long senderSystemId, @Nullable SenderIdentification senderIdentifiedBy, String clientAddress,
			OffsetDateTime startedAt, @Nullable Integer upstreamMillis, int totalMillis, String method, String url,
			String upstreamUrl, @Nullable Integer status, @Nullable String failure, @Nullable String resourceType,
			@Nullable String interaction, CapturedMessage request, CapturedMessage response) {
		this(eventId, endpointId, receiverSystemId, senderSystemId, senderIdentifiedBy, clientAddress, startedAt,
				upstreamMillis, totalMillis, method, url, upstreamUrl, status, failure, resourceType, interaction,
				request, response, Protocol.FHIR, null, null);
	}

	/** The same exchange, with what the capture writer identified. */
	NewCapture identified(@Nullable String identifiedMessageType, @Nullable String identifiedTransaction) {
		return new NewCapture(this.eventId, this.endpointId, this.receiverSystemId, this.senderSystemId,
				this.senderIdentifiedBy, this.clientAddress, this.startedAt, this.upstreamMillis, this.totalMillis,
				this.method, this.url, this.upstreamUrl, this.status, this.failure, this.resourceType, this.interaction,
				this.request, this.response, this.protocol, identifiedMessageType, identifiedTransaction);
	}

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

	/** The text, cut with an ellipsis when it is longer than the column. */
	static @Nullable String clip(@Nullable String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

}
