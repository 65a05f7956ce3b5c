package org.connectathon.platform.tracks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.catalog.Actor;
import org.connectathon.platform.catalog.ActorReference;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventForm;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.User;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An approved track as the proposals' approval will leave it, made directly until then: a
 * profile of kind FHIR_IG under a unique keyword whose actors CLIENT and SERVER are the
 * track's roles, an open event with the profile in scope that lets the platform reach
 * loopback addresses (the platform's own reference servers), and two scenarios.
 */
public final class TrackFixtures {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final CatalogService catalog;

	private final EventService events;

	private final TrackRepository tracks;

	private final Fixtures fixtures;

	/**
	 * Built from the running platform's beans rather than imported as a test component,
	 * so that test classes share the one platform of {@code PlatformIntegrationTest}.
	 */
	public TrackFixtures(ApplicationContext context) {
		this.catalog = context.getBean(CatalogService.class);
		this.events = context.getBean(EventService.class);
		this.tracks = context.getBean(TrackRepository.class);
		this.fixtures = context.getBean(Fixtures.class);
	}

	/** The track and its event, with the user leading it. */
	public record SeededTrack(Event event, long trackId, String profile) {
	}

	public SeededTrack track(User lead) {
		return track(lead, true);
	}

	public SeededTrack track(User lead, boolean allowPrivateAddresses) {
		this.fixtures.demoCatalog();
		String profile = "TRK" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
		this.catalog.importCatalog(("""
				format: connectathon-catalog/1
				profiles:
				  - keyword: %s
				    name: Patient track %s
				    kind: FHIR_IG
				    version: 2.0.0
				    actors:
				      - { keyword: CLIENT, name: Client }
				      - { keyword: SERVER, name: Server }
				""").formatted(profile, profile).getBytes(StandardCharsets.UTF_8), SignedInUser.machineOwner());
		List<String> profiles = new ArrayList<>(Fixtures.DEMO_PROFILES);
		profiles.add(profile);
		LocalDate start = LocalDate.now(ZoneOffset.UTC).plusMonths(2);
		Event event = this.events.create(new EventForm(Fixtures.unique("FHIR Connectathon"), "A FHIR event", "Online",
				start, start.plusDays(2), OffsetDateTime.now(ZoneOffset.UTC).plusMonths(1), EventStatus.OPEN, profiles,
				allowPrivateAddresses), SignedInUser.machineOwner());
		long profileId = this.catalog.profileIds(List.of(profile)).get(0);
		long track = this.tracks.insert(event.id(), profileId, Fixtures.unique("Patient track"),
				"Patient Administration", "Read and search patients",
				new Track.Specification("hl7.fhir.us.core", "6.1.0", "R4"),
				"https://chat.fhir.org/#narrow/stream/patient", "Every pair reads a patient");
		this.tracks.insertLead(track, lead.id());
		this.tracks.insertRole(track, actor(profile, "CLIENT").id(), "client", "Patient client", null);
		this.tracks.insertRole(track, actor(profile, "SERVER").id(), "server", "Patient server", null);
		this.tracks.insertScenario(track, null, 1, "read", "Read a patient by id", "A patient exists", "200 OK", null,
				null);
		this.tracks.insertScenario(track, null, 2, "search", "Search patients by name", null, "A searchset", null,
				null);
		return new SeededTrack(event, track, profile);
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

	private Actor actor(String profile, String keyword) {
		return this.catalog.catalog().actor(new ActorReference(profile, keyword)).orElseThrow();
	}

}
