package org.connectathon.bench.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import ca.uhn.fhir.context.FhirContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.connectathon.engine.outbound.OutboundAddressPolicy;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;
import org.connectathon.engine.testscript.ClientListener;
import org.connectathon.engine.testscript.ClientsUnderTest;
import org.connectathon.engine.testscript.FhirVersion;
import org.connectathon.engine.testscript.LoadedTestScript;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.RunSettings;
import org.connectathon.engine.testscript.ScriptResult;
import org.connectathon.engine.testscript.TestScriptLoader;
import org.connectathon.engine.testscript.TestScriptRunner;

/**
 * What the engine adds to each exchange of a client under test: a JDK HTTP client reads a
 * Patient from the in-process reference server, in rounds that alternate between going
 * through the engine (a client-side script of ten reads, each with a response assert,
 * forwarded by a {@link ClientListener}) and going to the server directly, so that
 * machine load weighs on both alike. Prints the client's latency per exchange, median and
 * 90th percentile, each way, and their difference: the engine's part (the listener,
 * matching, forwarding through a second connection, and the asserts the engine evaluates
 * before it takes the next request). Run by hand, see README.md; arguments:
 * {@code [scripts per round (20)] [rounds (20)]}; the first quarter of the rounds warms
 * up and is left out.
 */
public final class ClientForwardingBenchmark {

	private static final int READS = 10;

	private ClientForwardingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int scripts = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try (ReferenceServerLauncher server = ReferenceServerLauncher
			.start(new ReferenceServer(FhirContext.forR4Cached()), 0);
				ClientListener listener = ClientListener.start(
						new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Set.of(1),
						ClientListener.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(60));
				CloseableHttpClient http = OutboundAddressPolicy.anyAddress().httpClient(Duration.ofSeconds(10))) {
			String base = server.baseUrl();
			HttpResponse<String> stored = client.send(HttpRequest.newBuilder(URI.create(base + "/Patient/bench-1"))
				.PUT(HttpRequest.BodyPublishers
					.ofString("{\"resourceType\":\"Patient\",\"id\":\"bench-1\",\"name\":[{\"family\":\"Chalmers\"}]}"))
				.header("Content-Type", "application/fhir+json")
				.build(), HttpResponse.BodyHandlers.ofString());
			if (stored.statusCode() >= 300) {
				throw new IllegalStateException("cannot store the benchmark's patient: " + stored.statusCode());
			}
			LoadedTestScript script = new TestScriptLoader().load(writeScript());
			RunSettings settings = RunSettings.forServer(URI.create(base)).withFhirVersion(FhirVersion.R4);
			TestScriptRunner runner = new TestScriptRunner(settings, http,
					ClientsUnderTest.of(List.of(listener), Duration.ofSeconds(60)));
			System.out.printf(
					"A client reads a Patient %d times a script, %d scripts a round, %d rounds; %d cores, "
							+ "load average %.2f%n",
					READS, scripts, rounds, Runtime.getRuntime().availableProcessors(),
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			List<Long> throughEngine = new ArrayList<>();
			List<Long> direct = new ArrayList<>();
			int warmUp = rounds / 4;
			for (int round = 0; round < rounds; round++) {
				List<Long> engineRound = engineRound(runner, script, client, listener.baseUrl().toString(), scripts);
				List<Long> directRound = reads(client, base, scripts * READS);
				if (round >= warmUp) {
					throughEngine.addAll(engineRound);
					direct.addAll(directRound);
				}
			}
			double engineMedian = percentile(throughEngine, 50);
			double directMedian = percentile(direct, 50);
			System.out.printf("through the engine: p50 %.3f ms, p90 %.3f ms (%d exchanges)%n", engineMedian,
					percentile(throughEngine, 90), throughEngine.size());
			System.out.printf("direct:             p50 %.3f ms, p90 %.3f ms (%d exchanges)%n", directMedian,
					percentile(direct, 90), direct.size());
			System.out.printf("the engine adds %.3f ms per exchange at p50, %.3f ms at p90%n",
					engineMedian - directMedian, percentile(throughEngine, 90) - percentile(direct, 90));
		}
	}

	private static List<Long> engineRound(TestScriptRunner runner, LoadedTestScript script, HttpClient client,
			String listening, int scripts) throws Exception {
		CompletableFuture<List<ScriptResult>> runs = CompletableFuture.supplyAsync(() -> {
			List<ScriptResult> results = new ArrayList<>();
			for (int i = 0; i < scripts; i++) {
				results.add(runner.run(script));
			}
			return results;
		}, runnable -> new Thread(runnable, "script-runs").start());
		List<Long> latencies = reads(client, listening, scripts * READS);
		for (ScriptResult result : runs.get()) {
			if (result.outcome() != Outcome.PASS) {
				throw new IllegalStateException("the client-side script did not pass: " + result.actions());
			}
		}
		return latencies;
	}

	/** Latencies of {@code count} reads, in nanoseconds. */
	private static List<Long> reads(HttpClient client, String base, int count) throws Exception {
		HttpRequest read = HttpRequest.newBuilder(URI.create(base + "/Patient/bench-1"))
			.header("Accept", "application/fhir+json")
			.timeout(Duration.ofSeconds(60))
			.build();
		List<Long> latencies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			HttpResponse<byte[]> response = client.send(read, HttpResponse.BodyHandlers.ofByteArray());
			latencies.add(System.nanoTime() - start);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("a read answered " + response.statusCode());
			}
		}
		return latencies;
	}

	/** The percentile in milliseconds. */
	private static double percentile(List<Long> nanos, int percent) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1_000_000.0;
	}

	private static Path writeScript() throws Exception {
		StringBuilder actions = new StringBuilder();
		for (int i = 0; i < READS; i++) {
			if (i > 0) {
				actions.append(',');
			}
			actions
				.append("""
						{"operation":{"type":{"system":"http://terminology.hl7.org/CodeSystem/testscript-operation-codes","code":"read"},"resource":"Patient","origin":1,"destination":1,"encodeRequestUrl":true}},
						{"assert":{"direction":"response","responseCode":"200","warningOnly":false}}""");
		}
		Path file = Files.createTempDirectory("client-bench").resolve("client-reads.json");
		Files.writeString(file,
				"""
						{"resourceType":"TestScript","id":"client-reads","name":"ClientReads","status":"active",
						 "origin":[{"index":1,"profile":{"system":"http://terminology.hl7.org/CodeSystem/testscript-profile-origin-types","code":"FHIR-Client"}}],
						 "destination":[{"index":1,"profile":{"system":"http://terminology.hl7.org/CodeSystem/testscript-profile-destination-types","code":"FHIR-Server"}}],
						 "test":[{"name":"reads","action":[ACTIONS]}]}"""
					.replace("ACTIONS", actions));
		return file;
	}

}
