package org.connectathon.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript: signs in on the sign-in page and reads pages with its
 * session.
 */
public final class PageClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;

	private final String baseUrl;

	private PageClient(HttpClient http, int port) {
		this.http = http;
		this.baseUrl = "http://localhost:" + port;
	}

	/** Signed in with the password that {@link Fixtures} gives every user. */
	public static PageClient signedIn(int port, String username) {
		PageClient client = new PageClient(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), port);
		Matcher csrf = CSRF.matcher(client.get("/login").body());
		assertThat(csrf.find()).as("a CSRF token on the sign-in page").isTrue();
		HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(client.url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
					+ encode(Fixtures.PASSWORD) + "&_csrf=" + encode(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		return client;
	}

	/**
	 * The same browser, with its cookies, at another node of the platform (cookies go by
	 * host, not port).
	 */
	public PageClient atPort(int port) {
		return new PageClient(this.http, port);
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Opens a stream of server-sent events, as a page's htmx does: answers each event as
	 * it comes.
	 */
	public BlockingQueue<ServerSentEvent> serverSentEvents(String path) {
		BlockingQueue<ServerSentEvent> events = new LinkedBlockingQueue<>();
		String[] name = { "message" };
		this.http
			.sendAsync(HttpRequest.newBuilder(url(path)).header("Accept", "text/event-stream").build(),
					HttpResponse.BodyHandlers.ofLines())
			.thenAccept((response) -> response.body().forEach((line) -> {
				if (line.startsWith("event:")) {
					name[0] = line.substring("event:".length()).trim();
				}
				else if (line.startsWith("data:")) {
					events.add(new ServerSentEvent(name[0], line.substring("data:".length()).trim()));
					name[0] = "message";
				}
			}));
		return events;
	}

	/** One event of a stream: its name, and its data in one line. */
	public record ServerSentEvent(String name, String data) {

	}

	private URI url(String path) {
		return URI.create(this.baseUrl + path);
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return this.http.send(request, body);
		}
		catch (IOException exception) {
			throw new java.io.UncheckedIOException(exception);
		}
		catch (InterruptedException exception) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(exception);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
