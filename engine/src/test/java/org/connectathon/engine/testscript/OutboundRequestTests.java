package org.connectathon.engine.testscript;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.connectathon.engine.outbound.OutboundAddressPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.engine.testscript.OperationTests.expression;
import static org.connectathon.engine.testscript.ScriptHarness.op;

/**
 * Where the engine's requests go, and what its messages tell about it: a confined run
 * stays under its destination's base URL, a refused address and a failed connection read
 * the same whatever the port, redirects are not followed, and an assert shows only the
 * start of what a server sent.
 */
class OutboundRequestTests {

	private static final String LONG_NAME = "A".repeat(5000);

	/** The system under test, at {@code /fhir}. */
	private HttpServer server;

	/** Another server on the same machine, which the scripts must not reach. */
	private HttpServer elsewhere;

	private final AtomicInteger elsewhereRequests = new AtomicInteger();

	private CloseableHttpClient privateAllowed;

	private CloseableHttpClient publicOnly;

	@BeforeEach
	void start() throws IOException {
		this.elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.elsewhere.createContext("/", (exchange) -> {
			this.elsewhereRequests.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.elsewhere.start();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/fhir/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", elsewhere("/latest/meta-data/"));
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/fhir", (exchange) -> {
			byte[] body = ("{\"resourceType\":\"Patient\",\"id\":\"long\",\"name\":[{\"family\":\"" + LONG_NAME
					+ "\"}]}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
		this.privateAllowed = OutboundAddressPolicy.privateAddressesAllowed().httpClient(Duration.ofSeconds(5));
		this.publicOnly = OutboundAddressPolicy.publicAddressesOnly().httpClient(Duration.ofSeconds(5));
	}

	@AfterEach
	void stop() throws IOException {
		this.server.stop(0);
		this.elsewhere.stop(0);
		this.privateAllowed.close();
		this.publicOnly.close();
	}

	@Test
	void shouldNotSendAConfinedScriptsAbsoluteUrlOutsideItsDestination() {
		RunSettings confined = settings(base()).withConfinement(true);

		ActionResult away = first(run(confined, this.privateAllowed, read(elsewhere("/secret"))));
		ActionResult up = first(run(confined, this.privateAllowed, read(base() + "/../secret")));
		ActionResult encodedUp = first(
				run(confined, this.privateAllowed, read(base() + "/Patient/%2e%2e/%2E%2E/secret")));
		ActionResult otherScheme = first(
				run(confined, this.privateAllowed, read(base().replace("http://", "https://") + "/Patient/long")));
		ActionResult under = first(run(confined, this.privateAllowed, read(base() + "/Patient/long")));

		assertThat(away.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(away.message()).isEqualTo("CTN-3040: GET " + elsewhere("/secret") + " was not sent: it leaves "
				+ base() + ", the base URL of the system under test, and requests stay there (same scheme, host and "
				+ "port, a path under the base's)");
		assertThat(up.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(up.message()).startsWith("CTN-3040: ");
		assertThat(encodedUp.message()).startsWith("CTN-3040: ");
		assertThat(otherScheme.message()).startsWith("CTN-3040: ");
		assertThat(this.elsewhereRequests).hasValue(0);
		assertThat(under.outcome()).isEqualTo(Outcome.PASS);

		ActionResult unconfined = first(run(settings(base()), this.privateAllowed, read(elsewhere("/secret"))));
		assertThat(unconfined.outcome()).isEqualTo(Outcome.PASS);
		assertThat(this.elsewhereRequests).hasValue(1);
	}

	@Test
	void shouldRefuseALoopbackEndpointWithOneMessageWhateverThePort() throws IOException {
		int open = this.server.getAddress().getPort();
		int closed = closedPort();

		ActionResult toOpen = first(run(settings("http://127.0.0.1:" + open + "/fhir"), this.publicOnly, read(null)));
		ActionResult toClosed = first(
				run(settings("http://127.0.0.1:" + closed + "/fhir"), this.publicOnly, read(null)));

		assertThat(toOpen.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(toOpen.message()).isEqualTo("CTN-3041: GET http://127.0.0.1:" + open
				+ "/fhir/Patient/long was not sent: 127.0.0.1 is a loopback address, and requests go to public "
				+ "addresses only");
		assertThat(toClosed.message().replace(":" + closed + "/", ":PORT/"))
			.isEqualTo(toOpen.message().replace(":" + open + "/", ":PORT/"));
	}

	@Test
	void shouldTellAClosedPortFromAServerThatDoesNotAnswerHttpInTheSameWords() throws IOException {
		int closed = closedPort();
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread closer = new Thread(() -> {
				try (Socket accepted = silent.accept()) {
					// accepts the connection and hangs up without a word
				}
				catch (IOException ex) {
					// the test ended
				}
			});
			closer.start();
			int open = silent.getLocalPort();

			ActionResult toClosed = first(
					run(settings("http://127.0.0.1:" + closed + "/fhir"), this.privateAllowed, read(null)));
			ActionResult toOpen = first(
					run(settings("http://127.0.0.1:" + open + "/fhir"), this.privateAllowed, read(null)));

			assertThat(toClosed.outcome()).isEqualTo(Outcome.ERROR);
			assertThat(toClosed.message()).startsWith("CTN-3009: GET http://127.0.0.1:" + closed)
				.contains("got no HTTP response")
				.doesNotContainIgnoringCase("refused:")
				.doesNotContainIgnoringCase("Connection refused");
			assertThat(toOpen.message().replace(":" + open + "/", ":PORT/"))
				.isEqualTo(toClosed.message().replace(":" + closed + "/", ":PORT/"));
		}
	}

	@Test
	void shouldNotFollowARedirect() {
		ScriptResult result = run(settings(base()), this.privateAllowed,
				"{\"operation\":{\"type\":" + op("read") + ",\"url\":\"moved\",\"encodeRequestUrl\":true}},"
						+ "{\"assert\":{\"response\":\"found\",\"warningOnly\":false}}");

		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);
		assertThat(this.elsewhereRequests).hasValue(0);
	}

	@Test
	void shouldShowOnlyTheStartOfAValueTheServerSent() {
		ScriptResult result = run(settings(base()), this.privateAllowed,
				read(null) + "," + expression("Patient.name.family", "equals", "Smith"));
		ActionResult judged = result.actions().get(1);

		assertThat(judged.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(judged.message()).startsWith("expected Patient.name.family to equal 'Smith', found 'AAAA")
			.contains("... (4800 more characters)")
			.doesNotContain("A".repeat(AssertEvaluator.SHOWN_VALUE_LENGTH + 1))
			.hasSizeLessThan(500);
	}

	private String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/fhir";
	}

	private String elsewhere(String path) {
		return "http://127.0.0.1:" + this.elsewhere.getAddress().getPort() + path;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** A read of Patient/long, at {@code url} when given. */
	private static String read(String url) {
		return "{\"operation\":{\"type\":" + op("read") + ",\"resource\":\"Patient\","
				+ ((url == null) ? "\"params\":\"/long\"" : "\"url\":\"" + url + "\"") + ",\"encodeRequestUrl\":true}}";
	}

	private static RunSettings settings(String server) {
		return RunSettings.forServer(URI.create(server)).withVariables(Map.of());
	}

	private static ScriptResult run(RunSettings settings, CloseableHttpClient http, String actions) {
		LoadedTestScript script = ScriptHarness.load("""
				{"resourceType":"TestScript","id":"outbound","url":"http://example.org/TestScript/outbound",
				 "name":"Outbound","status":"active","test":[{"name":"case","action":[ACTIONS]}]}""".replace("ACTIONS",
				actions));
		return new TestScriptRunner(settings, http).run(script);
	}

	private static ActionResult first(ScriptResult result) {
		return result.actions().get(0);
	}

}
