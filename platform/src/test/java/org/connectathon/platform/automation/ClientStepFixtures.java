package org.connectathon.platform.automation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.connectathon.platform.ApiClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What tests of client steps share: the engine's example client script with its origin
 * marked as the system under test, a plan whose step runs it, and a Java HTTP client that
 * plays the participant's client.
 */
public final class ClientStepFixtures {

	/** The script's keyword: creates a Patient (family Chalmers), then reads it back. */
	public static final String SCRIPT = "patient-client";

	private static final Pattern ADDRESS = Pattern.compile("Waiting for the client at (http://\\S+) to send");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private ClientStepFixtures() {
	}

	/** The example of docs/examples/client-testing, its origin marked as under test. */
	public static byte[] clientScript() {
		try {
			String script = Files.readString(Path.of("..", "docs", "examples", "client-testing", SCRIPT + ".json"));
			String marked = script.replaceFirst("\"origin\": \\[\\s*\\{\"index\": 1,",
					"\"origin\": [{\"index\": 1, \"extension\": [{\"url\": "
							+ "\"http://fhir.interoplab.eu/fhir/StructureDefinition/Interoplab-CL-ext-SUT\", "
							+ "\"valueBoolean\": true}],");
			assertThat(marked).as("the example still has the origin this marks").isNotEqualTo(script);
			return marked.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException exception) {
			throw new UncheckedIOException(exception);
		}
	}

	/**
	 * A no-peer test whose step's client sends to the platform's reference server, and a
	 * peer-to-peer test whose client sends to a repository.
	 */
	public static String plan() {
		return """
				tests:
				  - keyword: CLIENT-NO-PEER
				    name: A client creates a Patient on the reference server and reads it back
				    type: NO_PEER
				    roles:
				      - { keyword: CLIENT, actor: "IPS:CREATOR" }
				    steps:
				      - { initiator: CLIENT, transaction: "IPS:IPS-SUBMIT", testScript: %s }
				  - keyword: CLIENT-PEER
				    name: A client creates a Patient on a partner's repository and reads it back
				    type: PEER_TO_PEER
				    roles:
				      - { keyword: CLIENT, actor: "IPS:CREATOR" }
				      - { keyword: SERVER, actor: "IPS:REPOSITORY" }
				    steps:
				      - { initiator: CLIENT, responder: SERVER, transaction: "IPS:IPS-SUBMIT", testScript: %s }
				""".formatted(SCRIPT, SCRIPT);
	}

	/** The address in a run's current action while it waits for the client, else null. */
	public static URI addressIn(String currentAction) {
		Matcher matcher = ADDRESS.matcher((currentAction != null) ? currentAction : "");
		return matcher.find() ? URI.create(matcher.group(1)) : null;
	}

	/** Follows the run until it waits for the client, and answers where it listens. */
	public static URI awaitAddress(ApiClient client, long run) {
		long deadline = System.nanoTime() + AutomationFixtures.RUN_TIMEOUT.toNanos();
		while (true) {
			JsonNode current = client.get("/api/script-runs/" + run).json();
			URI address = addressIn(current.path("currentAction").asString(null));
			if (address != null) {
				return address;
			}
			assertThat(current.path("status").asString()).as("run %d waits for the client: %s", run, current)
				.isIn("QUEUED", "RUNNING");
			assertThat(System.nanoTime()).as("run %d waits for the client in time: %s", run, current)
				.isLessThan(deadline);
			sleep();
		}
	}

	/**
	 * Plays a correct client: creates a Patient at the address, then reads it back from
	 * where the server said it is.
	 * @return the answers to both requests
	 */
	public static HttpResponse<String>[] createThenRead(URI address) {
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(address + "/Patient"))
			.header("Content-Type", "application/fhir+json")
			.header("Accept", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Chalmers\", \"given\": [\"Peter\"]}]}"))
			.build());
		String location = created.headers().firstValue("Location").orElse("");
		Matcher id = Pattern.compile("Patient/([^/]+)").matcher(location);
		String patientId = id.find() ? id.group(1) : "unknown";
		HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(address + "/Patient/" + patientId))
			.header("Accept", "application/fhir+json")
			.GET()
			.build());
		@SuppressWarnings("unchecked")
		HttpResponse<String>[] both = new HttpResponse[] { created, read };
		return both;
	}

	public static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException exception) {
			throw new UncheckedIOException(exception);
		}
		catch (InterruptedException exception) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(exception);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException exception) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(exception);
		}
	}

}
