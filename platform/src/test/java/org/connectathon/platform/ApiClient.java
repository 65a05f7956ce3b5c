package org.connectathon.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the platform's JSON API over real HTTP, as a script of an organizer would. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String token;

	public ApiClient(int port, String token) {
		this.baseUrl = "http://localhost:" + port;
		this.token = token;
	}

	public ApiClient anonymous() {
		return new ApiClient(Integer.parseInt(this.baseUrl.substring(this.baseUrl.lastIndexOf(':') + 1)), null);
	}

	public Response get(String path) {
		return send("GET", path, BodyPublishers.noBody(), null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
	}

	public Response postText(String path, String body, String contentType) {
		return send("POST", path, BodyPublishers.ofString(body), contentType);
	}

	public Response postBytes(String path, byte[] body, String contentType) {
		return send("POST", path, BodyPublishers.ofByteArray(body), contentType);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
	}

	public Response delete(String path) {
		return send("DELETE", path, BodyPublishers.noBody(), null);
	}

	/**
	 * Sends a body of {@code totalBytes} in chunks ({@code Transfer-Encoding: chunked},
	 * no {@code Content-Length}) over a raw socket: {@code start}, then filler bytes.
	 * Sending stops as soon as the answer arrives or the server closes the connection, so
	 * the answer tells how much of the body the server let in before answering.
	 */
	public ChunkedResponse postChunked(String path, String contentType, byte[] start, long totalBytes) {
		return postOverSocket(path, contentType, start, totalBytes, true);
	}

	/**
	 * Like {@link #postChunked}, with the size declared in a {@code Content-Length} and
	 * asking for HTML, as a browser sends a form: the body is sent only as far as the
	 * server lets it in.
	 */
	public ChunkedResponse postDeclared(String path, String contentType, byte[] start, long totalBytes) {
		return postOverSocket(path, contentType, start, totalBytes, false);
	}

	private ChunkedResponse postOverSocket(String path, String contentType, byte[] start, long totalBytes,
			boolean chunked) {
		int port = Integer.parseInt(this.baseUrl.substring(this.baseUrl.lastIndexOf(':') + 1));
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			AtomicBoolean answered = new AtomicBoolean();
			CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> {
				byte[] buffer = new byte[8192];
				try {
					for (int read = socket.getInputStream().read(buffer); read >= 0; read = socket.getInputStream()
						.read(buffer)) {
						synchronized (received) {
							received.write(buffer, 0, read);
						}
						answered.set(true);
					}
				}
				catch (IOException reset) {
					// a connection reset after the answer: what was received stands
				}
			});
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
					+ (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + totalBytes)
					+ "\r\nConnection: close\r\n" + (chunked ? "" : "Accept: text/html\r\n")
					+ ((this.token != null) ? "Authorization: Bearer " + this.token + "\r\n" : "") + "\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			byte[] filler = new byte[64 * 1024];
			Arrays.fill(filler, (byte) ' ');
			long sent = 0;
			try {
				while (sent < totalBytes && !answered.get()) {
					byte[] chunk = (sent == 0) ? start : filler;
					int length = (int) Math.min(chunk.length, totalBytes - sent);
					if (chunked) {
						out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
					}
					out.write(chunk, 0, length);
					if (chunked) {
						out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
					}
					sent += length;
				}
				if (chunked && sent == totalBytes) {
					out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
				}
				out.flush();
				// Tomcat swallows what follows a refused body until the body ends or the
				// connection closes: ending it here lets the server close at once.
				socket.shutdownOutput();
			}
			catch (IOException closedWhileSending) {
				// the server answered and closed the connection: what was sent is the
				// measure
			}
			answer.get(60, TimeUnit.SECONDS);
			String response;
			synchronized (received) {
				response = received.toString(StandardCharsets.ISO_8859_1);
			}
			int status = response.isEmpty() ? 0 : Integer.parseInt(response.substring(9, 12));
			int headersEnd = response.indexOf("\r\n\r\n");
			return new ChunkedResponse(status, (headersEnd < 0) ? "" : response.substring(headersEnd + 4), sent);
		}
		catch (IOException | InterruptedException | ExecutionException | TimeoutException exception) {
			throw new IllegalStateException("POST " + path + " over a socket failed", exception);
		}
	}

	private Response send(String method, String path, BodyPublisher body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).method(method, body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		try {
			var response = HTTP.send(request.build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers());
		}
		catch (IOException | InterruptedException exception) {
			throw new IllegalStateException(method + " " + path + " failed", exception);
		}
	}

	/**
	 * An answer to a body sent over a socket: status, the raw body (chunked itself, when
	 * the server chunks it) and how many bytes of the body had been sent when it came.
	 */
	public record ChunkedResponse(int status, String body, long bytesSent) {

	}

	/**
	 * An answer of the API: status, content type, body and headers, with the body parsed
	 * on demand.
	 */
	public record Response(int status, String contentType, String body, HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
