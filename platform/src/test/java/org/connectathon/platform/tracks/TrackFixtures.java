package org.connectathon.platform.tracks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A track made the way an event gets one: its lead proposes it for an open event inside
 * the proposal window (the event starts in two months, so the default window is open) and
 * a reviewer approves it. The track has the roles {@code client} and {@code server} and
 * two scenarios, {@code scenario-1} (read a patient) and {@code scenario-2} (search
 * patients).
 */
public final class TrackFixtures {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final Fixtures fixtures;

	/**
	 * Built from the running platform's beans rather than imported as a test component,
	 * so that test classes share the one platform of {@code PlatformIntegrationTest}.
	 */
	public TrackFixtures(ApplicationContext context) {
		this.fixtures = context.getBean(Fixtures.class);
	}

	/**
	 * The approved track and its event.
	 *
	 * @param profile the catalog profile the approval made, whose actors are the roles
	 */
	public record SeededTrack(Event event, long trackId, String profile) {
	}

	/** A track in an event that lets the platform reach its own reference servers. */
	public SeededTrack track(User lead) {
		return track(lead, true);
	}

	public SeededTrack track(User lead, boolean allowPrivateAddresses) {
		Event event = allowPrivateAddresses ? this.fixtures.openEventAllowingPrivateAddresses()
				: this.fixtures.openEvent();
		String name = Fixtures.unique("Patient track");
		Response submitted = this.fixtures.apiAs(lead)
			.post("/api/events/" + event.id() + "/track-proposals", proposal(name));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		long proposalId = submitted.json().path("id").asLong();

		Response approved = this.fixtures.apiAs(this.fixtures.user(Role.REVIEWER, null))
			.post("/api/track-proposals/" + proposalId + "/decision", Map.of("decision", "APPROVED"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

		JsonNode tracks = this.fixtures.apiAs(lead).get("/api/events/" + event.id() + "/tracks").json();
		assertThat(tracks.size()).isOne();
		assertThat(tracks.get(0).path("name").asString()).isEqualTo(name);
		return new SeededTrack(event, tracks.get(0).path("id").asLong(), "TRACK-" + proposalId);
	}

	private static Map<String, Object> proposal(String name) {
		return Map.of("name", name, "workGroup", "Patient Administration", "justification", "Read and search patients",
				"specification", Map.of("fhirVersion", "R4", "packageName", "hl7.fhir.us.core", "version", "6.1.0"),
				"roles",
				List.of(Map.of("keyword", "client", "name", "Patient client"),
						Map.of("keyword", "server", "name", "Patient server")),
				"scenarios",
				List.of(Map.of("action", "Read a patient by id", "precondition", "A patient exists", "successCriteria",
						"200 OK"), Map.of("action", "Search patients by name", "successCriteria", "A searchset")),
				"chatLink", "https://chat.fhir.org/#narrow/stream/patient", "successCriteria",
				"Every pair reads a patient");
	}

	/**
	 * The platform's R4 reference server, started: its first request builds the server,
	 * which on a busy machine takes longer than a sign-up waits for a
	 * CapabilityStatement.
	 */
	public String referenceServer() {
		String baseUrl = "http://localhost:" + this.fixtures.port() + "/reference/r4/fhir";
		try {
			HttpResponse<String> metadata = HTTP.send(
					HttpRequest.newBuilder(URI.create(baseUrl + "/metadata")).timeout(Duration.ofMinutes(3)).build(),
					BodyHandlers.ofString());
			assertThat(metadata.statusCode()).isEqualTo(200);
		}
		catch (IOException | InterruptedException exception) {
			throw new IllegalStateException("The reference server did not start", exception);
		}
		return baseUrl;
	}

	/** A published system of the participant's organization in the event. */
	public static long system(ApiClient participant, Event event, String name) {
		Response created = participant.post("/api/events/" + event.id() + "/systems",
				Map.of("name", Fixtures.unique(name), "status", "PUBLISHED"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	/** Signs the system up to the role, a server with its base URL; a client without. */
	public static void signUp(ApiClient participant, long trackId, long system, String role, String baseUrl) {
		Response signedUp = participant.post("/api/tracks/" + trackId + "/sign-ups",
				(baseUrl != null) ? Map.of("systemId", system, "role", role, "baseUrl", baseUrl)
						: Map.of("systemId", system, "role", role));
		assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
	}

}
