package org.connectathon.engine.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy's HTTP client against a real server on the loopback address: the address is
 * judged when the client connects, whatever a name resolved to before, and redirects are
 * not followed.
 */
class OutboundHttpClientTests {

	private HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	/** Where a redirect of the server points; a second server counts what reaches it. */
	private HttpServer redirectTarget;

	private final AtomicInteger redirectedRequests = new AtomicInteger();

	@BeforeEach
	void startServers() throws IOException {
		this.redirectTarget = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.redirectTarget.createContext("/", (exchange) -> {
			this.redirectedRequests.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.redirectTarget.start();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.requests.incrementAndGet();
			if (exchange.getRequestURI().getPath().startsWith("/moved")) {
				exchange.getResponseHeaders()
					.add("Location", "http://127.0.0.1:" + this.redirectTarget.getAddress().getPort() + "/secret");
				exchange.sendResponseHeaders(302, -1);
			}
			else {
				exchange.sendResponseHeaders(200, -1);
			}
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServers() {
		this.server.stop(0);
		this.redirectTarget.stop(0);
	}

	@Test
	void shouldRefuseALoopbackAddressBeforeConnecting() throws IOException {
		try (CloseableHttpClient publicOnly = OutboundAddressPolicy.publicAddressesOnly()
			.httpClient(Duration.ofSeconds(5));
				CloseableHttpClient privateAllowed = OutboundAddressPolicy.privateAddressesAllowed()
					.httpClient(Duration.ofSeconds(5))) {
			assertThatThrownBy(() -> status(publicOnly, url("127.0.0.1", "/fhir/metadata")))
				.isInstanceOf(RefusedAddressException.class)
				.hasMessage("127.0.0.1 is a loopback address, and requests go to public addresses only");
			assertThatThrownBy(() -> status(publicOnly, url("localhost", "/fhir/metadata")))
				.isInstanceOf(RefusedAddressException.class);
			assertThat(this.requests).hasValue(0);

			assertThat(status(privateAllowed, url("127.0.0.1", "/fhir/metadata"))).isEqualTo(200);
			assertThat(this.requests).hasValue(1);
		}
	}

	@Test
	void shouldJudgeTheAddressResolvedWhenConnectingNotTheOneCheckedBefore() throws IOException {
		// DNS rebinding: public when the endpoint is checked, loopback when connecting
		AtomicInteger lookups = new AtomicInteger();
		OutboundAddressPolicy rebound = OutboundAddressPolicy.publicAddressesOnly()
			.withResolver((host) -> List
				.of(InetAddress.getByName((lookups.getAndIncrement() == 0) ? "93.184.216.34" : "127.0.0.1")));
		URI endpoint = URI.create(url("fhir.rebinding.test", "/fhir"));

		assertThat(rebound.refusal(endpoint)).isEmpty();
		try (CloseableHttpClient client = rebound.httpClient(Duration.ofSeconds(5))) {
			assertThatThrownBy(() -> status(client, endpoint + "/metadata")).isInstanceOf(RefusedAddressException.class)
				.hasMessageStartingWith("fhir.rebinding.test is a loopback address");
		}
		assertThat(lookups).hasValue(2);
		assertThat(this.requests).hasValue(0);
	}

	@Test
	void shouldNotFollowARedirect() throws IOException {
		try (CloseableHttpClient client = OutboundAddressPolicy.privateAddressesAllowed()
			.httpClient(Duration.ofSeconds(5))) {
			assertThat(status(client, url("127.0.0.1", "/moved"))).isEqualTo(302);
		}
		assertThat(this.requests).hasValue(1);
		assertThat(this.redirectedRequests).hasValue(0);
	}

	private String url(String host, String path) {
		return "http://" + host + ":" + this.server.getAddress().getPort() + path;
	}

	private static int status(CloseableHttpClient client, String url) throws IOException {
		return client.execute(new HttpGet(url), (response) -> response.getCode());
	}

}
