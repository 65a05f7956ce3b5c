package org.connectathon.engine.testscript;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.connectathon.engine.outbound.OutboundAddressPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client testing: the engine waits for a real HTTP client (the JDK's) at a listening
 * address, forwards its requests to the reference server and judges both directions.
 */
class ClientTestingTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final String PATIENT = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:test\",\"value\":\"c1\"}],"
			+ "\"name\":[{\"family\":\"Chalmers\",\"given\":[\"Peter\"]}],\"gender\":\"male\"}";

	/**
	 * How long a request waits for the engine to take it: long enough for a run's setup
	 * on a loaded machine, since the tests' clients send without waiting for the engine.
	 */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final List<ClientListener> listeners = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeListeners() {
		this.listeners.forEach(ClientListener::close);
	}

	@Test
	void shouldForwardTheClientsRequestsAndJudgeRequestAndResponseWithVariablesAcrossExchanges() throws Exception {
		ClientListener listener = listen(1);
		String script = clientScript(
				"""
						{"operation":{"type":CREATE,"resource":"Patient","origin":1,"destination":1,"requestId":"sent","responseId":"created","encodeRequestUrl":true}},
						{"assert":{"direction":"response","responseCode":"201","warningOnly":false}},
						{"assert":{"direction":"request","compareToSourceId":"patient","compareToSourcePath":"Patient/name/family","path":"Patient/name/family","warningOnly":false}},
						{"operation":{"type":READ,"resource":"Patient","origin":1,"destination":1,"encodeRequestUrl":true}},
						{"assert":{"direction":"request","operator":"contains","requestURL":"/Patient/${createdId}","warningOnly":false}},
						{"assert":{"direction":"response","expression":"Patient.name.family","value":"Chalmers","warningOnly":false}}
						""");
		CompletableFuture<ScriptResult> run = run(script, clients(Duration.ofSeconds(20), listener));

		HttpResponse<String> created = send(listener, "POST", "/Patient", PATIENT, "application/fhir+json");
		assertThat(created.statusCode()).as("the server's answer, unchanged").isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String id = location.replaceAll(".*/Patient/([^/]+).*", "$1");
		HttpResponse<String> read = send(listener, "GET", "/Patient/" + id, null, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("Chalmers");

		ScriptResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.actions()).extracting(ActionResult::message).doesNotContainNull();
		assertThat(ScriptHarness.testOutcomes(result)).as(result.actions().toString()).containsOnly(Outcome.PASS);
		assertThat(result.outcome()).isEqualTo(Outcome.PASS);
		assertThat(testActions(result).get(0).message())
			.startsWith("from the client of origin 1: POST " + ScriptHarness.baseUrl() + "/Patient -> 201");
	}

	@Test
	void shouldPassAndFailEachAssertKindOnTheRequestTheClientSent() throws Exception {
		ClientListener listener = listen(1);
		String script = clientScript("""
				{"operation":{"type":CREATE,"resource":"Patient","origin":1,"destination":1,"encodeRequestUrl":true}},
				REQUEST_ASSERTS
				""".replace("REQUEST_ASSERTS", String.join(",\n", List.of(requestAssert("\"requestMethod\":\"post\""),
				requestAssert("\"requestMethod\":\"put\""),
				requestAssert("\"operator\":\"contains\",\"requestURL\":\"/Patient\""),
				requestAssert("\"operator\":\"contains\",\"requestURL\":\"/Observation\""),
				requestAssert("\"headerField\":\"Content-Type\",\"operator\":\"contains\",\"value\":\"fhir+json\""),
				requestAssert("\"headerField\":\"Content-Type\",\"operator\":\"contains\",\"value\":\"fhir+xml\""),
				requestAssert("\"contentType\":\"json\""), requestAssert("\"contentType\":\"xml\""),
				requestAssert("\"resource\":\"Patient\""), requestAssert("\"resource\":\"Observation\""),
				requestAssert("\"expression\":\"Patient.name.family\",\"value\":\"Chalmers\""),
				requestAssert("\"expression\":\"Patient.name.family\",\"value\":\"Smith\""),
				requestAssert("\"path\":\"Patient/gender/@value\",\"value\":\"male\""),
				requestAssert("\"path\":\"Patient/gender/@value\",\"value\":\"female\""),
				requestAssert(
						"\"compareToSourceId\":\"patient\",\"compareToSourceExpression\":\"Patient.name.family\",\"expression\":\"Patient.name.family\""),
				requestAssert(
						"\"compareToSourceId\":\"other\",\"compareToSourceExpression\":\"Patient.name.family\",\"expression\":\"Patient.name.family\""),
				requestAssert("\"minimumId\":\"minimum\""), requestAssert("\"minimumId\":\"other\""),
				requestAssert("\"validateProfileId\":\"patient-profile\""),
				requestAssert("\"validateProfileId\":\"observation-profile\"")))));
		CompletableFuture<ScriptResult> run = run(script, clients(Duration.ofSeconds(20), listener));

		assertThat(send(listener, "POST", "/Patient", PATIENT, "application/fhir+json").statusCode()).isEqualTo(201);

		ScriptResult result = run.get(60, TimeUnit.SECONDS);
		List<Outcome> outcomes = ScriptHarness.testOutcomes(result);
		assertThat(outcomes.get(0)).isEqualTo(Outcome.PASS);
		for (int pair = 0; pair < 10; pair++) {
			assertThat(outcomes.subList(1 + 2 * pair, 3 + 2 * pair))
				.as("assert pair %d: %s", pair, testActions(result).subList(1 + 2 * pair, 3 + 2 * pair))
				.containsExactly(Outcome.PASS, Outcome.FAIL);
		}
		assertThat(result.actions()).filteredOn(action -> action.outcome() == Outcome.FAIL)
			.first()
			.extracting(ActionResult::message)
			.asString()
			.contains("expected request method to equal 'put', found 'post'")
			.contains("[request: POST " + ScriptHarness.baseUrl() + "/Patient -> 201");
	}

	@Test
	void shouldAnswerARequestThatCameOutOfOrderAndKeepWaitingForTheExpectedOne() throws Exception {
		ClientListener listener = listen(1);
		String script = clientScript("""
				{"operation":{"type":CREATE,"resource":"Patient","origin":1,"destination":1,"encodeRequestUrl":true}},
				{"assert":{"direction":"response","responseCode":"201","warningOnly":false}}
				""");
		List<String> unexpected = new CopyOnWriteArrayList<>();
		List<String> waited = new CopyOnWriteArrayList<>();
		RunProgressListener progress = new RunProgressListener() {
			@Override
			public void waitingForClient(int origin, String expected, URI listening) {
				waited.add(origin + " " + expected + " " + listening);
			}

			@Override
			public void unexpectedClientRequest(int origin, String request, String expected) {
				unexpected.add(request + " instead of " + expected);
			}
		};
		CompletableFuture<ScriptResult> run = run(script, clients(Duration.ofSeconds(20), listener), progress);
		// the request comes while the engine waits for another, not before
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (waited.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}

		HttpResponse<String> search = send(listener, "GET", "/Patient?family=Chalmers", null, null);
		assertThat(search.statusCode())
			.as("answered by the server all the same: " + search.body() + " "
					+ (run.isDone() ? run.handle((r, e) -> r + " " + e).join() : "running"))
			.isEqualTo(200);
		assertThat(search.body()).contains("\"resourceType\":\"Bundle\"");
		assertThat(send(listener, "POST", "/Patient", PATIENT, "application/fhir+json").statusCode()).isEqualTo(201);

		ScriptResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);
		assertThat(testActions(result).get(0).message())
			.contains("the client sent meanwhile: GET /Patient?family=Chalmers -> 200");
		assertThat(waited).containsExactly("1 POST Patient " + listener.baseUrl());
		assertThat(unexpected).containsExactly("GET /Patient?family=Chalmers instead of POST Patient");
	}

	@Test
	void shouldFailAnOperationWhoseRequestDoesNotArriveNamingWhatCameInstead() throws Exception {
		ClientListener listener = listen(1);
		String script = clientScript("""
				{"operation":{"type":CREATE,"resource":"Patient","origin":1,"destination":1,"encodeRequestUrl":true}},
				{"assert":{"direction":"response","responseCode":"201","warningOnly":false}}
				""");
		CompletableFuture<ScriptResult> run = run(script, clients(Duration.ofSeconds(2), listener));

		assertThat(send(listener, "DELETE", "/Patient/nobody-here", null, null).statusCode()).isLessThan(500);

		ScriptResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
		assertThat(ScriptHarness.testOutcomes(result)).containsExactly(Outcome.FAIL, Outcome.SKIP);
		assertThat(testActions(result).get(0).message()).startsWith("CTN-3073: no POST Patient arrived within 2 s")
			.contains("the client sent meanwhile: DELETE /Patient/nobody-here -> ");
	}

	@Test
	void shouldGiveTheClientA502AndFailTheOperationWhenTheDestinationIsDown() throws Exception {
		ClientListener listener = listen(1);
		URI down = URI.create("http://127.0.0.1:" + freePort() + "/fhir");
		String script = clientScript("""
				{"operation":{"type":CREATE,"resource":"Patient","origin":1,"destination":1,"encodeRequestUrl":true}}
				""");
		CompletableFuture<ScriptResult> run = CompletableFuture
			.supplyAsync(() -> runner(ScriptHarness.settings(Map.of(1, down), Map.of()),
					clients(Duration.ofSeconds(10), listener))
				.run(ScriptHarness.load(script)));

		HttpResponse<String> answer = send(listener, "POST", "/Patient", PATIENT, "application/fhir+json");
		assertThat(answer.statusCode()).isEqualTo(502);
		assertThat(answer.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("CTN-3072");

		ScriptResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(testActions(result).get(0).outcome()).isEqualTo(Outcome.FAIL);
		assertThat(testActions(result).get(0).message()).startsWith("CTN-3072: POST /Patient could not be forwarded to "
				+ down + "/Patient: the destination could not be reached");
	}

	@Test
	void shouldRefuseABodyOverTheLimitAndSurviveGarbage() throws Exception {
		ClientListener listener = track(ClientListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
				Set.of(1), 2000, PATIENCE));
		String script = clientScript("""
				{"operation":{"type":CREATE,"resource":"Patient","origin":1,"destination":1,"encodeRequestUrl":true}},
				{"assert":{"direction":"response","responseCode":"201","warningOnly":false}}
				""");
		CompletableFuture<ScriptResult> run = run(script, clients(Duration.ofSeconds(20), listener));

		try (Socket socket = new Socket(listener.baseUrl().getHost(), listener.baseUrl().getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write("\u0000\u0001garbage that is no HTTP\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			socket.setSoTimeout(5000);
			socket.getInputStream().readAllBytes();
		}
		String large = PATIENT.replace("\"gender\"",
				"\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">"
						+ "x".repeat(3000) + "</div>\"},\"gender\"");
		HttpResponse<String> tooLarge = send(listener, "POST", "/Patient", large, "application/fhir+json");
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("CTN-3074").contains("over the limit of 2000 bytes");
		assertThat(send(listener, "POST", "/Patient", PATIENT, "application/fhir+json").statusCode()).isEqualTo(201);

		ScriptResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);
		assertThat(testActions(result).get(0).message()).contains("CTN-3074: POST /Patient was refused");
	}

	@Test
	void shouldRefuseToListenOnAPortInUse() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> ClientListener.start(
					new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort()), Set.of(1),
					ClientListener.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(1)))
				.isInstanceOf(ClientListenerException.class)
				.hasMessageStartingWith("CTN-3070: cannot listen for the client at ")
				.hasMessageContaining(":" + taken.getLocalPort() + ": the port is in use");
		}
	}

	@Test
	void shouldReportAClientOperationWithoutADestinationAsAnError() throws Exception {
		ClientListener listener = listen(1);
		String script = clientScript("""
				{"operation":{"type":CREATE,"resource":"Patient","origin":1,"encodeRequestUrl":true}}
				""");
		ScriptResult result = run(script, clients(Duration.ofSeconds(2), listener)).get(30, TimeUnit.SECONDS);
		assertThat(testActions(result).get(0).outcome()).isEqualTo(Outcome.ERROR);
		assertThat(testActions(result).get(0).message()).startsWith("CTN-3071: the operation comes from origin 1");
	}

	@Test
	void shouldTellTwoClientsApartByTheirAddressOrByAHeader() throws Exception {
		String script = clientScript(
				"""
						{"operation":{"type":CREATE,"resource":"Patient","origin":1,"destination":1,"responseId":"created","encodeRequestUrl":true}},
						{"operation":{"type":READ,"resource":"Patient","origin":2,"destination":1,"encodeRequestUrl":true}},
						{"assert":{"direction":"request","operator":"contains","requestURL":"/Patient/${createdId}","warningOnly":false}}
						""");
		ClientListener first = listen(1);
		ClientListener second = listen(2);
		CompletableFuture<ScriptResult> run = run(script,
				ClientsUnderTest.of(List.of(first, second), Duration.ofSeconds(20)));
		String location = send(first, "POST", "/Patient", PATIENT, "application/fhir+json").headers()
			.firstValue("Location")
			.orElseThrow();
		String id = location.replaceAll(".*/Patient/([^/]+).*", "$1");
		assertThat(send(second, "GET", "/Patient/" + id, null, null).statusCode()).isEqualTo(200);
		ScriptResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);

		ClientListener shared = track(ClientListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
				Set.of(1, 2), ClientListener.DEFAULT_MAX_BODY_BYTES, PATIENCE));
		CompletableFuture<ScriptResult> sharedRun = run(script,
				ClientsUnderTest.of(List.of(shared), Duration.ofSeconds(20)));
		HttpResponse<String> unnamed = send(shared, "POST", "/Patient", PATIENT, "application/fhir+json");
		assertThat(unnamed.statusCode()).isEqualTo(400);
		assertThat(unnamed.body()).contains("CTN-3076").contains(ClientListener.ORIGIN_HEADER);
		location = CLIENT
			.send(request(shared, "POST", "/Patient", PATIENT, "application/fhir+json")
				.header(ClientListener.ORIGIN_HEADER, "1")
				.build(), HttpResponse.BodyHandlers.ofString())
			.headers()
			.firstValue("Location")
			.orElseThrow();
		id = location.replaceAll(".*/Patient/([^/]+).*", "$1");
		assertThat(CLIENT
			.send(request(shared, "GET", "/Patient/" + id, null, null).header(ClientListener.ORIGIN_HEADER, "2")
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		ScriptResult sharedResult = sharedRun.get(30, TimeUnit.SECONDS);
		assertThat(sharedResult.outcome()).as(sharedResult.actions().toString()).isEqualTo(Outcome.PASS);
	}

	@Test
	void shouldRunAScriptThatSendsSomeRequestsAndReceivesOthers() throws Exception {
		ClientListener listener = listen(1);
		String script = clientScript(
				"""
						{"operation":{"type":READ,"resource":"Patient","origin":1,"destination":1,"encodeRequestUrl":true,"params":"/${pid}"}},
						{"assert":{"direction":"request","operator":"contains","requestURL":"/Patient/${pid}","warningOnly":false}},
						{"assert":{"direction":"response","responseCode":"200","warningOnly":false}},
						{"operation":{"type":READ,"resource":"Patient","destination":1,"encodeRequestUrl":true,"params":"/${pid}"}},
						{"assert":{"direction":"response","expression":"Patient.name.family","value":"Chalmers","warningOnly":false}}
						""");
		String pid = "mixed-" + System.nanoTime();
		CompletableFuture<ScriptResult> run = CompletableFuture
			.supplyAsync(() -> runner(ScriptHarness.settings(Map.of(), Map.of("pid", pid)),
					clients(Duration.ofSeconds(20), listener))
				.run(ScriptHarness.load(script)));
		// the engine's own setup stored Patient/pid before the client reads it
		HttpResponse<String> read = send(listener, "GET", "/Patient/" + pid, null, null);
		assertThat(read.statusCode()).isEqualTo(200);
		ScriptResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.outcome()).as(result.actions().toString()).isEqualTo(Outcome.PASS);
		assertThat(ScriptHarness.testOutcomes(result)).hasSize(5).containsOnly(Outcome.PASS);
	}

	@Test
	void shouldPassTheShippedExampleWithACorrectClientAndShowEachFailureKindWithTheOther() throws Exception {
		Path examples = Path.of("../docs/examples/client-testing");
		ClientListener listener = listen(1);
		// the server is up before the client sends
		ScriptHarness.baseUrl();
		CompletableFuture<ScriptResult> passing = inThread(
				() -> runner(ScriptHarness.settings(Map.of(), Map.of()), clients(Duration.ofSeconds(60), listener))
					.run(load(examples.resolve("patient-client.json"))));
		playCorrectClient(listener);
		ScriptResult passed = passing.get(120, TimeUnit.SECONDS);
		assertThat(passed.outcome()).as(passed.actions().toString()).isEqualTo(Outcome.PASS);
		assertThat(passed.actions()).hasSize(11);

		CompletableFuture<ScriptResult> failing = inThread(
				() -> runner(ScriptHarness.settings(Map.of(), Map.of()), clients(Duration.ofSeconds(5), listener))
					.run(load(examples.resolve("patient-client-failures.json"))));
		playCorrectClient(listener);
		ScriptResult failed = failing.get(120, TimeUnit.SECONDS);
		assertThat(failed.actions()).extracting(ActionResult::outcome)
			.as(failed.actions().toString())
			.containsExactly(Outcome.PASS, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL, Outcome.FAIL,
					Outcome.SKIP, Outcome.ERROR);
		assertThat(failed.actions().get(5).message())
			.startsWith("CTN-3073: no DELETE Patient (delete) arrived within 5 s")
			.contains("the client sent meanwhile: GET /Patient/");
		assertThat(failed.actions().get(7).message()).startsWith("CTN-3071:");
	}

	/** Creates a Patient, then reads it from where the server says it is. */
	private static void playCorrectClient(ClientListener listener) throws Exception {
		HttpResponse<String> created = send(listener, "POST", "/Patient", PATIENT, "application/fhir+json");
		assertThat(created.statusCode()).isEqualTo(201);
		String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/Patient/([^/]+).*", "$1");
		assertThat(send(listener, "GET", "/Patient/" + id, null, null).statusCode()).isEqualTo(200);
	}

	private static LoadedTestScript load(Path file) {
		return new TestScriptLoader().load(file);
	}

	private static String requestAssert(String check) {
		return "{\"assert\":{\"direction\":\"request\"," + check + ",\"warningOnly\":false}}";
	}

	/**
	 * The harness's script, with origins 1 and 2 (clients), destination 1 (the server)
	 * and variable {@code createdId} read from response {@code created}.
	 */
	static String clientScript(String testActions) {
		String script = ScriptHarness.script(
				testActions.replace("CREATE", ScriptHarness.op("create")).replace("READ", ScriptHarness.op("read")));
		return script
			.replace("\"fixture\":[",
					"""
							"origin":[{"index":1,"profile":{"system":"http://terminology.hl7.org/CodeSystem/testscript-profile-origin-types","code":"FHIR-Client"}},
							 {"index":2,"profile":{"system":"http://terminology.hl7.org/CodeSystem/testscript-profile-origin-types","code":"FHIR-Client"}}],
							"destination":[{"index":1,"profile":{"system":"http://terminology.hl7.org/CodeSystem/testscript-profile-destination-types","code":"FHIR-Server"}}],
							"fixture":[""")
			.replace("\"variable\":[",
					"\"variable\":[{\"name\":\"createdId\",\"expression\":\"Patient.id\",\"sourceId\":\"created\"},");
	}

	private ClientListener listen(int origin) {
		return track(ClientListener.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Set.of(origin),
				ClientListener.DEFAULT_MAX_BODY_BYTES, PATIENCE));
	}

	private ClientListener track(ClientListener listener) {
		this.listeners.add(listener);
		return listener;
	}

	private static ClientsUnderTest clients(Duration wait, ClientListener... listeners) {
		return ClientsUnderTest.of(List.of(listeners), wait);
	}

	private static CompletableFuture<ScriptResult> run(String script, ClientsUnderTest clients) {
		return run(script, clients, RunProgressListener.NONE);
	}

	private static CompletableFuture<ScriptResult> run(String script, ClientsUnderTest clients,
			RunProgressListener progress) {
		LoadedTestScript loaded = ScriptHarness.load(script);
		TestScriptRunner runner = runner(ScriptHarness.settings(Map.of(), Map.of()), clients);
		return inThread(() -> runner.run(loaded, progress));
	}

	/** Runs the script on a thread of its own, as the client under test plays along. */
	private static CompletableFuture<ScriptResult> inThread(java.util.function.Supplier<ScriptResult> run) {
		return CompletableFuture.supplyAsync(run, runnable -> {
			Thread thread = new Thread(runnable, "script-run");
			thread.setDaemon(true);
			thread.start();
		});
	}

	private static List<ActionResult> testActions(ScriptResult result) {
		return result.actions().stream().filter(action -> action.section().equals("case")).toList();
	}

	private static TestScriptRunner runner(RunSettings settings, ClientsUnderTest clients) {
		return new TestScriptRunner(settings.withFhirVersion(FhirVersion.R4),
				OutboundAddressPolicy.anyAddress().httpClient(Duration.ofSeconds(10)), clients);
	}

	private static HttpResponse<String> send(ClientListener listener, String method, String target, String body,
			String contentType) throws IOException, InterruptedException {
		return CLIENT.send(request(listener, method, target, body, contentType).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder request(ClientListener listener, String method, String target, String body,
			String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(listener.baseUrl() + target))
			.timeout(Duration.ofSeconds(120))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return request;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
