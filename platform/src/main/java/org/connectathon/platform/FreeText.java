package org.connectathon.platform;

import org.jspecify.annotations.Nullable;

/**
 * Text that people may leave empty (comments, reasons, evidence notes): stored without
 * surrounding spaces, and as null when there is nothing in it, so that "no comment" has
 * one form.
 */
public final class FreeText {

	private FreeText() {
	}

	public static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
