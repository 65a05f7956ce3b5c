package org.connectathon.platform.proxy.hl7v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A test's HL7 v2 sender: a real socket that writes MLLP frames and reads the answers.
 */
final class MllpClient implements AutoCloseable {

	private final Socket socket;

	private final MllpReader reader;

	MllpClient(int port) throws IOException {
		this.socket = new Socket();
		this.socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		this.reader = new MllpReader(this.socket, 10 * 1024 * 1024, Duration.ofSeconds(20), Duration.ofSeconds(20));
	}

	/**
	 * Sends the message and waits for the answer; null when the connection was closed.
	 */
	@Nullable String send(String message) throws IOException {
		MllpReader.write(this.socket.getOutputStream(), message.getBytes(StandardCharsets.UTF_8));
		return answer();
	}

	@Nullable String answer() throws IOException {
		byte[] answer = this.reader.next();
		return (answer != null) ? new String(answer, StandardCharsets.UTF_8) : null;
	}

	/** Writes bytes as they are, framed or not. */
	void sendRaw(byte[] bytes) throws IOException {
		OutputStream out = this.socket.getOutputStream();
		out.write(bytes);
		out.flush();
	}

	/**
	 * Whether the other side closed the connection (reads its end within the time given).
	 */
	boolean closedWithin(Duration wait) throws IOException {
		this.socket.setSoTimeout((int) wait.toMillis());
		InputStream in = this.socket.getInputStream();
		try {
			while (true) {
				if (in.read() < 0) {
					return true;
				}
			}
		}
		catch (SocketTimeoutException stillOpen) {
			return false;
		}
		catch (SocketException reset) {
			return true;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
