package org.connectathon.platform.proxy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The request or the response of a capture as stored: headers with credentials masked,
 * and the body up to the configured limit.
 *
 * @param body the first bytes of the body, null when there was none
 * @param bodySize the size of the whole body as it crossed the proxy
 * @param bodyTruncated whether {@code body} holds less than {@code bodySize}
 */
public record CapturedMessage(List<Header> headers, @Nullable String contentType, byte @Nullable [] body, long bodySize,
		boolean bodyTruncated) {

	public CapturedMessage {
		headers = List.copyOf(headers);
		contentType = NewCapture.clip(contentType, 1000);
	}

	/** One header line, in the order it came; a repeated header gives several. */
	public record Header(String name, String value) {

	}

}
