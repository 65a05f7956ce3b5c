package org.connectathon.platform;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.connectathon.platform.PageClient.ServerSentEvent;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.PeerToPeerTestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two platform nodes on one PostgreSQL database, as a large event runs them behind a load
 * balancer without sticky sessions: a sign-in made on node A holds on node B, and a
 * change made through node A reaches the live pages open on node B, carried by PostgreSQL
 * LISTEN/NOTIFY. Runs in the PostgreSQL run of the suite only (H2 serves one node).
 */
@EnabledIfSystemProperty(named = "connectathon.test-database", matches = "postgres")
class AcrossNodesIntegrationTests {

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void twoNodesOnOneDatabase() {
		nodeA = node();
		nodeB = node();
	}

	@AfterAll
	static void stopNodes() {
		nodeB.close();
		nodeA.close();
	}

	@Test
	void shouldKeepASignInWhenAnotherNodeServesTheNextPage() {
		Fixtures fixtures = nodeA.getBean(Fixtures.class);
		User participant = fixtures.user(Role.PARTICIPANT, fixtures.organization());
		PageClient browser = PageClient.signedIn(port(nodeA), participant.username());

		HttpResponse<String> page = browser.atPort(port(nodeB)).get("/");

		assertThat(page.statusCode()).as("node B knows the session signed in on node A").isEqualTo(200);
		assertThat(page.body()).contains(participant.displayName());
	}

	@Test
	void shouldTellThePagesOpenOnEveryNodeOfAChangeMadeThroughOne() throws Exception {
		Fixtures fixtures = nodeA.getBean(Fixtures.class);
		Event event = fixtures.openEvent();
		PeerToPeerTestBuilder pdqmQuery = PeerToPeerTestBuilder.pdqmQuery(fixtures, event);
		long instance = pdqmQuery.instance();
		User organizer = fixtures.user(Role.ADMIN, null);
		String stream = "/events/" + event.id() + "/updates";
		BlockingQueue<ServerSentEvent> heardOnB = PageClient.signedIn(port(nodeB), organizer.username())
			.serverSentEvents(stream);
		BlockingQueue<ServerSentEvent> heardOnA = PageClient.signedIn(port(nodeA), organizer.username())
			.serverSentEvents(stream);
		assertThat(heardOnB.poll(10, TimeUnit.SECONDS)).as("node B's stream listens").isNotNull();
		assertThat(heardOnA.poll(10, TimeUnit.SECONDS)).as("node A's stream listens").isNotNull();

		assertThat(pdqmQuery.acme()
			.post("/api/test-instances/" + instance + "/status", Map.of("status", "PAUSED"))
			.status()).isEqualTo(200);

		ServerSentEvent changed = new ServerSentEvent("changed", String.valueOf(instance));
		assertThat(heardOnB.poll(10, TimeUnit.SECONDS)).as("node B heard the change made through node A")
			.isEqualTo(changed);
		assertThat(heardOnA.poll(10, TimeUnit.SECONDS)).as("node A heard its own change").isEqualTo(changed);
	}

	private static ConfigurableApplicationContext node() {
		return new SpringApplicationBuilder(ConnectathonApplication.class, Fixtures.class).properties("server.port=0")
			.run();
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
