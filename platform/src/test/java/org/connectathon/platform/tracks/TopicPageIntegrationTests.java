package org.connectathon.platform.tracks;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PageClient.ServerSentEvent;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics list and the topic page: proposing and posting through their forms, the live
 * thread's stream, and the refusals a page shows.
 */
@PlatformIntegrationTest
class TopicPageIntegrationTests {

	@Autowired
	Fixtures fixtures;

	Event event;

	Organization acme;

	User alice;

	PageClient alicePages;

	@BeforeEach
	void anEventAndAParticipant() {
		this.event = this.fixtures.openEvent();
		this.acme = this.fixtures.organization();
		this.alice = this.fixtures.user(Role.PARTICIPANT, this.acme);
		this.alicePages = PageClient.signedIn(this.fixtures.port(), this.alice.username());
	}

	@Test
	void shouldProposeATopicAndPostToItsThreadFromThePages() {
		String topics = "/events/" + this.event.id() + "/topics";
		HttpResponse<String> proposed = this.alicePages.postForm(topics, topics, Map.of("title",
				"Patient matching hackathon", "description", "PDQm against three MPIs", "systems", "Our MPI"));
		assertThat(proposed.statusCode()).isEqualTo(302);
		String topicPage = proposed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");

		HttpResponse<String> posted = this.alicePages.postForm(topicPage, topicPage + "/posts",
				Map.of("text", "Who brings a second MPI?"));
		HttpResponse<String> marked = this.alicePages.postForm(topicPage, topicPage + "/interest", Map.of());

		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(marked.statusCode()).isEqualTo(302);
		assertThat(this.alicePages.get(topics).body()).contains("Patient matching hackathon");
		String page = this.alicePages.get(topicPage).body();
		assertThat(page).contains("PDQm against three MPIs")
			.contains("Our MPI")
			.contains(this.acme.name())
			.contains("sse-connect=\"" + topicPage + "/updates\"");
		assertThat(this.alicePages.get(topicPage + "/thread").body()).contains("Who brings a second MPI?");
	}

	@Test
	void shouldAnswerAnEmptyPostWithTheFormAndStoreNothing() {
		long topicId = propose();
		String topicPage = "/topics/" + topicId;

		HttpResponse<String> refused = this.alicePages.postForm(topicPage, topicPage + "/posts", Map.of("text", " "));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"text-error\"");
		assertThat(this.fixtures.participantOf(this.acme).get("/api/topics/" + topicId + "/posts").json().size())
			.isZero();
	}

	@Test
	void shouldRefuseAParticipantWhoPinsOnThePage() {
		long topicId = propose();
		String topicPage = "/topics/" + topicId;

		HttpResponse<String> refused = this.alicePages.postForm(topicPage, topicPage + "/pin",
				Map.of("pinnedTo", "Main hall"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.alicePages.get(topicPage).body()).doesNotContain("Main hall");
	}

	@Test
	void shouldTellTheOpenTopicPagesOfEachNewPost() throws InterruptedException {
		long topicId = propose();
		BlockingQueue<ServerSentEvent> heard = this.alicePages.serverSentEvents("/topics/" + topicId + "/updates");
		assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new ServerSentEvent("subscribed", "topics/" + topicId));

		ApiClient bob = this.fixtures.participantOf(this.fixtures.organization());
		assertThat(bob.post("/api/topics/" + topicId + "/posts", Map.of("text", "Count us in")).status())
			.isEqualTo(201);

		assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new ServerSentEvent("changed", String.valueOf(topicId)));
	}

	@Test
	void shouldNotShowAnUnknownTopic() {
		assertThat(this.alicePages.get("/topics/999999999").statusCode()).isEqualTo(404);
		assertThat(this.alicePages.get("/topics/999999999/updates").statusCode()).isEqualTo(404);
	}

	private long propose() {
		return this.fixtures.apiAs(this.alice)
			.post("/api/events/" + this.event.id() + "/topics",
					Map.of("title", Fixtures.unique("Topic"), "description", "Something to build"))
			.json()
			.path("id")
			.asLong();
	}

}
