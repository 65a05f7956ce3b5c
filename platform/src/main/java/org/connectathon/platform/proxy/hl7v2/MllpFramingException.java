package org.connectathon.platform.proxy.hl7v2;

import java.io.IOException;

/**
 * The bytes on an MLLP connection are not a frame as MLLP defines it ({@code VT} message
 * {@code FS CR}), or a frame is longer than allowed: the connection cannot be read
 * further.
 */
class MllpFramingException extends IOException {

	private final boolean tooLarge;

	MllpFramingException(String message, boolean tooLarge) {
		super(message);
		this.tooLarge = tooLarge;
	}

	/** Whether the frame was well begun but longer than allowed. */
	boolean tooLarge() {
		return this.tooLarge;
	}

}
