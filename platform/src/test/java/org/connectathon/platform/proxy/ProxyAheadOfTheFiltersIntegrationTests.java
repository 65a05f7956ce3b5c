package org.connectathon.platform.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording proxy answers ahead of Spring's and Spring Security's filters: what they
 * gave it, it does itself (the platform's security headers, the firewall's refusal of
 * paths that leave the endpoint's base URL), and nothing outside {@code /proxy/} becomes
 * reachable without them. Requests go over raw sockets, so that no client normalizes the
 * paths on the way.
 */
@PlatformIntegrationTest
class ProxyAheadOfTheFiltersIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRepository captures;

	HttpServer upstream;

	final AtomicInteger upstreamRequests = new AtomicInteger();

	Event event;

	String proxyPath;

	@BeforeEach
	void anEndpointThatAnswersWithHeadersOfItsOwn() throws IOException {
		this.upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.upstream.createContext("/", (exchange) -> {
			this.upstreamRequests.incrementAndGet();
			byte[] body = "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
			exchange.getResponseHeaders().add("Content-Security-Policy", "default-src *");
			exchange.getResponseHeaders().add("X-Frame-Options", "ALLOWALL");
			exchange.getResponseHeaders().add("Referrer-Policy", "unsafe-url");
			exchange.getResponseHeaders().add("X-Custom", "kept");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.upstream.start();
		this.event = this.fixtures.openEventAllowingPrivateAddresses();
		ApiClient alice = this.fixtures.participantOf(this.fixtures.organization());
		long repository = TestingFixtures.publishedSystem(alice, this.event, "Acme Repository", "IPS:REPOSITORY");
		Response endpoint = alice.post("/api/systems/" + repository + "/endpoints",
				Map.of("profile", "IPS", "actor", "REPOSITORY", "baseUrl",
						"http://127.0.0.1:" + this.upstream.getAddress().getPort() + "/base", "fhirVersion", "R4"));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		this.proxyPath = "/proxy/" + this.event.id() + "/" + endpoint.json().path("id").asLong();
	}

	@AfterEach
	void stopTheEndpoint() {
		this.upstream.stop(0);
	}

	@Test
	void shouldAnswerWithThePlatformsSecurityHeadersInPlaceOfTheEndpointsAndKeepItsPolicyBeside() throws Exception {
		String answer = get(this.proxyPath + "/Patient/7");

		assertThat(statusOf(answer)).isEqualTo(200);
		assertThat(answer)
			.containsIgnoringCase(
					"\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'; sandbox\r\n")
			.containsIgnoringCase("\r\nContent-Security-Policy: default-src *\r\n")
			.containsIgnoringCase("\r\nX-Frame-Options: DENY\r\n")
			.doesNotContain("ALLOWALL")
			.containsIgnoringCase("\r\nX-Content-Type-Options: nosniff\r\n")
			.containsIgnoringCase("\r\nReferrer-Policy: same-origin\r\n")
			.doesNotContain("unsafe-url")
			.containsIgnoringCase("\r\nX-Custom: kept\r\n")
			.doesNotContainIgnoringCase("Set-Cookie")
			.doesNotContainIgnoringCase("Cache-Control")
			.endsWith("{\"resourceType\":\"Patient\"}");
		Capture capture = storedCapture();
		assertThat(this.captures.findResponse(capture.id()).orElseThrow().headers())
			.contains(new CapturedMessage.Header("X-frame-options", "ALLOWALL"));
	}

	@Test
	void shouldRefuseAPathThatLeavesTheEndpointsBaseUrlWithoutForwardingIt() throws Exception {
		for (String path : new String[] { this.proxyPath + "/Patient/../../admin",
				this.proxyPath + "/Patient/%2e%2e/%2e%2e/admin" }) {
			String answer = get(path);

			assertThat(statusOf(answer)).as(path).isEqualTo(400);
			assertThat(answer).as(path)
				.contains("application/fhir+json")
				.contains("CTN-6006")
				.containsIgnoringCase("\r\nX-Frame-Options: DENY\r\n");
		}
		assertThat(this.upstreamRequests).hasValue(0);
	}

	@Test
	void shouldKeepEverythingOutsideTheProxyBehindTheFilters() throws Exception {
		// Leaves /proxy/ once normalized: the platform's firewall refuses it as it
		// refuses any path that is not normalized; the proxy never sees it.
		String api = get("/proxy/../api/events");
		assertThat(statusOf(api)).isEqualTo(400);
		assertThat(api).doesNotContain("CTN-600").doesNotContain("\"items\"");
		assertThat(statusOf(get("/api/events"))).isEqualTo(401);
		// A look-alike prefix is a page like any other: sign in first.
		for (String path : new String[] { "/proxyx/1/2/metadata", "/proxy%2Fx" }) {
			String page = get(path);
			assertThat(statusOf(page)).as(path).isIn(302, 400);
			assertThat(page).as(path).doesNotContain("CTN-600");
		}
		String signIn = get("/login");
		assertThat(statusOf(signIn)).isEqualTo(200);
		assertThat(signIn).containsIgnoringCase("\r\nContent-Security-Policy: default-src 'self'; script-src 'self'")
			.containsIgnoringCase("\r\nX-Frame-Options: DENY\r\n");
		assertThat(this.upstreamRequests).hasValue(0);
	}

	private Capture storedCapture() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.captures.findPage(this.event.id(), CaptureFilter.none(), 0, 1).total() < 1
				&& System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return this.captures.findPage(this.event.id(), CaptureFilter.none(), 0, 1).items().get(0);
	}

	/** The whole answer, head and body, to a GET of the path exactly as written. */
	private String get(String path) throws IOException {
		try (Socket socket = new Socket("localhost", this.fixtures.port())) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			try (InputStream in = socket.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
	}

	private static int statusOf(String answer) {
		return Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
	}

}
