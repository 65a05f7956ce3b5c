package org.connectathon.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ca.uhn.fhir.context.FhirContext;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;
import org.connectathon.engine.testscript.LoadedTestScript;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.RunSettings;
import org.connectathon.engine.testscript.ScriptResult;
import org.connectathon.engine.testscript.TestScriptLoader;
import org.connectathon.engine.testscript.TestScriptRunner;

/**
 * Measures the TestScript engine against the in-process reference server: scripts per
 * second of a ten-operation script (with fifteen asserts) at parallelism 1 and 2, and the
 * engine's overhead against sending the same ten HTTP requests with the bare JDK client.
 * Run by hand, see README.md; arguments: [scripts (default 1000)].
 */
public final class TestScriptThroughput {

	private static final String PATIENT = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:bench\",\"value\":\"b1\"}],"
			+ "\"name\":[{\"family\":\"Chalmers\",\"given\":[\"Peter\"]}],\"gender\":\"male\"}";

	private static final String PATCH = "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"female\"}]";

	private TestScriptThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int scripts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		try (ReferenceServerLauncher server = ReferenceServerLauncher
			.start(new ReferenceServer(FhirContext.forR4Cached()), 0)) {
			LoadedTestScript script = new TestScriptLoader().load(writeScript());
			TestScriptRunner runner = new TestScriptRunner(RunSettings.forServer(URI.create(server.baseUrl())));
			HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			// warm both paths up so the JIT and the connection pools are in the same
			// state
			engine(runner, script, scripts / 2, 2);
			raw(raw, server.baseUrl(), scripts / 2, 2);

			System.out.printf("Ten-operation scripts against the reference server, %d scripts, %d cores%n", scripts,
					Runtime.getRuntime().availableProcessors());
			for (int parallel = 1; parallel <= 2; parallel++) {
				// raw runs before and after the engine, so that the server's growing data
				// set
				// weighs on both sides alike
				double rawBefore = raw(raw, server.baseUrl(), scripts, parallel);
				double engineSeconds = engine(runner, script, scripts, parallel);
				double rawAfter = raw(raw, server.baseUrl(), scripts, parallel);
				double rawSeconds = (rawBefore + rawAfter) / 2;
				System.out.printf(
						"parallel %d: engine %.2f s (%.0f scripts/s), raw requests %.2f s, engine overhead %.1f%%%n",
						parallel, engineSeconds, scripts / engineSeconds, rawSeconds,
						100 * (engineSeconds - rawSeconds) / rawSeconds);
			}
		}
	}

	private static double engine(TestScriptRunner runner, LoadedTestScript script, int count, int parallel) {
		List<LoadedTestScript> all = Collections.nCopies(count, script);
		long start = System.nanoTime();
		List<ScriptResult> results = runner.runAll(all, parallel);
		double seconds = (System.nanoTime() - start) / 1e9;
		long failed = results.stream().filter(result -> result.outcome() != Outcome.PASS).count();
		if (failed > 0) {
			throw new IllegalStateException(failed + " benchmark scripts did not pass: "
					+ results.stream().filter(r -> r.outcome() != Outcome.PASS).findFirst().orElseThrow().actions());
		}
		return seconds;
	}

	private static double raw(HttpClient http, String base, int count, int parallel) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(parallel);
		try {
			long start = System.nanoTime();
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(executor.submit(() -> {
					rawScript(http, base);
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			return (System.nanoTime() - start) / 1e9;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/** The requests the benchmark script makes, without any checking. */
	private static void rawScript(HttpClient http, String base) throws Exception {
		HttpResponse<String> created = send(http, "POST", base + "/Patient", PATIENT, "application/fhir+json");
		String id = created.headers().firstValue("Location").orElseThrow().replaceAll("^.*/Patient/([^/]+)/.*$", "$1");
		String patient = base + "/Patient/" + id;
		send(http, "GET", patient, null, null);
		send(http, "PUT", patient, PATIENT.replace("{\"resourceType\":\"Patient\",",
				"{\"resourceType\":\"Patient\",\"id\":\"" + id + "\","), "application/fhir+json");
		send(http, "GET", patient + "/_history/1", null, null);
		send(http, "GET", base + "/Patient?_id=" + id, null, null);
		send(http, "GET", patient + "/_history", null, null);
		send(http, "PATCH", patient, PATCH, "application/json-patch+json");
		send(http, "GET", patient, null, null);
		send(http, "DELETE", patient, null, null);
		send(http, "GET", patient, null, null);
	}

	private static HttpResponse<String> send(HttpClient http, String method, String url, String body,
			String contentType) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method,
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Path writeScript() throws Exception {
		Path folder = Files.createTempDirectory("bench-testscript");
		Files.writeString(folder.resolve("patient.json"), PATIENT);
		Files.writeString(folder.resolve("gender-female.json"), PATCH);
		String op = "{\"system\":\"http://terminology.hl7.org/CodeSystem/testscript-operation-codes\",\"code\":\"%s\"}";
		String script = """
				{"resourceType":"TestScript","id":"bench","url":"http://example.org/TestScript/bench","name":"Bench","status":"active",
				 "fixture":[{"id":"patient","autocreate":false,"autodelete":false,"resource":{"reference":"patient.json"}},
				  {"id":"patch","autocreate":false,"autodelete":false,"resource":{"reference":"gender-female.json"}}],
				 "variable":[{"name":"id","expression":"Patient.id","sourceId":"created"}],
				 "test":[{"name":"lifecycle","action":[
				  {"operation":{"type":CREATE,"resource":"Patient","accept":"json","sourceId":"patient","responseId":"created","encodeRequestUrl":true}},
				  {"assert":{"response":"created","warningOnly":false}},
				  {"assert":{"headerField":"Location","operator":"notEmpty","warningOnly":false}},
				  {"operation":{"type":READ,"resource":"Patient","accept":"json","params":"/${id}","encodeRequestUrl":true}},
				  {"assert":{"response":"okay","warningOnly":false}},
				  {"assert":{"expression":"Patient.name.family","value":"Chalmers","warningOnly":false}},
				  {"operation":{"type":UPDATE,"resource":"Patient","accept":"json","params":"/${id}","sourceId":"patient","encodeRequestUrl":true}},
				  {"assert":{"response":"okay","warningOnly":false}},
				  {"operation":{"type":VREAD,"resource":"Patient","accept":"json","params":"/${id}/_history/1","encodeRequestUrl":true}},
				  {"assert":{"resource":"Patient","warningOnly":false}},
				  {"operation":{"type":SEARCH,"resource":"Patient","accept":"json","params":"?_id=${id}","encodeRequestUrl":true}},
				  {"assert":{"expression":"Bundle.total","value":"1","warningOnly":false}},
				  {"operation":{"type":HISTORY,"resource":"Patient","accept":"json","params":"/${id}/_history","encodeRequestUrl":true}},
				  {"assert":{"expression":"Bundle.type","value":"history","warningOnly":false}},
				  {"operation":{"type":PATCH,"resource":"Patient","accept":"json","params":"/${id}","sourceId":"patch","encodeRequestUrl":true}},
				  {"assert":{"response":"okay","warningOnly":false}},
				  {"operation":{"type":READ,"resource":"Patient","accept":"json","params":"/${id}","encodeRequestUrl":true}},
				  {"assert":{"expression":"Patient.gender","value":"female","warningOnly":false}},
				  {"operation":{"type":DELETE,"resource":"Patient","accept":"json","params":"/${id}","encodeRequestUrl":true}},
				  {"assert":{"operator":"in","responseCode":"200,204","warningOnly":false}},
				  {"operation":{"type":READ,"resource":"Patient","accept":"json","params":"/${id}","encodeRequestUrl":true}},
				  {"assert":{"response":"gone","warningOnly":false}}]}]}"""
			.replace("VREAD", op.formatted("vread"))
			.replace("CREATE", op.formatted("create"))
			.replace("READ", op.formatted("read"))
			.replace("UPDATE", op.formatted("update"))
			.replace("SEARCH", op.formatted("search"))
			.replace("HISTORY", op.formatted("history"))
			.replace("PATCH", op.formatted("patch"))
			.replace("DELETE", op.formatted("delete"));
		Path file = folder.resolve("bench.json");
		Files.writeString(file, script);
		return file;
	}

}
