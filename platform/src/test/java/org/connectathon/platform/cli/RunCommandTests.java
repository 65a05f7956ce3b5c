package org.connectathon.platform.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.connectathon.platform.ReferenceServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTests {

	@RegisterExtension
	static final ReferenceServerExtension server = new ReferenceServerExtension();

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int execute(String... args) {
		CommandLine commandLine = ConnectathonCommand.commandLine(args);
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	private static Path script(Path folder, String id, String resource) throws Exception {
		Path file = folder.resolve(id + ".json");
		Files.writeString(file,
				"""
						{"resourceType":"TestScript","id":"ID","name":"Capabilities","status":"active",
						 "test":[{"name":"capabilities","action":[
						  {"operation":{"type":{"system":"http://terminology.hl7.org/CodeSystem/testscript-operation-codes","code":"capabilities"},"encodeRequestUrl":true}},
						  {"assert":{"resource":"RESOURCE","warningOnly":false}}]}]}"""
					.replace("ID", id)
					.replace("RESOURCE", resource));
		return file;
	}

	@Test
	void shouldExitZeroAndWriteReportsWhenEveryScriptPasses(@TempDir Path folder) throws Exception {
		script(folder, "passing", "CapabilityStatement");
		int exitCode = execute("run", "--server", server.baseUrl(), "--out", folder.resolve("out").toString(),
				"--junit", folder.resolve("junit").toString(), "--parallel", "2", folder.toString());
		assertThat(exitCode).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("PASS  passing").contains("1 of 1 scripts passed");
		assertThat(folder.resolve("out/passing.testreport.json")).content().contains("\"result\": \"pass\"");
		assertThat(folder.resolve("out/summary.json")).content().contains("\"id\" : \"passing\"");
		assertThat(folder.resolve("junit/TEST-passing.xml")).exists();
	}

	@Test
	void shouldExitOneWhenAScriptFails(@TempDir Path folder) throws Exception {
		Path failing = script(folder, "failing", "Patient");
		assertThat(execute("run", "--server", server.baseUrl(), failing.toString())).isEqualTo(1);
		assertThat(this.out.toString()).contains("FAIL  failing")
			.contains("expected resource type to equal 'Patient', found 'CapabilityStatement'");
	}

	@Test
	void shouldExitTwoWithThePlaceOfTheProblemForAScriptThatCannotBeLoaded(@TempDir Path folder) throws Exception {
		Path broken = folder.resolve("broken.json");
		Files.writeString(broken, "{\"resourceType\":\"TestScript\",\n\"name\":}");
		assertThat(execute("run", "--server", server.baseUrl(), broken.toString())).isEqualTo(2);
		assertThat(this.err.toString()).startsWith("error: CTN-1003: " + broken)
			.contains("line: 2")
			.doesNotContain("\tat ");
	}

	@Test
	void shouldExitTwoForAServerThatIsNotAUrl(@TempDir Path folder) throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		assertThat(execute("run", "--server", "localhost:8090", passing.toString())).isEqualTo(2);
		assertThat(this.err.toString().trim()).isEqualTo(
				"error: --server expects an http(s) URL such as http://localhost:8090/fhir, got 'localhost:8090'");
	}

	@Test
	void shouldExitTwoForAPathThatDoesNotExist(@TempDir Path folder) {
		Path missing = folder.resolve("missing");
		assertThat(execute("run", "--server", server.baseUrl(), missing.toString())).isEqualTo(2);
		assertThat(this.err.toString().trim())
			.isEqualTo("error: CTN-1001: expected a TestScript file or a folder, but " + missing + " does not exist");
	}

	@Test
	void shouldExitTwoWhenTheReportFolderCannotBeWritten(@TempDir Path folder) throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		Path notAFolder = Files.writeString(folder.resolve("file.txt"), "x");
		assertThat(execute("run", "--server", server.baseUrl(), "--out", notAFolder.toString(), passing.toString()))
			.isEqualTo(2);
		assertThat(this.err.toString()).startsWith("error: CTN-4001: cannot write reports to " + notAFolder);
	}

	@Test
	void shouldSendDestinationsAndVariablesGivenOnTheCommandLine(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("destination.json");
		Files.writeString(file,
				"""
						{"resourceType":"TestScript","id":"destination","name":"Destination","status":"active",
						 "variable":[{"name":"wanted","hint":"a format"}],
						 "test":[{"name":"capabilities","action":[
						  {"operation":{"type":{"system":"http://terminology.hl7.org/CodeSystem/testscript-operation-codes","code":"capabilities"},"destination":2,"encodeRequestUrl":true}},
						  {"assert":{"requestURL":"http://127.0.0.1:","operator":"contains","warningOnly":false}},
						  {"assert":{"headerField":"Content-Type","operator":"contains","value":"${wanted}","warningOnly":false}}]}]}""");
		String secondDestination = server.baseUrl().replace("localhost", "127.0.0.1");
		assertThat(execute("run", "--server", server.baseUrl(), "--destination", "2=" + secondDestination, "--variable",
				"wanted=json", file.toString()))
			.as(this.out.toString())
			.isZero();
	}

	@Test
	void shouldStopBeforeAnyScriptWhenAnImplementationGuideCannotBeHad(@TempDir Path folder) throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		assertThat(execute("run", "--server", server.baseUrl(), "--packages", folder.resolve("cache").toString(),
				"--ig", "hl7.fhir.uv.nothing#1.0.0", passing.toString()))
			.isEqualTo(2);
		assertThat(this.err.toString())
			.startsWith("error: CTN-2003: expected hl7.fhir.uv.nothing#1.0.0 in the package cache");
		assertThat(this.out.toString()).doesNotContain("PASS");
	}

	@Test
	void shouldRefuseAnUnknownFhirVersionForTheReferenceServer() {
		assertThat(execute("reference-server", "--fhir-version", "r3")).isEqualTo(2);
		assertThat(this.err.toString().trim()).isEqualTo("error: --fhir-version expects r4, r4b or r5, got 'r3'");
	}

	@Test
	void shouldJudgeTheServersAnswersInTheReleaseOfItsCapabilityStatementUnlessOneIsGiven(@TempDir Path folder)
			throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		Path out = folder.resolve("out");

		assertThat(execute("run", "--server", server.baseUrl(), passing.toString())).isZero();
		assertThat(this.out.toString()).contains("PASS  passing (" + passing + ", R4, server R4)");
		assertThat(execute("run", "--server", server.baseUrl(), "--fhir-version", "r4b", "--out", out.toString(),
				passing.toString()))
			.isZero();
		assertThat(this.out.toString()).contains("PASS  passing (" + passing + ", R4, server R4B)");
		assertThat(out.resolve("summary.json")).content()
			.contains("\"serverFhirVersion\" : {", "\"fhirVersion\" : \"R4B\"", "\"source\" : \"GIVEN\"");
		assertThat(out.resolve("passing.testreport.json")).content()
			.contains("urn:connectathon:extension:fhir-releases", "\"valueCode\": \"R4B\"");
	}

	@Test
	void shouldRefuseAnUnknownFhirVersionToRunScripts(@TempDir Path folder) throws Exception {
		Path passing = script(folder, "passing", "CapabilityStatement");
		assertThat(execute("run", "--server", server.baseUrl(), "--fhir-version", "R6", passing.toString()))
			.isEqualTo(2);
		assertThat(this.err.toString().trim()).isEqualTo("error: --fhir-version expects R4, R4B or R5, got 'R6'");
	}

	@Test
	void shouldRefuseAPortThatIsTaken() {
		assertThat(execute("reference-server", "--port", Integer.toString(server.port()))).isEqualTo(2);
		assertThat(this.err.toString()).startsWith("error: CTN-5004: the reference server cannot");
	}

	private static Path clientScript(Path folder) throws Exception {
		Path file = folder.resolve("client.json");
		Files.writeString(file,
				"""
						{"resourceType":"TestScript","id":"client","name":"Client","status":"active",
						 "origin":[{"index":1,"profile":{"system":"http://terminology.hl7.org/CodeSystem/testscript-profile-origin-types","code":"FHIR-Client"}}],
						 "destination":[{"index":1,"profile":{"system":"http://terminology.hl7.org/CodeSystem/testscript-profile-destination-types","code":"FHIR-Server"}}],
						 "test":[{"name":"create","action":[
						  {"operation":{"type":{"system":"http://terminology.hl7.org/CodeSystem/testscript-operation-codes","code":"create"},"resource":"Patient","origin":1,"destination":1,"encodeRequestUrl":true}},
						  {"assert":{"direction":"request","expression":"Patient.name.family","value":"Chalmers","warningOnly":false}},
						  {"assert":{"direction":"response","responseCode":"201","warningOnly":false}}]}]}""");
		return file;
	}

	private CompletableFuture<Integer> executeInThread(String... args) {
		CompletableFuture<Integer> exitCode = new CompletableFuture<>();
		Thread thread = new Thread(() -> exitCode.complete(execute(args)), "cli-run");
		thread.setDaemon(true);
		thread.start();
		return exitCode;
	}

	/** Sends as the client under test, once the run says it waits. */
	private HttpResponse<String> sendAsClient(int port, String method, String body) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!this.out.toString().contains("waiting for the client of origin 1") && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/Patient"))
			.timeout(Duration.ofSeconds(180));
		request.method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		request.header("Content-Type", "application/fhir+json");
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void shouldPassAClientScriptWhenTheClientSendsTheExpectedRequests(@TempDir Path folder) throws Exception {
		Path script = clientScript(folder);
		int port = freePort();
		CompletableFuture<Integer> exitCode = executeInThread("run", "--client", "1=" + port, "--wait", "180",
				"--server", server.baseUrl(), "--junit", folder.resolve("junit").toString(), script.toString());
		HttpResponse<String> created = sendAsClient(port, "POST",
				"{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Chalmers\"}]}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(exitCode.get(180, TimeUnit.SECONDS)).as(this.out + " " + this.err).isZero();
		assertThat(this.out.toString())
			.contains("Client of origin 1: send to http://localhost:" + port + "; waiting for POST Patient")
			.contains("PASS  client");
		assertThat(folder.resolve("junit/TEST-client.xml")).exists();
	}

	@Test
	void shouldFailAClientScriptNamingTheWrongRequestTheClientSent(@TempDir Path folder) throws Exception {
		Path script = clientScript(folder);
		int port = freePort();
		CompletableFuture<Integer> exitCode = executeInThread("run", "--client", "1=" + port, "--wait", "3", "--server",
				server.baseUrl(), script.toString());
		assertThat(sendAsClient(port, "GET", null).statusCode()).as("answered all the same").isEqualTo(200);
		assertThat(exitCode.get(180, TimeUnit.SECONDS)).as(this.out + " " + this.err).isEqualTo(1);
		assertThat(this.out.toString()).contains("the client of origin 1 sent GET /Patient while POST Patient")
			.contains("FAIL  client")
			.contains("CTN-3073: no POST Patient arrived within 3 s")
			.contains("the client sent meanwhile: GET /Patient -> 200");
	}

	@Test
	void shouldExitTwoWhenTheClientPortIsTaken(@TempDir Path folder) throws Exception {
		Path script = clientScript(folder);
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
			assertThat(execute("run", "--client", "1=" + taken.getLocalPort(), "--server", server.baseUrl(),
					script.toString()))
				.isEqualTo(2);
		}
		assertThat(this.err.toString()).startsWith("error: CTN-3070: cannot listen for the client at localhost:");
		assertThat(execute("run", "--client", "1=" + freePort(), "--parallel", "2", "--server", server.baseUrl(),
				script.toString()))
			.isEqualTo(2);
		assertThat(this.err.toString()).contains("error: --parallel must be 1 with --client");
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
			return socket.getLocalPort();
		}
	}

}
