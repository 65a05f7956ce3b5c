package org.connectathon.platform;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.connectathon.platform.PageClient.ServerSentEvent;
import org.connectathon.platform.automation.AutomationFixtures;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.PeerToPeerTestBuilder;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two platform nodes on one PostgreSQL database, as a large event runs them behind a load
 * balancer without sticky sessions: a sign-in made on node A holds on node B, and a
 * change made through node A reaches the live pages open on node B, carried by PostgreSQL
 * LISTEN/NOTIFY, as does the progress of a script run that node A's worker runs (node B
 * has none). Runs in the PostgreSQL run of the suite only (H2 serves one node).
 */
@EnabledIfSystemProperty(named = "connectathon.test-database", matches = "postgres")
class AcrossNodesIntegrationTests {

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@RegisterExtension
	static final ReferenceServerExtension referenceServer = new ReferenceServerExtension();

	@BeforeAll
	static void twoNodesOnOneDatabase() {
		nodeA = node("connectathon.automation.workers=2");
		nodeB = node("connectathon.automation.workers=0");
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

	@Test
	void shouldShowOnEveryNodeTheProgressOfAScriptRunThatAnotherNodeRuns() throws Exception {
		Fixtures fixtures = nodeA.getBean(Fixtures.class);
		Event event = fixtures.openEventAllowingPrivateAddresses();
		ApiClient admin = fixtures.admin();
		assertThat(admin
			.postBytes("/api/events/" + event.id() + "/test-scripts?fileName=" + AutomationFixtures.SCRIPT
					+ ".testscript.json", AutomationFixtures.demoScript(), "application/fhir+json")
			.status()).isEqualTo(201);
		ApiClient alice = fixtures.participantOf(fixtures.organization());
		long repository = TestingFixtures.publishedSystem(alice, event, "Acme IPS Repository", "IPS:REPOSITORY");
		assertThat(alice
			.post("/api/systems/" + repository + "/endpoints", Map.of("profile", "IPS", "actor", "REPOSITORY",
					"baseUrl", referenceServer.baseUrl(), "fhirVersion", "R4"))
			.status()).isEqualTo(201);
		long test = TestingFixtures
			.importedTest(admin, event, AutomationFixtures.plan(false, AutomationFixtures.SCRIPT), "IPS-SUMMARY")
			.path("id")
			.asLong();
		long instance = alice
			.post("/api/tests/" + test + "/instances", TestingFixtures.participants("REPOSITORY", repository))
			.json()
			.path("id")
			.asLong();
		BlockingQueue<ServerSentEvent> heardOnB = PageClient
			.signedIn(port(nodeB), fixtures.user(Role.ADMIN, null).username())
			.serverSentEvents("/test-instances/" + instance + "/updates");
		assertThat(heardOnB.poll(10, TimeUnit.SECONDS)).as("node B's stream listens").isNotNull();

		JsonNode run = AutomationFixtures.runToTheEnd(alice, instance, 1);

		List<ServerSentEvent> changes = new ArrayList<>();
		for (ServerSentEvent change; (change = heardOnB.poll(5, TimeUnit.SECONDS)) != null;) {
			changes.add(change);
		}
		assertThat(run.path("status").asString()).isEqualTo("PASSED");
		assertThat(changes).as("each action of the run, and its end, heard on node B")
			.hasSizeGreaterThan(2 * 15)
			.containsOnly(new ServerSentEvent("changed", String.valueOf(instance)));
	}

	private static ConfigurableApplicationContext node(String workers) {
		return new SpringApplicationBuilder(ConnectathonApplication.class, Fixtures.class)
			.properties("server.port=0", workers)
			.run();
	}

	private static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
