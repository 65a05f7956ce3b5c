package org.connectathon.platform.proxy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A capture as evidence of a step, as the instance page and the monitor's view show it:
 * the capture, the names of its systems among the instance's participants (the sender's
 * null when the proxy could not tell it), the issues its validation found, and whether
 * the reader may detach it.
 */
public record AttachedCapture(Capture capture, @Nullable String senderName, @Nullable String receiverName,
		List<CaptureIssue> issues, boolean detachable) {

	public AttachedCapture {
		issues = List.copyOf(issues);
	}

	/** The errors and fatal issues, which the step shows beside the exchange. */
	public List<CaptureIssue> errors() {
		return this.issues.stream().filter(CaptureIssue::isError).toList();
	}

}
