package org.connectathon.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;

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
					response.body());
		}
		catch (IOException | InterruptedException exception) {
			throw new IllegalStateException(method + " " + path + " failed", exception);
		}
	}

	/**
	 * An answer of the API: status, content type and body, with the body parsed on
	 * demand.
	 */
	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
