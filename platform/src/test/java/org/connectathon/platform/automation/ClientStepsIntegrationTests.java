package org.connectathon.platform.automation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.automation.AutomationFixtures.awaitEnd;
import static org.connectathon.platform.automation.ClientStepFixtures.SCRIPT;
import static org.connectathon.platform.automation.ClientStepFixtures.awaitAddress;
import static org.connectathon.platform.automation.ClientStepFixtures.clientScript;
import static org.connectathon.platform.automation.ClientStepFixtures.createThenRead;
import static org.connectathon.platform.automation.ClientStepFixtures.plan;
import static org.connectathon.platform.testing.TestingFixtures.participants;

/**
 * Client steps end to end: the step's script tests a client, a Java HTTP client plays it
 * at the address the run listens on, and the run forwards to the platform's reference
 * server (no-peer) or to a partner's endpoint (peer-to-peer), and records what it found.
 */
@PlatformIntegrationTest
class ClientStepsIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Value("${connectathon.client-testing.wait}")
	Duration wait;

	Event event;

	ApiClient admin;

	ApiClient alice;

	long creator;

	@BeforeEach
	void anEventWithTheClientScriptAndAClientSystem() {
		this.event = this.fixtures.openEventAllowingPrivateAddresses();
		this.admin = this.fixtures.admin();
		Response uploaded = this.admin.postBytes(
				"/api/events/" + this.event.id() + "/test-scripts?fileName=" + SCRIPT + ".json", clientScript(),
				"application/fhir+json");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		Response imported = this.admin.postText("/api/events/" + this.event.id() + "/test-plan", plan(),
				"application/yaml");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		this.alice = this.fixtures.participantOf(this.fixtures.organization());
		this.creator = TestingFixtures.publishedSystem(this.alice, this.event, "Acme IPS Creator", "IPS:CREATOR");
	}

	@Test
	void shouldShowWhatTheStepWaitsForThenForwardTheClientToTheReferenceServerAndAttachReportAndExchanges() {
		long instance = startNoPeer();
		JsonNode step = this.alice.get("/api/test-instances/" + instance + "/automated-steps").json().get(0);
		assertThat(step.path("clientRequests").toString()).isEqualTo("[\"POST Patient\",\"GET Patient (read)\"]");
		assertThat(step.path("systemName").asString()).isEqualTo("Acme IPS Creator");
		assertThat(step.path("serverUrl").asString()).endsWith("/reference/r4/fhir");

		long run = queue(this.alice, instance);
		URI address = awaitAddress(this.alice, run);
		HttpResponse<String>[] answers = createThenRead(address);
		JsonNode ended = awaitEnd(this.alice, run);

		assertThat(answers[0].statusCode()).as(answers[0].body()).isEqualTo(201);
		assertThat(answers[1].statusCode()).as(answers[1].body()).isEqualTo(200);
		assertThat(answers[1].body()).contains("Chalmers");
		assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("PASSED");
		JsonNode details = this.alice.get("/api/test-instances/" + instance).json();
		assertThat(details.path("steps").get(0).path("status").asString()).isEqualTo("DONE");
		JsonNode report = details.path("evidence").get(0);
		assertThat(report.path("kind").asString()).isEqualTo("TEST_REPORT");
		assertThat(ended.path("evidenceId").asLong()).isEqualTo(report.path("id").asLong());
		JsonNode captures = this.alice.get("/api/test-instances/" + instance + "/captures").json().path("items");
		assertThat(captures).hasSize(2);
		assertThat(captures.valueStream()
			.map((capture) -> capture.path("method").asString() + " " + capture.path("status").asInt() + " "
					+ capture.path("stepIndex").asInt()))
			.containsExactlyInAnyOrder("POST 201 1", "GET 200 1");
		assertThat(captures.get(0).path("upstreamUrl").asString()).contains("/reference/r4/fhir/Patient");
	}

	@Test
	void shouldRefuseARunToAParticipantOfAnotherOrganization() {
		long instance = startNoPeer();
		ApiClient bob = this.fixtures.participantOf(this.fixtures.organization());

		Response refused = bob.post("/api/test-instances/" + instance + "/steps/1/runs", Map.of());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(this.alice.get("/api/test-instances/" + instance + "/script-runs").json()).isEmpty();
	}

	@Test
	void shouldFailNamingTheRequestThatNeverArrived() {
		long instance = startNoPeer();
		long run = queue(this.alice, instance);
		awaitAddress(this.alice, run);

		JsonNode ended = awaitEnd(this.alice, run);

		assertThat(ended.path("status").asString()).isEqualTo("FAILED");
		assertThat(ended.path("message").asString())
			.contains("no POST Patient arrived within " + this.wait.toSeconds() + " s");
		JsonNode details = this.alice.get("/api/test-instances/" + instance).json();
		assertThat(details.path("evidence").get(0).path("kind").asString()).isEqualTo("TEST_REPORT");
		assertThat(details.path("steps").get(0).path("status").asString()).isNotEqualTo("DONE");
	}

	@Test
	void shouldAnswerTheClient502AndFailSayingWhyWhenThePartnersEndpointIsDown() {
		ApiClient carol = this.fixtures.participantOf(this.fixtures.organization());
		long repository = TestingFixtures.publishedSystem(carol, this.event, "Down Repository", "IPS:REPOSITORY");
		Response endpoint = carol.post("/api/systems/" + repository + "/endpoints", Map.of("profile", "IPS", "actor",
				"REPOSITORY", "baseUrl", "http://127.0.0.1:1/fhir", "fhirVersion", "R4"));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		long test = TestingFixtures.importedTest(this.admin, this.event, plan(), "CLIENT-PEER").path("id").asLong();
		Response started = this.alice.post("/api/tests/" + test + "/instances",
				participants("CLIENT", this.creator, "SERVER", repository));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long instance = started.json().path("id").asLong();
		JsonNode step = this.alice.get("/api/test-instances/" + instance + "/automated-steps").json().get(0);
		assertThat(step.path("destinationName").asString()).isEqualTo("Down Repository");

		long run = queue(this.alice, instance);
		URI address = awaitAddress(this.alice, run);
		HttpResponse<String> answer = ClientStepFixtures.send(HttpRequest.newBuilder(URI.create(address + "/Patient"))
			.header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\": \"Patient\"}"))
			.build());
		JsonNode ended = awaitEnd(this.alice, run);

		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.body()).contains("OperationOutcome").contains("could not be reached");
		assertThat(ended.path("status").asString()).isEqualTo("FAILED");
		assertThat(ended.path("message").asString()).contains("could not be reached");
		JsonNode captures = this.alice.get("/api/test-instances/" + instance + "/captures").json().path("items");
		assertThat(captures).hasSize(1);
		assertThat(captures.get(0).path("status").asInt()).isEqualTo(502);
		assertThat(captures.get(0).path("failure").asString()).contains("could not be reached");
	}

	@Test
	void shouldForwardGarbageAsSentAndFailOnWhatTheClientSent() {
		long instance = startNoPeer();
		long run = queue(this.alice, instance);
		URI address = awaitAddress(this.alice, run);

		HttpResponse<String> answer = ClientStepFixtures.send(HttpRequest.newBuilder(URI.create(address + "/Patient"))
			.header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString("this is not a Patient"))
			.build());
		JsonNode ended = awaitEnd(this.alice, run);

		assertThat(answer.statusCode()).isBetween(400, 499);
		assertThat(ended.path("status").asString()).isEqualTo("FAILED");
		assertThat(ended.path("message").asString()).contains("First fail").contains("the body is not a FHIR resource");
		JsonNode captures = this.alice.get("/api/test-instances/" + instance + "/captures").json().path("items");
		assertThat(captures).hasSize(1);
		assertThat(captures.get(0).path("status").asInt()).isEqualTo(answer.statusCode());
		assertThat(captures.get(0).path("requestBodySize").asLong()).isEqualTo("this is not a Patient".length());
	}

	private long startNoPeer() {
		long test = TestingFixtures.importedTest(this.admin, this.event, plan(), "CLIENT-NO-PEER").path("id").asLong();
		Response started = this.alice.post("/api/tests/" + test + "/instances", participants("CLIENT", this.creator));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	private static long queue(ApiClient client, long instance) {
		Response queued = client.post("/api/test-instances/" + instance + "/steps/1/runs", Map.of());
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
		return queued.json().path("id").asLong();
	}

}
