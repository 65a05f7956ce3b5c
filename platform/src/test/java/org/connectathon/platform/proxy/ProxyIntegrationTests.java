package org.connectathon.platform.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.net.httpserver.HttpServer;
import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.ReferenceServerExtension;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.proxy.Capture.SenderIdentification;
import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording proxy between two systems of an event: the client system calls its
 * partner's proxy address, the proxy forwards to the partner's endpoint (the engine's
 * reference server) and streams the answer back, and every exchange is captured with its
 * sender, credentials masked.
 */
@PlatformIntegrationTest
class ProxyIntegrationTests {

	@RegisterExtension
	static final ReferenceServerExtension referenceServer = new ReferenceServerExtension();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRepository captures;

	@Autowired
	JdbcClient jdbc;

	Event event;

	ApiClient alice;

	ApiClient bob;

	long repository;

	long consumer;

	String proxyUrl;

	String consumerToken;

	@BeforeEach
	void aConsumerAndARepositoryWhoseEndpointIsTheReferenceServer() {
		this.event = this.fixtures.openEventAllowingPrivateAddresses();
		Organization acme = this.fixtures.organization();
		this.alice = this.fixtures.participantOf(acme);
		this.bob = this.fixtures.participantOf(this.fixtures.organization());
		this.repository = TestingFixtures.publishedSystem(this.alice, this.event, "Acme Repository", "IPS:REPOSITORY");
		this.consumer = TestingFixtures.publishedSystem(this.bob, this.event, "Bob Creator", "IPS:CREATOR");
		Response endpoint = this.alice.post("/api/systems/" + this.repository + "/endpoints", Map.of("profile", "IPS",
				"actor", "REPOSITORY", "baseUrl", referenceServer.baseUrl(), "fhirVersion", "R4"));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		this.proxyUrl = endpoint.json().path("proxyUrl").asString();
		this.consumerToken = this.bob.get("/api/systems/" + this.consumer + "/capture-identification")
			.json()
			.path("captureToken")
			.asString();
	}

	@Test
	void shouldGiveEveryEndpointAStableProxyAddressMadeOfIds() {
		long endpointId = this.alice.get("/api/systems/" + this.repository + "/endpoints")
			.json()
			.get(0)
			.path("id")
			.asLong();

		assertThat(this.proxyUrl)
			.isEqualTo("http://localhost:" + this.fixtures.port() + "/proxy/" + this.event.id() + "/" + endpointId);
		assertThat(this.alice.get("/api/systems/" + this.repository + "/endpoints")
			.json()
			.get(0)
			.path("proxyUrl")
			.asString()).isEqualTo(this.proxyUrl);
	}

	@Test
	void shouldForwardACreateStreamTheAnswerBackAndCaptureItWithItsSenderAndCredentialsMasked() throws Exception {
		String patient = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Proxied\"}]}";

		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(this.proxyUrl + "/Patient"))
			.POST(BodyPublishers.ofString(patient))
			.header("Content-Type", "application/fhir+json")
			.header("Authorization", "Bearer partner-secret")
			.header("X-Connectathon-System", this.consumerToken));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).startsWith(this.proxyUrl + "/Patient/"));
		assertThat(JSON.readTree(created.body()).path("resourceType").asString()).isEqualTo("Patient");
		HttpResponse<String> read = send(
				HttpRequest.newBuilder(URI.create(created.headers().firstValue("Location").orElseThrow())).GET());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("Proxied");

		List<Capture> stored = capturesOfTheEvent(2);
		Capture create = stored.get(1);
		assertThat(create.method()).isEqualTo("POST");
		assertThat(create.url()).isEqualTo("/Patient");
		assertThat(create.upstreamUrl()).isEqualTo(referenceServer.baseUrl() + "/Patient");
		assertThat(create.status()).isEqualTo(201);
		assertThat(create.failure()).isNull();
		assertThat(create.resourceType()).isEqualTo("Patient");
		assertThat(create.interaction()).isEqualTo("create");
		assertThat(create.receiverSystemId()).isEqualTo(this.repository);
		assertThat(create.senderSystemId()).isEqualTo(this.consumer);
		assertThat(create.senderIdentifiedBy()).isEqualTo(SenderIdentification.SYSTEM_TOKEN);
		assertThat(create.upstreamMillis()).isNotNull();
		assertThat(create.totalMillis()).isGreaterThanOrEqualTo(create.upstreamMillis());
		assertThat(create.requestBodySize()).isEqualTo(patient.length());
		assertThat(create.requestBodyTruncated()).isFalse();
		CapturedMessage request = this.captures.findRequest(create.id()).orElseThrow();
		assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(patient);
		assertThat(request.headers()).contains(new Header("Authorization", "Bearer ****"),
				new Header("X-Connectathon-System", "****"));
		assertThat(request.contentType()).isEqualTo("application/fhir+json");
		CapturedMessage response = this.captures.findResponse(create.id()).orElseThrow();
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(created.body());
		assertThat(response.bodySize()).isEqualTo(created.body().getBytes(StandardCharsets.UTF_8).length);
		Capture reading = stored.get(0);
		assertThat(reading.interaction()).as("the Location names a version").isEqualTo("vread");
		assertThat(reading.senderSystemId()).as("no token, no registered address").isNull();
	}

	@Test
	void shouldForwardQueriesAsTheyAreSearchesWithSystemAndCodeIncluded() throws Exception {
		HttpResponse<String> searched = send(
				HttpRequest.newBuilder(URI.create(this.proxyUrl + "/Patient?identifier=urn:system%7Cvalue&_count=5"))
					.GET());

		assertThat(searched.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(searched.body()).path("type").asString()).isEqualTo("searchset");
		Capture search = capturesOfTheEvent(1).get(0);
		assertThat(search.url()).isEqualTo("/Patient?identifier=urn:system%7Cvalue&_count=5");
		assertThat(search.interaction()).isEqualTo("search-type");
	}

	@Test
	void shouldForwardAFormEncodedSearchBodyUntouched() throws Exception {
		String form = "identifier=urn:system%7Cnone&_count=3";

		HttpResponse<String> searched = send(HttpRequest.newBuilder(URI.create(this.proxyUrl + "/Patient/_search"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form)));

		assertThat(searched.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(searched.body()).path("type").asString()).isEqualTo("searchset");
		Capture search = capturesOfTheEvent(1).get(0);
		assertThat(search.interaction()).isEqualTo("search-type");
		assertThat(new String(this.captures.findRequest(search.id()).orElseThrow().body(), StandardCharsets.UTF_8))
			.isEqualTo(form);
	}

	@Test
	void shouldForwardTheFormBodyOfAPutUntouched() throws Exception {
		String form = "family=Chalmers&given=Peter";

		send(HttpRequest.newBuilder(URI.create(this.proxyUrl + "/Patient/example"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.PUT(BodyPublishers.ofString(form)));

		Capture update = capturesOfTheEvent(1).get(0);
		assertThat(update.failure()).isNull();
		assertThat(update.requestBodySize()).isEqualTo(form.length());
		assertThat(new String(this.captures.findRequest(update.id()).orElseThrow().body(), StandardCharsets.UTF_8))
			.isEqualTo(form);
	}

	@Test
	void shouldKnowTheSenderByTheClientAddressItRegistered() throws Exception {
		Response registered = this.bob.put("/api/systems/" + this.consumer + "/client-addresses",
				Map.of("clientAddresses", List.of("127.0.0.0/8", "::1")));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(200);

		send(HttpRequest.newBuilder(URI.create(this.proxyUrl + "/metadata")).GET());

		Capture capabilities = capturesOfTheEvent(1).get(0);
		assertThat(capabilities.interaction()).isEqualTo("capabilities");
		assertThat(capabilities.senderSystemId()).isEqualTo(this.consumer);
		assertThat(capabilities.senderIdentifiedBy()).isEqualTo(SenderIdentification.CLIENT_ADDRESS);
	}

	@Test
	void shouldRefuseClientAddressesThatAreNoAddressesAndChangeNothing() {
		Response refused = this.bob.put("/api/systems/" + this.consumer + "/client-addresses",
				Map.of("clientAddresses", List.of("10.0.0.0/8", "fhir.example.org")));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("detail").asString()).contains("'fhir.example.org' is not an IP address");
		assertThat(this.bob.get("/api/systems/" + this.consumer + "/capture-identification")
			.json()
			.path("clientAddresses")
			.size()).isZero();
	}

	@Test
	void shouldNotTakeTheCaptureTokenOfAnotherEventsSystemAsTheSender() throws Exception {
		Event otherEvent = this.fixtures.openEventAllowingPrivateAddresses();
		long otherSystem = TestingFixtures.publishedSystem(this.bob, otherEvent, "Bob Elsewhere", "IPS:CREATOR");
		String otherToken = this.bob.get("/api/systems/" + otherSystem + "/capture-identification")
			.json()
			.path("captureToken")
			.asString();

		send(HttpRequest.newBuilder(URI.create(this.proxyUrl + "/metadata"))
			.header("X-Connectathon-System", otherToken)
			.GET());

		assertThat(capturesOfTheEvent(1).get(0).senderSystemId()).isNull();
	}

	@Test
	void shouldShowAndRegenerateTheCaptureTokenForTheSystemsOwnOrganizationOnly() {
		Response regenerated = this.bob.post("/api/systems/" + this.consumer + "/capture-token", Map.of());

		assertThat(regenerated.status()).isEqualTo(200);
		assertThat(regenerated.json().path("captureToken").asString()).isNotEqualTo(this.consumerToken).hasSize(32);
		assertThat(regenerated.json().path("header").asString()).isEqualTo("X-Connectathon-System");
		Response refused = this.alice.post("/api/systems/" + this.consumer + "/capture-token", Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(this.alice.get("/api/systems/" + this.consumer + "/capture-identification").status()).isEqualTo(403);
		assertThat(this.bob.get("/api/systems/" + this.consumer + "/capture-identification")
			.json()
			.path("captureToken")
			.asString()).isEqualTo(regenerated.json().path("captureToken").asString());
	}

	@Test
	void shouldAnswerAnUnknownProxyAddressWithNotFoundAndAnOperationOutcome() throws Exception {
		long endpointId = Long.parseLong(this.proxyUrl.substring(this.proxyUrl.lastIndexOf('/') + 1));
		Event otherEvent = this.fixtures.openEventAllowingPrivateAddresses();
		String base = "http://localhost:" + this.fixtures.port() + "/proxy/";

		for (String address : List.of(base + otherEvent.id() + "/" + endpointId + "/metadata",
				base + this.event.id() + "/999999999/metadata", base + "not/a-proxy-address", base)) {
			HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(address)).GET());
			assertThat(answer.statusCode()).as(address).isEqualTo(404);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/fhir+json");
			assertThat(JSON.readTree(answer.body()).path("issue").get(0).path("diagnostics").asString())
				.startsWith("CTN-6001: There is no proxy address");
		}
	}

	@Test
	void shouldNotForwardForAClosedEvent() throws Exception {
		this.jdbc.sql("update events set status = 'CLOSED' where id = :id").param("id", this.event.id()).update();

		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(this.proxyUrl + "/metadata")).GET());

		assertThat(answer.statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRefuseAnUpstreamOnALoopbackAddressWhenTheEventAllowsOnlyPublicOnesAndCaptureTheRefusal()
			throws Exception {
		// The endpoint was accepted while the event allowed private addresses; the
		// proxy judges the address again at every exchange.
		this.jdbc.sql("update events set allow_private_addresses = false where id = :id")
			.param("id", this.event.id())
			.update();

		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(this.proxyUrl + "/metadata")).GET());

		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/fhir+json");
		JsonNode issue = JSON.readTree(answer.body()).path("issue").get(0);
		assertThat(issue.path("code").asString()).isEqualTo("security");
		assertThat(issue.path("diagnostics").asString())
			.isEqualTo("CTN-6002: The platform does not send requests to this endpoint's address: "
					+ "localhost is a loopback address, and requests go to public addresses only.");
		Capture refused = capturesOfTheEvent(1).get(0);
		assertThat(refused.status()).isEqualTo(502);
		assertThat(refused.failure()).startsWith("CTN-6002");
		assertThat(refused.upstreamMillis()).isNull();
	}

	@Test
	void shouldNeverSendToALinkLocalAddressEvenWhereTheEventAllowsPrivateOnes() throws Exception {
		String metadataAddress = proxyUrlOf(endpointAt("http://169.254.169.254/latest"));

		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(metadataAddress + "/meta-data")).GET());

		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.body()).contains("CTN-6002").contains("169.254.169.254 is a link-local address");
	}

	@Test
	void shouldAnswerBadGatewayWhenNothingListensAtTheEndpoint() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String proxy = proxyUrlOf(endpointAt("http://127.0.0.1:" + closedPort + "/fhir"));

		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(proxy + "/Patient/1")).GET());

		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.body()).contains("CTN-6003: The endpoint cannot be reached: nothing accepts connections");
		Capture failed = capturesOfTheEvent(1).get(0);
		assertThat(failed.failure()).startsWith("CTN-6003");
		assertThat(failed.interaction()).isEqualTo("read");
	}

	@Test
	void shouldStreamALargeChunkedAnswerAndKeepTheCaptureToItsLimit() throws Exception {
		int megabytes = 5;
		HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		upstream.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[1024 * 1024];
			try (OutputStream out = exchange.getResponseBody()) {
				for (int sent = 0; sent < megabytes; sent++) {
					out.write(chunk);
				}
			}
		});
		upstream.start();
		try {
			String proxy = proxyUrlOf(endpointAt("http://127.0.0.1:" + upstream.getAddress().getPort()));

			HttpResponse<InputStream> answer = HTTP.send(
					HttpRequest.newBuilder(URI.create(proxy + "/Binary/big")).GET().build(),
					BodyHandlers.ofInputStream());

			assertThat(answer.statusCode()).isEqualTo(200);
			try (InputStream body = answer.body()) {
				assertThat(body.transferTo(OutputStream.nullOutputStream())).isEqualTo(megabytes * 1024L * 1024L);
			}
			Capture big = capturesOfTheEvent(1).get(0);
			assertThat(big.responseBodySize()).isEqualTo(megabytes * 1024L * 1024L);
			assertThat(big.responseBodyTruncated()).isTrue();
			assertThat(this.captures.findResponse(big.id()).orElseThrow().body()).hasSize(2 * 1024 * 1024);
		}
		finally {
			upstream.stop(0);
		}
	}

	@Test
	void shouldCaptureAClientThatHangsUpWhileTheAnswerStreamsAndGoOnServing() throws Exception {
		HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		upstream.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[64 * 1024];
			try (OutputStream out = exchange.getResponseBody()) {
				for (int sent = 0; sent < 1000; sent++) {
					out.write(chunk);
					out.flush();
				}
			}
			catch (IOException proxyHungUp) {
				// the proxy let go of the upstream once its client had gone
			}
		});
		upstream.start();
		try {
			String proxy = proxyUrlOf(endpointAt("http://127.0.0.1:" + upstream.getAddress().getPort()));
			URI address = URI.create(proxy + "/Binary/endless");
			try (Socket socket = new Socket("localhost", this.fixtures.port())) {
				socket.getOutputStream()
					.write(("GET " + address.getRawPath() + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
				socket.getInputStream().readNBytes(100_000);
			}

			Capture abandoned = capturesOfTheEvent(1).get(0);
			assertThat(abandoned.status()).isEqualTo(200);
			assertThat(abandoned.failure()).startsWith("The client closed the connection after");
			assertThat(send(HttpRequest.newBuilder(URI.create(this.proxyUrl + "/metadata")).GET()).statusCode())
				.isEqualTo(200);
		}
		finally {
			upstream.stop(0);
		}
	}

	@Test
	void shouldKeepCookiesAndTheTokenFromCrossingAndAnswerWithoutASessionButSandboxed() throws Exception {
		HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		upstream.createContext("/", (exchange) -> {
			String received = exchange.getRequestHeaders()
				.entrySet()
				.stream()
				.map((header) -> header.getKey().toLowerCase(java.util.Locale.ROOT) + "=" + header.getValue())
				.sorted()
				.collect(java.util.stream.Collectors.joining("\n"));
			byte[] body = received.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Set-Cookie", "SESSION=upstream; Path=/");
			exchange.getResponseHeaders().add("Cache-Control", "max-age=60");
			exchange.getResponseHeaders()
				.add("Location",
						"http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/base/Patient/7/_history/1");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		upstream.start();
		try {
			String proxy = proxyUrlOf(endpointAt("http://127.0.0.1:" + upstream.getAddress().getPort() + "/base"));

			HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(proxy + "/Patient/7"))
				.header("Cookie", "SESSION=the-platform-session")
				.header("X-Connectathon-System", this.consumerToken)
				.header("X-Custom", "kept")
				.GET());

			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("x-custom=[kept]")
				.doesNotContain("cookie")
				.doesNotContain("x-connectathon-system")
				.doesNotContain("the-platform-session");
			assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
			assertThat(answer.headers().allValues("Cache-Control")).containsExactly("max-age=60");
			assertThat(answer.headers().firstValue("Content-Security-Policy"))
				.hasValueSatisfying((policy) -> assertThat(policy).contains("sandbox").contains("default-src 'none'"));
			assertThat(answer.headers().firstValue("Location")).hasValue(proxy + "/Patient/7/_history/1");
			// The JDK server writes header names as Set-cookie.
			CapturedMessage response = this.captures.findResponse(capturesOfTheEvent(1).get(0).id()).orElseThrow();
			assertThat(response.headers()).contains(new Header("Set-cookie", "****"));
		}
		finally {
			upstream.stop(0);
		}
	}

	@Test
	void shouldStoreOneCapturePerExchangeUnderLoad() throws Exception {
		int exchanges = 200;
		ExecutorService clients = Executors.newFixedThreadPool(50);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int sent = 0; sent < exchanges; sent++) {
				int number = sent;
				statuses.add(clients.submit(
						() -> send(HttpRequest.newBuilder(URI.create(this.proxyUrl + "/Patient?_id=" + number)).GET())
							.statusCode()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			clients.shutdown();
		}

		assertThat(capturesOfTheEvent(exchanges)).hasSize(exchanges);
	}

	private long endpointAt(String baseUrl) {
		// Stored as an endpoint registered before the address policy existed would be:
		// the proxy must judge it itself.
		long actor = this.jdbc.sql("select actor_id from endpoints where system_id = :system")
			.param("system", this.repository)
			.query(Long.class)
			.single();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("insert into endpoints (system_id, actor_id, base_url) values (:system, :actor, :url)")
			.param("system", this.repository)
			.param("actor", actor)
			.param("url", baseUrl)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	private String proxyUrlOf(long endpointId) {
		return "http://localhost:" + this.fixtures.port() + "/proxy/" + this.event.id() + "/" + endpointId;
	}

	/** The event's captures, newest first, once this many are stored. */
	private List<Capture> capturesOfTheEvent(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.captures.findPage(this.event.id(), CaptureFilter.none(), 0, 1).total() < count
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return this.captures.findPage(this.event.id(), CaptureFilter.none(), 0, Math.max(count, 1)).items();
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
	}

}
