package org.connectathon.platform.proxy;

import java.util.Base64;
import java.util.List;

import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.jspecify.annotations.Nullable;

/**
 * A capture with everything a detail view shows: its systems by name, both messages and
 * the issues of its validation.
 *
 * @param senderSystemName null when the sender is unknown or a system the reader may not
 * see
 * @param receiverSystemName likewise
 */
public record CaptureDetails(Capture capture, @Nullable String senderSystemName, @Nullable String receiverSystemName,
		Message request, Message response, List<CaptureIssue> validationIssues) {

	public CaptureDetails {
		validationIssues = List.copyOf(validationIssues);
	}

	/**
	 * The request or the response: headers as stored (credentials masked), and the body
	 * as text when it is text, else in base64.
	 *
	 * @param bodySize the size of the whole body as it crossed the proxy
	 * @param storedBodySize how many bytes of it were stored
	 * @param bodyTruncated whether the stored body holds less than {@code bodySize}
	 * @param bodyText the stored body when it is text, else null
	 * @param bodyBase64 the stored body in base64 when it is binary, else null
	 */
	public record Message(List<Header> headers, @Nullable String contentType, long bodySize, long storedBodySize,
			boolean bodyTruncated, @Nullable String bodyText, @Nullable String bodyBase64) {

		static Message of(CapturedMessage message) {
			String text = CapturedBodies.text(message.contentType(), message.body(), message.bodyTruncated());
			String base64 = (text == null && message.body() != null)
					? Base64.getEncoder().encodeToString(message.body()) : null;
			return new Message(message.headers(), message.contentType(), message.bodySize(),
					(message.body() != null) ? message.body().length : 0, message.bodyTruncated(), text, base64);
		}

	}

}
