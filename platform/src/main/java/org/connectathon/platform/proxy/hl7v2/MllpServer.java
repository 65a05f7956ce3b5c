package org.connectathon.platform.proxy.hl7v2;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A listening port that hands each accepted connection to a handler on a shared, bounded
 * executor: when every thread of it is busy, the new connection is closed at once rather
 * than queued, so that no number of connections can exhaust the node.
 */
final class MllpServer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(MllpServer.class);

	private final ServerSocket serverSocket;

	private final Thread acceptor;

	/**
	 * Binds the port (0 for any free one) on every interface and starts accepting.
	 * @throws IOException when the port cannot be bound (another program holds it)
	 */
	MllpServer(String name, int port, ExecutorService connections, Consumer<Socket> handler) throws IOException {
		this.serverSocket = new ServerSocket();
		this.serverSocket.setReuseAddress(true);
		this.serverSocket.bind(new InetSocketAddress(port));
		this.acceptor = new Thread(() -> accept(connections, handler), name);
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	private void accept(ExecutorService connections, Consumer<Socket> handler) {
		while (!this.serverSocket.isClosed()) {
			Socket socket;
			try {
				socket = this.serverSocket.accept();
			}
			catch (IOException closedOrFailed) {
				if (!this.serverSocket.isClosed()) {
					logger.warn("Port " + port() + " stopped accepting connections", closedOrFailed);
				}
				return;
			}
			try {
				connections.execute(() -> {
					try (socket) {
						handler.accept(socket);
					}
					catch (IOException closing) {
						logger.debug("Could not close an MLLP connection", closing);
					}
				});
			}
			catch (RejectedExecutionException busy) {
				logger.warn("Too many MLLP connections at once: closing a new one on port " + port());
				closeQuietly(socket);
			}
		}
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException closing) {
			logger.debug("Could not close port " + port(), closing);
		}
	}

	static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// closing a connection the peer may already have closed
		}
	}

}
