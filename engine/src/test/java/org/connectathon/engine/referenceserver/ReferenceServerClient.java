package org.connectathon.engine.referenceserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real R4 reference server on a free port and the HTTP calls the search tests make to
 * it.
 */
final class ReferenceServerClient implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ReferenceServerLauncher launcher;

	private ReferenceServerClient(ReferenceServerLauncher launcher) {
		this.launcher = launcher;
	}

	static ReferenceServerClient startR4() {
		return start(new ReferenceServer(FhirContext.forR4Cached()));
	}

	static ReferenceServerClient start(ReferenceServer server) {
		return new ReferenceServerClient(ReferenceServerLauncher.start(server, 0));
	}

	ReferenceServer server() {
		return this.launcher.server();
	}

	String baseUrl() {
		return this.launcher.baseUrl();
	}

	/** Stores resources under their own ids: {@code PUT Type/id} for each. */
	void put(String... resources) {
		for (String json : resources) {
			var resource = FhirContext.forR4Cached().newJsonParser().parseResource(json);
			String path = "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			HttpResponse<String> response = send("PUT", path, json);
			assertThat(response.statusCode()).as("PUT %s: %s", path, response.body()).isIn(200, 201);
		}
	}

	/** A search that must succeed, such as {@code Patient?name=x}. */
	Bundle search(String query) {
		HttpResponse<String> response = send("GET", "/" + query, null);
		assertThat(response.statusCode()).as("GET %s: %s", query, response.body()).isEqualTo(200);
		return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, response.body());
	}

	/** The {@code Type/id} of the entries of a search mode, in order. */
	static List<String> ids(Bundle bundle, Bundle.SearchEntryMode mode) {
		return bundle.getEntry()
			.stream()
			.filter(entry -> entry.getSearch().getMode() == mode)
			.map(entry -> entry.getResource().fhirType() + "/" + entry.getResource().getIdElement().getIdPart())
			.toList();
	}

	/** The {@code Type/id} of the matches, in order. */
	static List<String> matches(Bundle bundle) {
		return ids(bundle, Bundle.SearchEntryMode.MATCH);
	}

	HttpResponse<String> send(String method, String path, String body, String... headers) {
		// queries are written as in the specification; only what URIs forbid is escaped
		String escaped = path.replace("|", "%7C")
			.replace(" ", "%20")
			.replace("\"", "%22")
			.replace("[", "%5B")
			.replace("]", "%5D");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + escaped))
			.header("Accept", "application/fhir+json");
		if (body != null) {
			request.header("Content-Type", "application/fhir+json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		request.method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.launcher.close();
	}

}
