package org.connectathon.platform.proxy;

import java.time.OffsetDateTime;

import org.connectathon.platform.catalog.Protocol;
import org.jspecify.annotations.Nullable;

/**
 * One exchange that the proxy forwarded, without its headers and bodies (which
 * {@link CapturedMessage} holds, fetched on their own): what lists and filters show.
 *
 * @param url the path and query that the client sent after the proxy base
 * @param upstreamUrl where the proxy sent them
 * @param upstreamMillis until the upstream's answer headers, null when it gave none
 * @param status the upstream's status, or the proxy's own 502 or 504 when it failed
 * @param failure why the upstream call failed, null when it answered
 * @param messageType the SOAP action, or the HL7 v2 message's MSH-9 ({@code ADT^A01});
 * null for FHIR or when it could not be read
 * @param transactionKeyword the catalog transaction ({@code XCA:ITI-38}) that the request
 * is, null when none or several match
 */
public record Capture(long id, long eventId, @Nullable Long endpointId, @Nullable Long receiverSystemId,
		@Nullable Long senderSystemId, @Nullable SenderIdentification senderIdentifiedBy, String clientAddress,
		OffsetDateTime startedAt, @Nullable Integer upstreamMillis, int totalMillis, String method, String url,
		String upstreamUrl, @Nullable Integer status, @Nullable String failure, @Nullable String resourceType,
		@Nullable String interaction, long requestBodySize, boolean requestBodyTruncated, long responseBodySize,
		boolean responseBodyTruncated, @Nullable Long testInstanceId, @Nullable Integer stepIndex,
		@Nullable Attachment attachedBy, CaptureValidationStatus validationStatus, @Nullable Integer validationErrors,
		@Nullable Integer validationWarnings, Protocol protocol, @Nullable String messageType,
		@Nullable String transactionKeyword) {

	/** How the proxy knew the sending system. */
	public enum SenderIdentification {

		/** The request carried the system's capture token. */
		SYSTEM_TOKEN,

		/** The request came from a client address that the system registered. */
		CLIENT_ADDRESS

	}

	/** How a capture came to be evidence of a step. */
	public enum Attachment {

		/** The platform matched it to a running instance's step. */
		CORRELATION,

		/** A participant of the instance or its monitor attached it. */
		HAND

	}

}
