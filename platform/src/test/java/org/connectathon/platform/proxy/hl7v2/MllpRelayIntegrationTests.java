package org.connectathon.platform.proxy.hl7v2;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.catalog.PixFeedCatalogs;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.testing.TestPlanIntegrationTests;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HL7 v2 over MLLP through the platform, on real sockets: a sender connects to the
 * listening port of a partner's HL7 v2 endpoint, the platform relays each message to the
 * endpoint (the built-in responder, or a scripted one) and its acknowledgement back, and
 * captures both, identified, validated and attached to the running instance's step.
 */
@PlatformIntegrationTest
class MllpRelayIntegrationTests {

	private static final int PORTS = 60;

	private static final int FIRST_PORT = freeRange(PORTS);

	private static final int RESPONDER_PORT = freeRange(1);

	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry properties) {
		properties.add("connectathon.mllp.ports", () -> FIRST_PORT + "-" + (FIRST_PORT + PORTS - 1));
		properties.add("connectathon.mllp.responder-port", () -> RESPONDER_PORT);
		properties.add("connectathon.mllp.max-message", () -> "64KB");
		properties.add("connectathon.proxy.timeout", () -> "2s");
	}

	/** A patient identity feed and a demographics query, as peer-to-peer tests. */
	@Autowired
	Fixtures fixtures;

	@Autowired
	MllpRelay relay;

	@Autowired
	JdbcClient jdbc;

	Event event;

	ApiClient admin;

	ApiClient acme;

	ApiClient globex;

	Organization globexOrganization;

	long source;

	long manager;

	@BeforeEach
	void acmeFeedsGlobexFromTheLoopbackAddress() {
		this.event = this.fixtures.openEventAllowingPrivateAddresses();
		this.admin = this.fixtures.admin();
		this.acme = this.fixtures.participantOf(this.fixtures.organization());
		this.globexOrganization = this.fixtures.organization();
		this.globex = this.fixtures.participantOf(this.globexOrganization);
		this.source = TestingFixtures.publishedSystem(this.acme, this.event, "Acme Registration",
				"PIX:PATIENT_IDENTITY_SOURCE", "PDQ:PATIENT_DEMOGRAPHICS_CONSUMER");
		this.manager = TestingFixtures.publishedSystem(this.globex, this.event, "Globex MPI", "PIX:PIX_MANAGER",
				"PDQ:PATIENT_DEMOGRAPHICS_SUPPLIER");
		Response addresses = this.acme.put("/api/systems/" + this.source + "/client-addresses",
				Map.of("clientAddresses", List.of("127.0.0.1")));
		assertThat(addresses.status()).as(addresses.toString()).isBetween(200, 204);
	}

	@Test
	void shouldRelayAnAdmissionAndItsAcknowledgementAndCaptureThemOnTheFeedStep() throws Exception {
		long feedTest = TestingFixtures
			.importedTest(this.admin, this.event, TestPlanIntegrationTests.IHE_PLAN, "PIX-FEED")
			.path("id")
			.asLong();
		long feed = started(this.acme, feedTest, "SOURCE", this.source, "MANAGER", this.manager);
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());

		String ack;
		try (MllpClient client = new MllpClient(listening(endpoint))) {
			ack = client.send(Hl7v2Samples.ADT_A01);
		}

		assertThat(ack).contains("MSA|AA|MSG00001");
		JsonNode capture = validatedOnItsStep(onlyCapture());
		assertThat(capture.path("protocol").asString()).isEqualTo("HL7V2");
		assertThat(capture.path("method").asString()).isEqualTo("MLLP");
		assertThat(capture.path("messageType").asString()).isEqualTo("ADT^A01");
		assertThat(capture.path("transactionKeyword").asString()).isEqualTo("PIX:ITI-8");
		assertThat(capture.path("upstreamUrl").asString()).isEqualTo(responder());
		assertThat(capture.path("senderSystemId").asLong()).isEqualTo(this.source);
		assertThat(capture.path("senderIdentifiedBy").asString()).isEqualTo("CLIENT_ADDRESS");
		assertThat(capture.path("receiverSystemId").asLong()).isEqualTo(this.manager);
		assertThat(capture.path("failure").isNull()).isTrue();
		assertThat(capture.path("upstreamMillis").isNumber()).isTrue();
		assertThat(capture.path("testInstanceId").asLong()).isEqualTo(feed);
		assertThat(capture.path("stepIndex").asInt()).isEqualTo(1);
		assertThat(capture.path("validationStatus").asString()).isEqualTo("VALID");
		JsonNode details = details(capture);
		assertThat(details.path("request").path("bodyText").asString()).isEqualTo(Hl7v2Samples.ADT_A01);
		assertThat(details.path("response").path("bodyText").asString()).isEqualTo(ack);
		Response har = this.acme.get("/api/captures/" + capture.path("id").asLong() + "/har");
		assertThat(har.status()).as(har.toString()).isEqualTo(200);
		assertThat(har.json().path("log").path("entries").get(0).path("request").path("method").asString())
			.isEqualTo("MLLP");
	}

	@Test
	void shouldRelayADemographicsQueryAndIdentifyIt() throws Exception {
		long queryTest = TestingFixtures
			.importedTest(this.admin, this.event, TestPlanIntegrationTests.IHE_PLAN, "PDQ-QUERY")
			.path("id")
			.asLong();
		long query = started(this.acme, queryTest, "CONSUMER", this.source, "SUPPLIER", this.manager);
		JsonNode endpoint = endpoint("PDQ", "PATIENT_DEMOGRAPHICS_SUPPLIER", responder());

		String response;
		try (MllpClient client = new MllpClient(listening(endpoint))) {
			response = client.send(Hl7v2Samples.QBP_Q22);
		}

		assertThat(response).contains("RSP^K22", "MSA|AA|MSG00003", "PID|1||PAT-0001");
		JsonNode capture = validatedOnItsStep(onlyCapture());
		assertThat(capture.path("messageType").asString()).isEqualTo("QBP^Q22");
		assertThat(capture.path("transactionKeyword").asString()).isEqualTo("PDQ:ITI-21");
		assertThat(capture.path("testInstanceId").asLong()).isEqualTo(query);
	}

	@Test
	void shouldFindAMissingRequiredFieldAtItsPlaceAndLine() throws Exception {
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());

		try (MllpClient client = new MllpClient(listening(endpoint))) {
			client.send(Hl7v2Samples.ADT_A01_WITHOUT_IDENTIFIER);
		}

		JsonNode capture = validated(onlyCapture());
		assertThat(capture.path("validationStatus").asString()).isEqualTo("INVALID");
		assertThat(issues(details(capture))).contains("request error PID-3 line 3");
	}

	@Test
	void shouldShowTheMessageOneSegmentALineWithEachFieldsPlaceAndTheIssuesBesideTheirSegment() throws Exception {
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());
		try (MllpClient client = new MllpClient(listening(endpoint))) {
			client.send(Hl7v2Samples.ADT_A01_WITHOUT_IDENTIFIER);
		}
		long id = validated(onlyCapture()).path("id").asLong();
		PageClient page = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.globexOrganization).username());

		String html = page.get("/captures/" + id).body();

		assertThat(html).contains("class=\"source hl7v2\"", "title=\"MSH-9\">ADT^A01^ADT_A01</span>",
				"title=\"PID-7\">19800101</span>", "id=\"capture-message-type\">ADT^A01</code>");
		String pidLine = html.substring(html.indexOf("id=\"request-line-3\""), html.indexOf("id=\"request-line-4\""));
		assertThat(pidLine).contains("title=\"PID\">PID</span>",
				"PID-3 (Patient Identifier List) is required and empty.");
	}

	@Test
	void shouldCheckAnAdmissionAgainstTheConformanceProfileThatItsTransactionNames() throws Exception {
		String catalog = PixFeedCatalogs.withFeed("PIX",
				List.of("hl7v2:ADT^A01", "hl7v2:ADT^A04", "hl7v2:ADT^A05", "hl7v2:ADT^A08", "hl7v2:ADT^A40"),
				List.of(PixFeedCatalogs.admissionProfile()));
		Response imported = this.admin.postText("/api/catalog", catalog, "application/yaml");
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());

		try (MllpClient client = new MllpClient(listening(endpoint))) {
			client.send(Hl7v2Samples.ADT_A01);
			client.send(Hl7v2Samples.ADT_A01.replace("|19800101|F", "|19800101").replace("MSG00001", "MSG00009"));
		}

		JsonNode conforming = null;
		JsonNode withoutSex = null;
		for (JsonNode capture : captures(2)) {
			JsonNode details = details(validated(capture));
			if (details.path("request").path("bodyText").asString().contains("MSG00009")) {
				withoutSex = details;
			}
			else {
				conforming = details;
			}
		}
		assertThat(conforming.path("capture").path("validationStatus").asString()).isEqualTo("VALID");
		JsonNode details = withoutSex;
		assertThat(details.path("capture").path("validationStatus").asString()).isEqualTo("INVALID");
		assertThat(issues(details)).contains("request error PID-8 line 3");
		assertThat(messages(details))
			.anySatisfy((message) -> assertThat(message).startsWith("[conformance profile ADT^A01] ")
				.contains("Administrative Sex"));
	}

	@Test
	void shouldReportAnAcknowledgementOfAnotherMessageAndAnErrorAcknowledgement() throws Exception {
		try (ScriptedUpstream upstream = new ScriptedUpstream((message) -> String.join("\r",
				"MSH|^~\\&|PIX_MANAGER|GLOBEX|SENDER|ACME|20261207120001||ACK^A01^ACK|ACK00001|P|2.5",
				"MSA|AE|MSG99999|Unknown assigning authority",
				"ERR|||204^Unknown key identifier^HL70357|E||||The assigning authority ACME is not known") + "\r")) {
			JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", upstream.baseUrl());

			try (MllpClient client = new MllpClient(listening(endpoint))) {
				assertThat(client.send(Hl7v2Samples.ADT_A01)).contains("MSA|AE|MSG99999");
			}
		}

		JsonNode details = details(validated(onlyCapture()));
		assertThat(issues(details)).contains("response error MSA-2 line 2", "response error MSA-1 line 2");
		assertThat(messages(details)).anySatisfy((message) -> assertThat(message).contains("MSG99999", "MSG00001"))
			.anySatisfy((message) -> assertThat(message).contains("AE", "Unknown assigning authority",
					"The assigning authority ACME is not known"));
	}

	@Test
	void shouldCaptureBytesThatAreNotMllpAsFailedCloseTheConnectionAndRelayTheNextOne() throws Exception {
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());
		int port = listening(endpoint);

		try (MllpClient garbage = new MllpClient(port)) {
			garbage.sendRaw("GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(garbage.closedWithin(Duration.ofSeconds(5))).isTrue();
		}
		try (MllpClient client = new MllpClient(port)) {
			assertThat(client.send(Hl7v2Samples.ADT_A01)).contains("MSA|AA|MSG00001");
		}

		JsonNode failed = captureWith("failure", "not an MLLP frame", 2);
		assertThat(failed.path("failure").asString()).startsWith("CTN-6006");
		assertThat(details(failed).path("request").path("bodyText").asString()).startsWith("GET / HTTP/1.1");
	}

	@Test
	void shouldCaptureAFrameThatBreaksOffAndOneThatNeverEnds() throws Exception {
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());
		int port = listening(endpoint);

		try (MllpClient client = new MllpClient(port)) {
			client.sendRaw(("\u000b" + Hl7v2Samples.ADT_A01.substring(0, 40)).getBytes(StandardCharsets.UTF_8));
		}
		try (MllpClient hanging = new MllpClient(port)) {
			hanging.sendRaw(("\u000b" + Hl7v2Samples.ADT_A01.substring(0, 50)).getBytes(StandardCharsets.UTF_8));
			assertThat(hanging.closedWithin(Duration.ofSeconds(10))).as("closed after the proxy's timeout").isTrue();
		}

		assertThat(captureWith("failure", "closed inside a frame", 2).path("requestBodySize").asInt()).isEqualTo(40);
		assertThat(captureWith("failure", "did not end it within 2 seconds", 2).path("failure").asString())
			.startsWith("CTN-6004");
	}

	@Test
	void shouldRejectTheMessageWithAReasonWhenTheEndpointHangs() throws Exception {
		try (ScriptedUpstream silent = new ScriptedUpstream((message) -> null)) {
			JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", silent.baseUrl());

			String rejection;
			try (MllpClient client = new MllpClient(listening(endpoint))) {
				rejection = client.send(Hl7v2Samples.ADT_A01);
			}

			assertThat(rejection).contains("MSA|AR|MSG00001", "CTN-6004", "did not acknowledge");
		}
		JsonNode capture = onlyCapture();
		assertThat(capture.path("failure").asString()).startsWith("CTN-6004");
		assertThat(details(capture).path("response").path("bodyText").asString()).contains("MSA|AR|MSG00001");
	}

	@Test
	void shouldRejectAMessageToAPrivateAddressThatTheEventNoLongerAllows() throws Exception {
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());
		int port = listening(endpoint);
		this.jdbc.sql("update events set allow_private_addresses = false where id = :id")
			.param("id", this.event.id())
			.update();

		String rejection;
		try (MllpClient client = new MllpClient(port)) {
			rejection = client.send(Hl7v2Samples.ADT_A01);
		}

		assertThat(rejection).contains("MSA|AR|MSG00001", "CTN-6002", "loopback");
		assertThat(onlyCapture().path("failure").asString()).startsWith("CTN-6002");
	}

	@Test
	void shouldRejectAMessageLongerThanAllowedAndCloseTheConnection() throws Exception {
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());
		String huge = Hl7v2Samples.ADT_A01 + "NTE|1||" + "x".repeat(70 * 1024) + "\r";

		try (MllpClient client = new MllpClient(listening(endpoint))) {
			assertThat(client.send(huge)).contains("MSA|AR|MSG00001", "CTN-6005");
			assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
		}

		assertThat(onlyCapture().path("failure").asString()).startsWith("CTN-6005")
			.contains("longer than the 65536 bytes");
	}

	@Test
	void shouldGiveEachHl7v2EndpointItsOwnPortOfTheRangeAndListenAgainAfterARestart() throws Exception {
		JsonNode first = endpoint("PIX", "PIX_MANAGER", responder());
		JsonNode second = endpoint("PDQ", "PATIENT_DEMOGRAPHICS_SUPPLIER", responder());
		int firstPort = first.path("mllpPort").asInt();

		assertThat(firstPort).isBetween(FIRST_PORT, FIRST_PORT + PORTS - 1);
		assertThat(second.path("mllpPort").asInt()).isBetween(FIRST_PORT, FIRST_PORT + PORTS - 1)
			.isNotEqualTo(firstPort);
		assertThat(first.path("proxyUrl").asString()).isEqualTo("mllp://localhost:" + firstPort);
		listening(first);

		this.relay.stop();
		try {
			assertThat(closedWithin(firstPort, Duration.ofSeconds(5))).as("stopped with the node").isTrue();
		}
		finally {
			this.relay.start();
		}

		try (MllpClient client = new MllpClient(listening(first))) {
			assertThat(client.send(Hl7v2Samples.ADT_A01)).contains("MSA|AA|MSG00001");
		}
	}

	@Test
	void shouldAnswerAnHttpRequestToAnHl7v2EndpointsProxyAddressWithWhereToSendItsMessages() {
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());

		Response overHttp = this.acme.post("/proxy/" + this.event.id() + "/" + endpoint.path("id").asLong() + "/",
				Map.of("resourceType", "Patient"));

		assertThat(overHttp.status()).as(overHttp.toString()).isEqualTo(404);
		assertThat(overHttp.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
		assertThat(overHttp.json().path("issue").get(0).path("diagnostics").asString()).startsWith("CTN-6008: ")
			.contains("relays over MLLP");
	}

	@Test
	void shouldStopListeningWhenTheEndpointIsRemoved() throws Exception {
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());
		int port = listening(endpoint);

		Response removed = this.globex
			.delete("/api/systems/" + this.manager + "/endpoints/" + endpoint.path("id").asLong());

		assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
		assertThat(closedWithin(port, Duration.ofSeconds(10))).isTrue();
	}

	@Test
	void shouldShowTheCaptureToNoOtherOrganizationsParticipant() throws Exception {
		JsonNode endpoint = endpoint("PIX", "PIX_MANAGER", responder());
		try (MllpClient client = new MllpClient(listening(endpoint))) {
			client.send(Hl7v2Samples.ADT_A01);
		}
		long id = onlyCapture().path("id").asLong();
		ApiClient initech = this.fixtures.participantOf(this.fixtures.organization());

		assertThat(initech.get("/api/captures/" + id).status()).isEqualTo(404);
		assertThat(this.acme.get("/api/captures/" + id).status()).isEqualTo(200);
		assertThat(this.globex.get("/api/captures/" + id).status()).isEqualTo(200);
	}

	private String responder() {
		return "mllp://127.0.0.1:" + RESPONDER_PORT;
	}

	/** Globex's HL7 v2 endpoint, as the API answers its creation. */
	private JsonNode endpoint(String profile, String actor, String baseUrl) {
		Response created = this.globex.post("/api/systems/" + this.manager + "/endpoints",
				Map.of("profile", profile, "actor", actor, "baseUrl", baseUrl, "protocol", "HL7V2"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/** The endpoint's port, once the platform listens on it. */
	private static int listening(JsonNode endpoint) throws InterruptedException {
		int port = endpoint.path("mllpPort").asInt();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!accepts(port)) {
			assertThat(System.nanoTime()).as("listening on " + port).isLessThan(deadline);
			Thread.sleep(100);
		}
		return port;
	}

	private static boolean closedWithin(int port, Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		while (accepts(port)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(100);
		}
		return true;
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException refused) {
			return false;
		}
	}

	private static long started(ApiClient client, long test, Object... roleThenSystem) {
		Response started = client.post("/api/tests/" + test + "/instances",
				TestingFixtures.participants(roleThenSystem));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		return started.json().path("id").asLong();
	}

	/** The event's one capture, once stored. */
	private JsonNode onlyCapture() throws InterruptedException {
		return captures(1).get(0);
	}

	private JsonNode captures(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			JsonNode items = this.admin.get("/api/events/" + this.event.id() + "/captures").json().path("items");
			if (items.size() >= count) {
				assertThat(items.size()).isEqualTo(count);
				return items;
			}
			assertThat(System.nanoTime()).as("captures stored in time").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/** The capture once validated and attached to a step, each done in the background. */
	private JsonNode validatedOnItsStep(JsonNode capture) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode current = validated(capture);
			if (current.path("testInstanceId").isNumber()) {
				return current;
			}
			assertThat(System.nanoTime()).as("attached in time").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private JsonNode captureWith(String field, String text, int count) throws InterruptedException {
		return StreamSupport.stream(captures(count).spliterator(), false)
			.filter((capture) -> capture.path(field).asString("").contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no capture whose " + field + " says " + text));
	}

	private JsonNode validated(JsonNode capture) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode current = details(capture).path("capture");
			if (!current.path("validationStatus").asString().equals("PENDING")) {
				return current;
			}
			assertThat(System.nanoTime()).as("validated in time").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private JsonNode details(JsonNode capture) {
		Response details = this.admin.get("/api/captures/" + capture.path("id").asLong());
		assertThat(details.status()).as(details.toString()).isEqualTo(200);
		return details.json();
	}

	/** Each issue as {@code side severity location line n}. */
	private static List<String> issues(JsonNode details) {
		return StreamSupport.stream(details.path("validationIssues").spliterator(), false)
			.map((issue) -> issue.path("side").asString("").toLowerCase(Locale.ROOT) + " "
					+ issue.path("severity").asString() + " " + issue.path("location").asString() + " line "
					+ issue.path("line").asString())
			.toList();
	}

	private static List<String> messages(JsonNode details) {
		return StreamSupport.stream(details.path("validationIssues").spliterator(), false)
			.map((issue) -> issue.path("message").asString())
			.toList();
	}

	/**
	 * The first of that many consecutive ports that nothing listens on, below the range
	 * the system takes ports for outgoing connections from (32768 and up on Linux): a
	 * connection to a port of that range can be given the same port as its own end, and
	 * then connects to itself.
	 */
	private static int freeRange(int size) {
		for (int attempt = 0; attempt < 200; attempt++) {
			int first = ThreadLocalRandom.current().nextInt(20_000, 32_000 - size);
			boolean free = true;
			for (int port = first; port < first + size && free; port++) {
				try (ServerSocket probe = new ServerSocket(port)) {
					probe.setReuseAddress(true);
				}
				catch (IOException taken) {
					free = false;
				}
			}
			if (free) {
				return first;
			}
		}
		throw new IllegalStateException("No free range of " + size + " ports");
	}

}
