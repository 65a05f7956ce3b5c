package org.connectathon.engine.testscript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A listening address where clients under test send their requests, for one or more
 * origins of a script. A request goes to the origin its {@value #ORIGIN_HEADER} header
 * names, else to the listener's only origin. It waits there, its connection held, until
 * the run takes it ({@link ClientExchanges}) and answers with what the destination said,
 * or until {@code patience} has passed: then the client gets a 503 OperationOutcome.
 * <p>
 * Built on the JDK's own HTTP server ({@code com.sun.net.httpserver}): it is part of
 * every JDK, adds no dependency to the engine, and the engine's tests already use it; the
 * reference server's embedded Tomcat would bring a servlet container to a library that
 * only needs to hold a few connections. Listeners outlive runs: one listener serves every
 * script of a CLI run, one after the other.
 */
public final class ClientListener implements AutoCloseable {

	/** The header that names the origin of a request, when a listener has several. */
	public static final String ORIGIN_HEADER = "X-Connectathon-Origin";

	/** The largest request body forwarded by default: 10 MB. */
	public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

	static {
		// The JDK's server writes a response's headers and body apart; with Nagle's
		// algorithm the body then waits for the client's delayed ACK, some 40 ms an
		// exchange. The property is read once, when the JDK's server is first used.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final Map<Integer, BlockingQueue<PendingRequest>> queues = new LinkedHashMap<>();

	private final int maxBodyBytes;

	private final Duration patience;

	private final URI baseUrl;

	/**
	 * Requests being read or answered: closing waits for them, since the run's last
	 * answer is handed over before the listener's thread has written it.
	 */
	private final AtomicInteger answering = new AtomicInteger();

	private ClientListener(HttpServer server, ExecutorService executor, Set<Integer> origins, int maxBodyBytes,
			Duration patience, URI baseUrl) {
		this.server = server;
		this.executor = executor;
		origins.forEach(origin -> this.queues.put(origin, new LinkedBlockingQueue<>()));
		this.maxBodyBytes = maxBodyBytes;
		this.patience = patience;
		this.baseUrl = baseUrl;
	}

	/**
	 * Starts listening.
	 * @param address where to listen; port 0 for any free port
	 * @param origins the script origins whose requests come here
	 * @param maxBodyBytes the largest request body taken; a larger one gets 413
	 * @param patience how long a request waits for the run to take it
	 * @throws ClientListenerException when the address cannot be listened on
	 */
	public static ClientListener start(InetSocketAddress address, Set<Integer> origins, int maxBodyBytes,
			Duration patience) {
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(patience, "patience");
		if (origins.isEmpty()) {
			throw new IllegalArgumentException("a client listener needs at least one origin");
		}
		HttpServer server;
		try {
			server = HttpServer.create(address, 64);
		}
		catch (BindException ex) {
			throw new ClientListenerException("CTN-3070: cannot listen for the client at " + address.getHostString()
					+ ":" + address.getPort() + ": the port is in use or may not be used (" + ex.getMessage() + ")");
		}
		catch (IOException ex) {
			throw new ClientListenerException("CTN-3070: cannot listen for the client at " + address.getHostString()
					+ ":" + address.getPort() + ": " + ex.getMessage());
		}
		ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "client-listener-" + server.getAddress().getPort());
			thread.setDaemon(true);
			return thread;
		});
		ClientListener listener = new ClientListener(server, executor, new TreeSet<>(origins), maxBodyBytes, patience,
				baseUrl(address, server.getAddress().getPort()));
		server.createContext("/", listener::handle);
		server.setExecutor(executor);
		server.start();
		return listener;
	}

	/** The base URL clients send to: {@code http://HOST:PORT}. */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/** The origins whose requests come here. */
	public Set<Integer> origins() {
		return this.queues.keySet();
	}

	/**
	 * The next request of the origin that the listener has not given up on, waiting up to
	 * {@code wait}; {@code null} when none came.
	 */
	PendingRequest next(int origin, Duration wait) throws InterruptedException {
		BlockingQueue<PendingRequest> queue = this.queues.get(origin);
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			PendingRequest pending = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (pending == null || pending.refusal() != null || pending.take()) {
				return pending;
			}
		}
	}

	/**
	 * Stops listening; clients still waiting get a 503, and answers being written are
	 * finished first (for up to five seconds).
	 */
	@Override
	public void close() {
		for (BlockingQueue<PendingRequest> queue : this.queues.values()) {
			List<PendingRequest> left = new ArrayList<>();
			queue.drainTo(left);
			for (PendingRequest pending : left) {
				if (pending.take()) {
					pending.answer(ClientAnswers.operationOutcome(503, "transient",
							"the test run is over; this request was not forwarded"));
				}
			}
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.answering.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.answering.incrementAndGet();
		try {
			Integer origin = origin(exchange);
			if (origin == null) {
				send(exchange, ClientAnswers.operationOutcome(400, "invalid", "CTN-3076: this address takes "
						+ "requests of origins " + origins() + "; name one with header " + ORIGIN_HEADER));
				return;
			}
			ClientRequest request = read(exchange);
			BlockingQueue<PendingRequest> queue = this.queues.get(origin);
			if (request == null) {
				String refusal = "CTN-3074: " + exchange.getRequestMethod() + " " + exchange.getRequestURI()
						+ " was refused: its body is over the limit of " + this.maxBodyBytes + " bytes";
				queue.add(PendingRequest.refused(new ClientRequest(exchange.getRequestMethod(),
						exchange.getRequestURI().toString(), Map.of(), new byte[0]), refusal));
				send(exchange, ClientAnswers.operationOutcome(413, "too-costly", refusal));
				return;
			}
			PendingRequest pending = PendingRequest.waiting(request);
			queue.add(pending);
			ForwardedResponse response = pending.await(this.patience);
			if (response == null) {
				send(exchange,
						ClientAnswers.operationOutcome(503, "transient",
								"CTN-3075: " + request.summary() + " was not forwarded: no test waited for a request "
										+ "of origin " + origin + " within " + this.patience.toSeconds() + " s"));
				return;
			}
			send(exchange, response);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
			this.answering.decrementAndGet();
		}
	}

	private Integer origin(HttpExchange exchange) {
		String named = exchange.getRequestHeaders().getFirst(ORIGIN_HEADER);
		if (named == null) {
			return this.queues.size() == 1 ? this.queues.keySet().iterator().next() : null;
		}
		try {
			int origin = Integer.parseInt(named.trim());
			return this.queues.containsKey(origin) ? origin : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The request, or {@code null} when its body is over the limit. */
	private ClientRequest read(HttpExchange exchange) throws IOException {
		String length = exchange.getRequestHeaders().getFirst("Content-Length");
		if (length != null && length.trim().matches("\\d{1,18}") && Long.parseLong(length.trim()) > this.maxBodyBytes) {
			return null;
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try (InputStream in = exchange.getRequestBody()) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				body.write(buffer, 0, read);
				if (body.size() > this.maxBodyBytes) {
					return null;
				}
			}
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!HopByHopHeaders.contains(name) && !name.equalsIgnoreCase(ORIGIN_HEADER)) {
				headers.put(name, List.copyOf(values));
			}
		});
		return new ClientRequest(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
				exchange.getRequestURI().toString(), headers, body.toByteArray());
	}

	private static void send(HttpExchange exchange, ForwardedResponse response) throws IOException {
		response.headers().forEach((name, values) -> {
			if (!HopByHopHeaders.contains(name)) {
				exchange.getResponseHeaders().put(name, new ArrayList<>(values));
			}
		});
		boolean empty = response.body().length == 0 || response.status() == 204 || response.status() == 304
				|| exchange.getRequestMethod().equalsIgnoreCase("HEAD");
		exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
		if (!empty) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response.body());
			}
		}
	}

	private static URI baseUrl(InetSocketAddress address, int port) {
		String host = address.getHostString();
		if (address.getAddress() != null && address.getAddress().isAnyLocalAddress()) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				host = "localhost";
			}
		}
		if (host.contains(":")) {
			host = "[" + host + "]";
		}
		return URI.create("http://" + host + ":" + port);
	}

}
