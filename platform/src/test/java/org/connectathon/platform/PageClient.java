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
		PageClient client = signedOut(port);
		HttpResponse<String> signIn = client.signIn(username, Fixtures.PASSWORD);
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error").doesNotContain("wait"));
		return client;
	}

	/** A browser with an empty cookie jar, as a visitor of the public pages. */
	public static PageClient signedOut(int port) {
		return new PageClient(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), port);
	}

	/**
	 * Sends the sign-in form and answers its response: a redirect, to the sign-in page
	 * when refused.
	 */
	public HttpResponse<String> signIn(String username, String password) {
		return post("/login", "username=" + encode(username) + "&password=" + encode(password), "/login");
	}

	/** Sends a form to the path with the CSRF token of the page at {@code formPage}. */
	public HttpResponse<String> post(String path, String form, String formPage) {
		return submit(formPage, path, form);
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

	/**
	 * Submits a form of the page {@code formPage} as a browser would: with the session's
	 * CSRF token and the page as Referer, so that a refusal comes back to it. The answer
	 * is not followed.
	 */
	public HttpResponse<String> postForm(String formPage, String action, java.util.Map<String, String> fields) {
		StringBuilder form = new StringBuilder();
		fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
		return submit(formPage, action, form.substring(Math.min(1, form.length())));
	}

	private HttpResponse<String> submit(String formPage, String action, String form) {
		Matcher csrf = CSRF.matcher(get(formPage).body());
		assertThat(csrf.find()).as("a CSRF token on " + formPage).isTrue();
		return send(HttpRequest.newBuilder(url(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Referer", this.baseUrl + formPage)
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf.group(1))))
			.build(), HttpResponse.BodyHandlers.ofString());
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
