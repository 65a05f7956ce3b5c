package org.connectathon.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.event.Event;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps that tests of test instances share, each through the JSON API as a participant
 * would.
 */
public final class TestingFixtures {

	private TestingFixtures() {
	}

	/**
	 * A published system registered for the actors, each written {@code PROFILE:ACTOR}.
	 */
	public static long publishedSystem(ApiClient client, Event event, String name, String... actors) {
		Response created = client.post("/api/events/" + event.id() + "/systems",
				Map.of("name", name, "version", "1.0", "status", "PUBLISHED"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		List<Map<String, String>> registrations = Stream.of(actors).map((actor) -> {
			String[] keywords = actor.split(":");
			return Map.of("profile", keywords[0], "actor", keywords[1]);
		}).toList();
		Response registered = client.post("/api/systems/" + id + "/registrations", registrations);
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		return id;
	}

	/** Imports the plan into the event and answers its test with this keyword. */
	public static JsonNode importedTest(ApiClient admin, Event event, String plan, String keyword) {
		Response imported = admin.postText("/api/events/" + event.id() + "/test-plan", plan, "application/yaml");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		return TestPlanIntegrationTests.test(admin.get("/api/events/" + event.id() + "/tests").json(), keyword);
	}

	public static Map<String, Object> participants(Object... roleThenSystem) {
		List<Map<String, Object>> participants = new ArrayList<>();
		for (int i = 0; i < roleThenSystem.length; i += 2) {
			participants.add(Map.of("role", roleThenSystem[i], "systemId", roleThenSystem[i + 1]));
		}
		return Map.of("participants", participants);
	}

}
