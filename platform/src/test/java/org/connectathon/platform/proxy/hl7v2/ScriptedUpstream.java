package org.connectathon.platform.proxy.hl7v2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A test's HL7 v2 endpoint on the loopback address, answering each message as the test
 * scripts it: with a given acknowledgement, or not at all (a peer that hangs).
 */
final class ScriptedUpstream implements AutoCloseable {

	private final ServerSocket server;

	/**
	 * @param answer the answer to a message, null to keep silent
	 */
	ScriptedUpstream(UnaryOperator<@Nullable String> answer) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					Thread connection = new Thread(() -> serve(socket, answer));
					connection.setDaemon(true);
					connection.start();
				}
				catch (IOException closed) {
					return;
				}
			}
		}, "scripted-upstream");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String baseUrl() {
		return "mllp://127.0.0.1:" + this.server.getLocalPort();
	}

	private static void serve(Socket socket, UnaryOperator<@Nullable String> answer) {
		try (socket) {
			MllpReader reader = new MllpReader(socket, 1024 * 1024, Duration.ofMinutes(1), Duration.ofMinutes(1));
			byte[] message;
			while ((message = reader.next()) != null) {
				String reply = answer.apply(new String(message, StandardCharsets.UTF_8));
				if (reply != null) {
					MllpReader.write(socket.getOutputStream(), reply.getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException gone) {
			// the relay closed its side
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
