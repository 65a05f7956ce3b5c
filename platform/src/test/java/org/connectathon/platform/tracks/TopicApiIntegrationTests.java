package org.connectathon.platform.tracks;

import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.registration.Organization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pre-event topics through the API: proposing, the thread, interest marks and pins, with
 * who may do what and what bad input gets.
 */
@PlatformIntegrationTest
class TopicApiIntegrationTests {

	@Autowired
	Fixtures fixtures;

	Event event;

	Organization acme;

	ApiClient alice;

	ApiClient bob;

	ApiClient admin;

	@BeforeEach
	void anEventAndTwoOrganizations() {
		this.event = this.fixtures.openEvent();
		this.acme = this.fixtures.organization();
		this.alice = this.fixtures.participantOf(this.acme);
		this.bob = this.fixtures.participantOf(this.fixtures.organization());
		this.admin = this.fixtures.admin();
	}

	@Test
	void shouldProposeDiscussMarkInterestAndPinATopic() {
		long topicId = propose(this.alice, "Bulk export through the gateway");

		Response posted = this.bob.post("/api/topics/" + topicId + "/posts", Map.of("text", "We bring a client."));
		Response marked = this.alice.put("/api/topics/" + topicId + "/interest",
				Map.of("organizationId", this.acme.id()));
		Response pinned = this.admin.put("/api/topics/" + topicId + "/pin",
				Map.of("pinnedTo", "Room B, Tuesday 14:00"));

		assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
		assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
		assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
		JsonNode listed = this.bob.get("/api/events/" + this.event.id() + "/topics").json().get(0);
		assertThat(listed.path("title").asString()).isEqualTo("Bulk export through the gateway");
		assertThat(listed.path("systems").asString()).isEqualTo("FHIR gateway");
		assertThat(listed.path("pinnedTo").asString()).isEqualTo("Room B, Tuesday 14:00");
		assertThat(listed.path("interestedOrganizations").findValuesAsString("name")).containsExactly(this.acme.name());
		assertThat(this.alice.get("/api/topics/" + topicId + "/posts").json().findValuesAsString("text"))
			.containsExactly("We bring a client.");
	}

	@Test
	void shouldLetOnlyTheAuthorChangeATopic() {
		long topicId = propose(this.alice, "Subscriptions");

		Response refused = this.bob.put("/api/topics/" + topicId,
				Map.of("title", "Taken over", "description", "Mine now"));
		Response changed = this.alice.put("/api/topics/" + topicId,
				Map.of("title", "Subscriptions R5 backport", "description", "Topic-based subscriptions"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("detail").asString()).isEqualTo("Only the author of a topic may change it.");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(this.bob.get("/api/topics/" + topicId).json().path("title").asString())
			.isEqualTo("Subscriptions R5 backport");
	}

	@Test
	void shouldRefuseToMarkInterestForAnotherOrganization() {
		long topicId = propose(this.alice, "SMART launch");

		Response refused = this.bob.put("/api/topics/" + topicId + "/interest",
				Map.of("organizationId", this.acme.id()));
		Response withdrawal = this.bob.delete("/api/topics/" + topicId + "/interest/" + this.acme.id());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(withdrawal.status()).isEqualTo(403);
		assertThat(this.alice.get("/api/topics/" + topicId).json().path("interestedOrganizations").size()).isZero();
	}

	@Test
	void shouldLetOnlyOrganizersPin() {
		long topicId = propose(this.alice, "Terminology");

		Response refused = this.alice.put("/api/topics/" + topicId + "/pin", Map.of("pinnedTo", "Main hall"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.alice.get("/api/topics/" + topicId).json().path("pinnedTo").isNull()).isTrue();
	}

	@Test
	void shouldRefuseEmptyAndOversizeTextAndStoreNothing() {
		long topicId = propose(this.alice, "Questionnaires");

		Response emptyTitle = this.alice.post(topics(), Map.of("title", " ", "description", "Something"));
		Response longDescription = this.alice.post(topics(),
				Map.of("title", "Too long", "description", "x".repeat(4001)));
		Response emptyPost = this.alice.post("/api/topics/" + topicId + "/posts", Map.of("text", ""));
		Response longPost = this.alice.post("/api/topics/" + topicId + "/posts", Map.of("text", "x".repeat(4001)));
		Response longPin = this.admin.put("/api/topics/" + topicId + "/pin", Map.of("pinnedTo", "x".repeat(201)));

		assertThat(emptyTitle.status()).isEqualTo(400);
		assertThat(emptyTitle.json().path("problems").get(0).asString()).startsWith("title:");
		assertThat(longDescription.status()).isEqualTo(400);
		assertThat(longDescription.json().path("problems").get(0).asString()).startsWith("description:");
		assertThat(emptyPost.status()).isEqualTo(400);
		assertThat(emptyPost.json().path("problems").get(0).asString()).startsWith("text:");
		assertThat(longPost.status()).isEqualTo(400);
		assertThat(longPin.status()).isEqualTo(400);
		assertThat(longPin.json().path("problems").get(0).asString()).startsWith("pinnedTo:");
		assertThat(this.alice.get(topics()).json().size()).isEqualTo(1);
		assertThat(this.alice.get("/api/topics/" + topicId + "/posts").json().size()).isZero();
	}

	@Test
	void shouldAnswerNotFoundForUnknownTopicsAndEventsAndHiddenDrafts() {
		Event draft = this.fixtures.event(EventStatus.DRAFT, this.event.registrationDeadline());

		assertThat(this.alice.get("/api/topics/999999999").status()).isEqualTo(404);
		assertThat(this.alice.post("/api/topics/999999999/posts", Map.of("text", "Hello")).status()).isEqualTo(404);
		assertThat(this.alice.put("/api/topics/999999999/interest", Map.of("organizationId", this.acme.id())).status())
			.isEqualTo(404);
		assertThat(this.admin.put("/api/topics/999999999/pin", Map.of("pinnedTo", "Room A")).status()).isEqualTo(404);
		assertThat(this.alice.get("/api/events/999999999/topics").status()).isEqualTo(404);
		assertThat(this.alice
			.post("/api/events/" + draft.id() + "/topics", Map.of("title", "Hidden", "description", "Not yet"))
			.status()).isEqualTo(404);
	}

	@Test
	void shouldRefuseAnonymousCallers() {
		assertThat(this.fixtures.anonymous().get(topics()).status()).isEqualTo(401);
		assertThat(this.fixtures.anonymous().post(topics(), Map.of("title", "T", "description", "D")).status())
			.isEqualTo(401);
	}

	@Test
	void shouldDescribeTheTopicEndpointsInTheOpenApiDocument() {
		JsonNode paths = this.alice.get("/api/openapi.json").json().path("paths");

		assertThat(paths.has("/api/events/{eventId}/topics")).isTrue();
		assertThat(paths.path("/api/topics/{id}/posts").has("post")).isTrue();
		assertThat(paths.path("/api/topics/{id}/interest").has("put")).isTrue();
		assertThat(paths.path("/api/topics/{id}/pin").has("put")).isTrue();
	}

	private long propose(ApiClient author, String title) {
		Response proposed = author.post(topics(),
				Map.of("title", title, "description", "What we want to build", "systems", "FHIR gateway"));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		return proposed.json().path("id").asLong();
	}

	private String topics() {
		return "/api/events/" + this.event.id() + "/topics";
	}

}
