package org.connectathon.platform.proxy;

import java.util.List;

/**
 * Captures that were just stored, published after their batch is written, for what
 * follows a capture: correlation to steps, validation, live pages.
 */
public record CapturesStored(List<Capture> captures) {

	public CapturesStored {
		captures = List.copyOf(captures);
	}

}
