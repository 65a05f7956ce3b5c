package org.connectathon.platform.referenceserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference servers the platform hosts, called as any FHIR client would: anonymous,
 * over the platform's own port. Their capacity is small here so that filling one is
 * quick; the R4B server is the one filled.
 */
@PlatformIntegrationTest
@TestPropertySource(
		properties = { "connectathon.reference-server.max-resources=30", "connectathon.limits.validation-body=1MB" })
class HostedReferenceServerIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldCreateReadUpdateDeleteAndSearchWithIncludeAnonymously() {
		String patient = location(send("POST", "/reference/r4/fhir/Patient",
				"{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Chalmers\"}]}"));
		send("POST", "/reference/r4/fhir/Observation", "{\"resourceType\":\"Observation\",\"status\":\"final\","
				+ "\"code\":{\"text\":\"weight\"},\"subject\":{\"reference\":\"" + patient + "\"}}");

		assertThat(send("GET", "/reference/r4/fhir/" + patient, null).body()).contains("Chalmers");
		HttpResponse<String> updated = send("PUT", "/reference/r4/fhir/" + patient, "{\"resourceType\":\"Patient\","
				+ "\"id\":\"" + patient.substring("Patient/".length()) + "\",\"name\":[{\"family\":\"Duck\"}]}");
		assertThat(updated.statusCode()).isEqualTo(200);
		JsonNode searchset = json(send("GET",
				"/reference/r4/fhir/Observation?subject=" + patient + "&_include=Observation:subject", null));
		assertThat(searchset.path("entry").valueStream().map((entry) -> entry.path("search").path("mode").asString()))
			.containsExactlyInAnyOrder("match", "include");
		assertThat(searchset.path("entry").get(1).path("resource").path("name").get(0).path("family").asString())
			.isEqualTo("Duck");
		assertThat(send("DELETE", "/reference/r4/fhir/" + patient, null).statusCode()).isIn(200, 204);
		assertThat(send("GET", "/reference/r4/fhir/" + patient, null).statusCode()).isEqualTo(410);
	}

	@Test
	void shouldKeepNoSessionAndSetNoCookie() {
		HttpResponse<String> created = send("POST", "/reference/r4/fhir/Patient", "{\"resourceType\":\"Patient\"}");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(send("GET", "/reference/r4/fhir/metadata", null).headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void shouldAnswerEachReleaseAtItsOwnBase() {
		assertThat(json(send("GET", "/reference/r5/fhir/metadata", null)).path("fhirVersion").asString())
			.isEqualTo("5.0.0");
		assertThat(json(send("GET", "/reference/r4/fhir/metadata", null)).path("fhirVersion").asString())
			.isEqualTo("4.0.1");
	}

	@Test
	void shouldListTheServersByReleaseInTheApi() {
		Response listed = this.fixtures.participantOf(this.fixtures.organization()).get("/api/reference-servers");

		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json().valueStream().map((server) -> server.path("fhirVersion").asString()))
			.containsExactly("R4", "R4B", "R5");
		assertThat(listed.json().get(2).path("baseUrl").asString())
			.isEqualTo("http://localhost:" + this.fixtures.port() + "/reference/r5/fhir");
	}

	@Test
	void shouldRefuseWritesOnceTheServerHoldsItsMaximumAndStillAnswerReads() {
		String transaction = IntStream.range(0, 30)
			.mapToObj((index) -> "{\"resource\":{\"resourceType\":\"Patient\"},"
					+ "\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}")
			.collect(
					Collectors.joining(",", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[", "]}"));
		assertThat(send("POST", "/reference/r4b/fhir", transaction).statusCode()).isEqualTo(200);

		HttpResponse<String> refused = send("POST", "/reference/r4b/fhir/Patient", "{\"resourceType\":\"Patient\"}");

		assertThat(refused.statusCode()).isEqualTo(507);
		assertThat(json(refused).path("resourceType").asString()).isEqualTo("OperationOutcome");
		assertThat(refused.body()).contains("CTN-5030: this reference server is full: it keeps at most 30");
		assertThat(json(send("GET", "/reference/r4b/fhir/Patient?_summary=count", null)).path("total").asInt())
			.isEqualTo(30);
		assertThat(send("POST", "/reference/r4/fhir/Patient", "{\"resourceType\":\"Patient\"}").statusCode())
			.as("each release's server has its own capacity")
			.isEqualTo(201);
	}

	@Test
	void shouldHoldBodiesToTheLimitOfFhirRequests() {
		String tooLarge = "{\"resourceType\":\"Patient\",\"id\":\"" + "x".repeat(1_100_000) + "\"}";

		HttpResponse<String> refused = send("POST", "/reference/r4/fhir/Patient", tooLarge);

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(json(refused).path("resourceType").asString()).isEqualTo("OperationOutcome");
	}

	private HttpResponse<String> send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.fixtures.port() + path))
			.header("Accept", "application/fhir+json")
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/fhir+json");
		}
		try {
			return HTTP.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException exception) {
			throw new IllegalStateException(method + " " + path + " failed", exception);
		}
	}

	private static String location(HttpResponse<String> created) {
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/(Patient/[^/]+)/_history/.*", "$1");
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
