package org.connectathon.bench;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An HTTP client that first sends through a real one and records each response as text;
 * after {@link #replay()} it answers the requests with the recorded responses in turn,
 * over and over, without network or server. Running the same script through it measures
 * the TestScript engine's own work alone. Bodies are always given as strings, which is
 * what the engine asks for; one thread at a time.
 */
final class ReplayingHttpClient extends HttpClient {

	private record Recorded(int status, Map<String, List<String>> headers, String body) {
	}

	private final HttpClient real;

	private final List<Recorded> recorded = new ArrayList<>();

	private boolean replaying;

	private int next;

	ReplayingHttpClient(HttpClient real) {
		this.real = real;
	}

	/** From now on, answers with the recorded responses, starting with the first. */
	void replay() {
		if (this.recorded.isEmpty()) {
			throw new IllegalStateException("nothing was recorded");
		}
		this.replaying = true;
		this.next = 0;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
			throws IOException, InterruptedException {
		if (!this.replaying) {
			HttpResponse<String> response = this.real.send(request, HttpResponse.BodyHandlers.ofString());
			this.recorded.add(new Recorded(response.statusCode(), response.headers().map(), response.body()));
			return (HttpResponse<T>) response;
		}
		Recorded answer = this.recorded.get(this.next);
		this.next = (this.next + 1) % this.recorded.size();
		return (HttpResponse<T>) new ReplayedResponse(request, answer.status(),
				HttpHeaders.of(answer.headers(), (name, value) -> true), answer.body());
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		throw new UnsupportedOperationException("the engine sends synchronously");
	}

	@Override
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
			HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
		throw new UnsupportedOperationException("the engine sends synchronously");
	}

	@Override
	public Optional<CookieHandler> cookieHandler() {
		return this.real.cookieHandler();
	}

	@Override
	public Optional<Duration> connectTimeout() {
		return this.real.connectTimeout();
	}

	@Override
	public Redirect followRedirects() {
		return this.real.followRedirects();
	}

	@Override
	public Optional<ProxySelector> proxy() {
		return this.real.proxy();
	}

	@Override
	public SSLContext sslContext() {
		return this.real.sslContext();
	}

	@Override
	public SSLParameters sslParameters() {
		return this.real.sslParameters();
	}

	@Override
	public Optional<Authenticator> authenticator() {
		return this.real.authenticator();
	}

	@Override
	public Version version() {
		return this.real.version();
	}

	@Override
	public Optional<Executor> executor() {
		return this.real.executor();
	}

	private record ReplayedResponse(HttpRequest request, int statusCode, HttpHeaders headers,
			String body) implements HttpResponse<String> {

		@Override
		public Optional<HttpResponse<String>> previousResponse() {
			return Optional.empty();
		}

		@Override
		public Optional<SSLSession> sslSession() {
			return Optional.empty();
		}

		@Override
		public URI uri() {
			return this.request.uri();
		}

		@Override
		public Version version() {
			return Version.HTTP_1_1;
		}

	}

}
