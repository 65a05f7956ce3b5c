package org.connectathon.platform.proxy;

import java.io.ByteArrayOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * The copy of a body that a capture keeps while the body streams through the proxy: the
 * first bytes up to the configured size, and the size of the whole body however large.
 */
final class BodyCapture {

	private final int maximumBytes;

	private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

	private long size;

	BodyCapture(int maximumBytes) {
		this.maximumBytes = maximumBytes;
	}

	void add(byte[] buffer, int offset, int length) {
		this.size += length;
		int room = this.maximumBytes - this.kept.size();
		if (room > 0) {
			this.kept.write(buffer, offset, Math.min(room, length));
		}
	}

	long size() {
		return this.size;
	}

	boolean truncated() {
		return this.size > this.kept.size();
	}

	/** The bytes kept, or null when no byte crossed. */
	byte @Nullable [] body() {
		return (this.size == 0) ? null : this.kept.toByteArray();
	}

}
