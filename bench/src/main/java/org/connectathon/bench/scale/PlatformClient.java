package org.connectathon.bench.scale;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One user of the platform over HTTP, as a browser and a script would be: pages with the
 * session of a signed-in browser, the JSON API with the user's bearer token.
 */
final class PlatformClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String baseUrl;

	private final String token;

	private PlatformClient(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/**
	 * Signs in on the sign-in page, as a person would, and keeps the token for the API.
	 */
	static PlatformClient signIn(String baseUrl, String username, String password, String token)
			throws IOException, InterruptedException {
		PlatformClient client = new PlatformClient(baseUrl, token);
		Matcher csrf = CSRF.matcher(client.page("/login"));
		if (!csrf.find()) {
			throw new IllegalStateException("The sign-in page has no CSRF token");
		}
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<String> signedIn = client.http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Could not sign in as " + username + ": " + signedIn.statusCode());
		}
		return client;
	}

	/** A page of the signed-in browser; fails on anything but 200. */
	String page(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		return requireOk(path, response);
	}

	/**
	 * Answers null for 404, so that a caller can tell an endpoint that does not exist.
	 */
	JsonNode getOrNull(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(api(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 404) {
			return null;
		}
		return JSON.readTree(requireOk(path, response));
	}

	JsonNode get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(api(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(requireOk(path, response));
	}

	JsonNode post(String path, String json) throws IOException, InterruptedException {
		return send(path, api(path).POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	JsonNode put(String path, String json) throws IOException, InterruptedException {
		return send(path, api(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private JsonNode send(String path, HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(requireOk(path, response));
	}

	private HttpRequest.Builder api(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
	}

	private static String requireOk(String path, HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
		return response.body();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
