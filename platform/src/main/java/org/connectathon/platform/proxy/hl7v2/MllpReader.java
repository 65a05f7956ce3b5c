package org.connectathon.platform.proxy.hl7v2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.OffsetDateTime;

import ca.uhn.hl7v2.llp.MllpConstants;
import org.jspecify.annotations.Nullable;

/**
 * Reads MLLP frames from a connection, one message at a time, with the limits a relay
 * needs that HAPI's own reader ({@code MinLLPReader}) has not: a largest frame, a shorter
 * wait inside a frame than between frames, and the bytes of a frame that broke off, kept
 * for the capture (HAPI's reader drops them). Line ends between frames are tolerated, as
 * some senders add one; any other byte outside a frame is a framing error.
 */
final class MllpReader {

	private final Socket socket;

	private final InputStream in;

	private final int maximumBytes;

	private final int idleMillis;

	private final int frameMillis;

	private final ByteArrayOutputStream frame = new ByteArrayOutputStream();

	private OffsetDateTime frameStartedAt = OffsetDateTime.now();

	private long frameStartedNanos = System.nanoTime();

	private boolean inFrame;

	/**
	 * @param idle how long to wait for the next frame to begin
	 * @param withinFrame how long a frame may take from its first byte to its last
	 */
	MllpReader(Socket socket, int maximumBytes, Duration idle, Duration withinFrame) throws IOException {
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream());
		this.maximumBytes = maximumBytes;
		this.idleMillis = (int) Math.min(Integer.MAX_VALUE, idle.toMillis());
		this.frameMillis = (int) Math.min(Integer.MAX_VALUE, withinFrame.toMillis());
	}

	/**
	 * The next message, without its framing bytes; null when the peer closed the
	 * connection between frames.
	 * @throws SocketTimeoutException when no frame began, or a begun frame did not end,
	 * in time ({@link #partial()} tells which)
	 * @throws MllpFramingException on bytes that are not a frame, a connection closed
	 * inside a frame, or a frame longer than allowed
	 */
	byte @Nullable [] next() throws IOException {
		this.frame.reset();
		this.inFrame = false;
		this.socket.setSoTimeout(this.idleMillis);
		int first = this.in.read();
		while (first == '\r' || first == '\n') {
			first = this.in.read();
		}
		if (first < 0) {
			return null;
		}
		this.frameStartedAt = OffsetDateTime.now();
		this.frameStartedNanos = System.nanoTime();
		if (first != MllpConstants.START_BYTE) {
			this.frame.write(first);
			readAvailable();
			throw new MllpFramingException("The connection sent bytes that are not an MLLP frame: a frame begins with"
					+ " the byte 0x0B (vertical tab), the first byte was 0x" + String.format("%02X", first) + ".",
					false);
		}
		this.inFrame = true;
		this.socket.setSoTimeout(this.frameMillis);
		long deadline = this.frameStartedNanos + this.frameMillis * 1_000_000L;
		while (true) {
			int read = this.in.read();
			if (System.nanoTime() - deadline > 0) {
				// a peer that sends a byte now and then must not hold the connection
				// forever
				throw new SocketTimeoutException("The frame did not end within " + this.frameMillis + " ms.");
			}
			if (read < 0) {
				throw new MllpFramingException("The connection was closed inside a frame, after " + this.frame.size()
						+ " bytes of the message and before its end bytes 0x1C 0x0D.", false);
			}
			if (read == MllpConstants.END_BYTE1) {
				int next = this.in.read();
				if (next == MllpConstants.END_BYTE2) {
					this.inFrame = false;
					return this.frame.toByteArray();
				}
				throw new MllpFramingException("The frame's end byte 0x1C was not followed by 0x0D.", false);
			}
			if (this.frame.size() >= this.maximumBytes) {
				throw new MllpFramingException(
						"The message is longer than the " + this.maximumBytes + " bytes the proxy relays.", true);
			}
			this.frame.write(read);
		}
	}

	/**
	 * The bytes of the frame under way when {@link #next()} failed (for garbage, the
	 * bytes at hand), empty when none had come.
	 */
	byte[] partial() {
		return this.frame.toByteArray();
	}

	/**
	 * Whether a frame began and has not ended: a failure of {@link #next()} broke it off.
	 */
	boolean inFrame() {
		return this.inFrame;
	}

	/** When the last frame (or the bytes that were not one) began. */
	OffsetDateTime frameStartedAt() {
		return this.frameStartedAt;
	}

	/** Milliseconds since the last frame began. */
	int millisSinceFrameStarted() {
		return (int) ((System.nanoTime() - this.frameStartedNanos) / 1_000_000);
	}

	private void readAvailable() throws IOException {
		byte[] buffer = new byte[Math.min(this.maximumBytes, 4096)];
		int available = Math.min(this.in.available(), buffer.length);
		if (available > 0) {
			int read = this.in.read(buffer, 0, available);
			this.frame.write(buffer, 0, Math.max(read, 0));
		}
	}

	/** Writes one message in its MLLP frame and flushes. */
	static void write(OutputStream out, byte[] message) throws IOException {
		byte[] framed = new byte[message.length + 3];
		framed[0] = MllpConstants.START_BYTE;
		System.arraycopy(message, 0, framed, 1, message.length);
		framed[framed.length - 2] = MllpConstants.END_BYTE1;
		framed[framed.length - 1] = MllpConstants.END_BYTE2;
		out.write(framed);
		out.flush();
	}

}
