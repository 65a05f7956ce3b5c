package org.connectathon.platform.web;

/**
 * A request body that went past its limit while it was being read (a body sent without
 * {@code Content-Length}, in chunks). Unchecked, so that no reader on the way (Spring's
 * message converters, HAPI FHIR) mistakes it for a malformed body; it reaches
 * {@link RequestSizeLimitFilter}, which answers 413.
 */
public class RequestBodyTooLargeException extends RuntimeException {

	private final long maximumBytes;

	RequestBodyTooLargeException(long maximumBytes) {
		super("The request body is larger than the " + maximumBytes + " bytes accepted here.");
		this.maximumBytes = maximumBytes;
	}

	public long maximumBytes() {
		return this.maximumBytes;
	}

	/** This exception when it is the throwable or one of its causes. */
	public static java.util.Optional<RequestBodyTooLargeException> in(Throwable throwable) {
		for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLargeException tooLarge) {
				return java.util.Optional.of(tooLarge);
			}
		}
		return java.util.Optional.empty();
	}

}
