package org.connectathon.platform.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.connectathon.platform.ApiClient.ChunkedResponse;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording proxy at its limits, on a platform whose limits are small enough to reach
 * in a moment (its own running platform: no other class shares these properties): a slow
 * endpoint, a body over the limit, a client that sends less than it declared, and a
 * capture queue too small for a burst.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = { "connectathon.proxy.timeout=5s", "connectathon.proxy.max-request-body=64KB",
		"connectathon.proxy.capture-queue=1", "connectathon.proxy.capture-batch=1",
		"connectathon.limits.request-body=16KB" })
class ProxyLimitsIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRepository captures;

	@Autowired
	CaptureRecorder recorder;

	Event event;

	ApiClient alice;

	long repository;

	HttpServer slowUpstream;

	/** An endpoint that reads what it is sent and answers at once, cheaply. */
	HttpServer fastUpstream;

	@BeforeEach
	void aRepositoryWithAnEndpoint() throws IOException {
		this.event = this.fixtures.openEventAllowingPrivateAddresses();
		this.alice = this.fixtures.participantOf(this.fixtures.organization());
		this.repository = TestingFixtures.publishedSystem(this.alice, this.event, "Acme Repository", "IPS:REPOSITORY");
		this.slowUpstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.slowUpstream.createContext("/", (exchange) -> {
			try {
				Thread.sleep(15000);
				exchange.sendResponseHeaders(200, -1);
			}
			catch (InterruptedException | IOException stopped) {
				// the proxy gave up waiting
			}
			exchange.close();
		});
		this.slowUpstream.start();
		this.fastUpstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.fastUpstream.createContext("/", (exchange) -> {
			exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
			byte[] answer = "{\"resourceType\":\"CapabilityStatement\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
			exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		this.fastUpstream.setExecutor(Executors.newFixedThreadPool(8));
		this.fastUpstream.start();
	}

	@AfterEach
	void stopTheUpstreams() {
		this.slowUpstream.stop(0);
		this.fastUpstream.stop(0);
	}

	@Test
	void shouldAnswerGatewayTimeoutWhenTheEndpointIsTooSlowAndCaptureIt() throws Exception {
		String proxy = proxyUrl("http://127.0.0.1:" + this.slowUpstream.getAddress().getPort() + "/fhir");

		HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(proxy + "/Patient/1")).build(),
				BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(504);
		assertThat(answer.body()).contains("\"code\":\"timeout\"")
			.contains("CTN-6004: The endpoint did not answer within 5 seconds.");
		Capture timedOut = capturesOfTheEvent(1).get(0);
		assertThat(timedOut.status()).isEqualTo(504);
		assertThat(timedOut.failure()).startsWith("CTN-6004");
		assertThat(timedOut.totalMillis()).isBetween(4900, 14900);
	}

	@Test
	void shouldHoldProxiedBodiesToTheProxysLimitOnlyNotToThePlatformsOthers() throws Exception {
		String proxy = proxyUrl("http://127.0.0.1:" + this.fastUpstream.getAddress().getPort() + "/fhir");
		String path = URI.create(proxy).getRawPath() + "/Binary";
		ApiClient anonymous = this.fixtures.anonymous();

		// Over the platform's request-body limit (16 KB here), under the proxy's (64 KB):
		// no filter of the platform's runs before the proxy.
		ChunkedResponse chunked = anonymous.postChunked(path, "application/octet-stream", new byte[1024], 32 * 1024);
		ChunkedResponse declared = anonymous.postDeclared(path, "application/octet-stream", new byte[1024], 32 * 1024);

		assertThat(chunked.status()).as(chunked.body()).isEqualTo(201);
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
	}

	@Test
	void shouldRefuseABodyOverTheLimitDeclaredOrChunkedAndCaptureTheRefusal() throws Exception {
		String proxy = proxyUrl("http://127.0.0.1:" + this.fastUpstream.getAddress().getPort() + "/fhir");
		String path = URI.create(proxy).getRawPath() + "/Binary";
		ApiClient anonymous = this.fixtures.anonymous();

		ChunkedResponse chunked = anonymous.postChunked(path, "application/octet-stream", new byte[1024], 1024 * 1024);
		ChunkedResponse declared = anonymous.postDeclared(path, "application/octet-stream", new byte[1024],
				1024 * 1024);

		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.body()).contains("CTN-6005");
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.body()).contains("CTN-6005: The request body has 1048576 bytes");
		List<Capture> refused = capturesOfTheEvent(2);
		assertThat(refused).allSatisfy((capture) -> {
			assertThat(capture.status()).isEqualTo(413);
			assertThat(capture.failure()).startsWith("CTN-6005");
		});
		assertThat(refused.get(1).requestBodySize()).as("the chunked body was read just past the limit")
			.isBetween(64 * 1024 + 1L, 64 * 1024 + 16 * 1024L);
		assertThat(refused.get(0).requestBodySize()).as("the declared one not at all").isZero();
	}

	@Test
	void shouldCaptureAClientThatSendsLessThanItDeclaredAndStayUp() throws Exception {
		String proxy = proxyUrl("http://127.0.0.1:" + this.fastUpstream.getAddress().getPort() + "/fhir");
		try (Socket socket = new Socket("localhost", this.fixtures.port())) {
			socket.getOutputStream()
				.write(("POST " + URI.create(proxy).getRawPath() + "/Patient HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/fhir+json\r\nContent-Length: 1000\r\n\r\n{\"resourceType\":")
					.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
		}

		Capture cut = capturesOfTheEvent(1).get(0);
		assertThat(cut.failure()).startsWith("CTN-6006: The request body could not be read to its end");
		assertThat(cut.requestBodySize()).isEqualTo("{\"resourceType\":".length());
		HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(URI.create(proxy + "/metadata")).build(),
				BodyHandlers.ofString());
		assertThat(next.statusCode()).isEqualTo(200);
	}

	@Test
	void shouldForwardEveryExchangeWhenTheCaptureQueueIsFullAndCountWhatItDropped() throws Exception {
		String proxy = proxyUrl("http://127.0.0.1:" + this.fastUpstream.getAddress().getPort() + "/fhir");
		long droppedBefore = this.recorder.dropped();
		int exchanges = 200;
		ExecutorService clients = Executors.newFixedThreadPool(50);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int sent = 0; sent < exchanges; sent++) {
				statuses.add(clients.submit(() -> HTTP
					.send(HttpRequest.newBuilder(URI.create(proxy + "/metadata")).build(), BodyHandlers.discarding())
					.statusCode()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			clients.shutdown();
		}

		long dropped = this.recorder.dropped() - droppedBefore;
		assertThat(dropped).as("a queue of one overflows in a burst").isPositive();
		assertThat(capturesOfTheEvent(exchanges - (int) dropped)).hasSize(exchanges - (int) dropped);
	}

	private String proxyUrl(String baseUrl) {
		Response endpoint = this.alice.post("/api/systems/" + this.repository + "/endpoints",
				Map.of("profile", "IPS", "actor", "REPOSITORY", "baseUrl", baseUrl, "fhirVersion", "R4"));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		return endpoint.json().path("proxyUrl").asString();
	}

	/** The event's captures, newest first, once this many are stored. */
	private List<Capture> capturesOfTheEvent(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.captures.findPage(this.event.id(), CaptureFilter.none(), 0, 1).total() < count
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		Thread.sleep(200);
		return this.captures.findPage(this.event.id(), CaptureFilter.none(), 0, Math.max(count, 1) + 10).items();
	}

}
