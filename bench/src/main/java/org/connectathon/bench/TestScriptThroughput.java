package org.connectathon.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

import ca.uhn.fhir.context.FhirContext;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.connectathon.engine.outbound.OutboundAddressPolicy;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;
import org.connectathon.engine.testscript.FhirVersion;
import org.connectathon.engine.testscript.LoadedTestScript;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.RunSettings;
import org.connectathon.engine.testscript.ScriptResult;
import org.connectathon.engine.testscript.TestScriptLoader;
import org.connectathon.engine.testscript.TestScriptRunner;

/**
 * Measures the TestScript engine against the in-process reference server: scripts per
 * second of a ten-operation, twelve-assert script at parallelism 1 and 2, and the
 * engine's overhead against sending the same ten HTTP requests raw, through the same
 * client (the engine's own, from its address policy: same request timeout, bodies read as
 * text).
 * <p>
 * First the engine runs alone: one run's HTTP exchanges are recorded, then replayed from
 * memory ({@link ReplayingHttpClient}) in rounds of 1000 scripts on the calling thread.
 * Its CPU per script is the engine's own work without network or server, and these rounds
 * warm the engine's code up, which takes the JIT thousands of scripts (whatever the size
 * of the rounds against the server).
 * <p>
 * Then engine and raw rounds alternate on the same warm server, so that machine load and
 * the server's growing history weigh on both alike. Beside wall time it prints the
 * client's CPU time per script (its Java threads: the process's CPU time minus the
 * server's threads and the JVM's garbage collection and compiler threads, see
 * {@link CpuTimes}) and, apart, garbage collection and compilation. The engine's own CPU
 * per script is the engine's client CPU minus the raw client's. At parallelism 1 every
 * script runs on the calling thread, whose CPU time and allocation per script are less
 * noisy (they leave out the HTTP client's threads, alike on both sides, and the garbage
 * collector). Run by hand, see README.md; arguments:
 * {@code [scripts per round (200)] [rounds (40)] [rounds of the engine alone (10)]}.
 */
public final class TestScriptThroughput {

	private static final String PATIENT = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:bench\",\"value\":\"b1\"}],"
			+ "\"name\":[{\"family\":\"Chalmers\",\"given\":[\"Peter\"]}],\"gender\":\"male\"}";

	private static final String PATCH = "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"female\"}]";

	/** Scripts in a round of the engine alone: enough for the JIT to settle in ten. */
	private static final int REPLAYED_SCRIPTS = 1000;

	/** The engine's default: see {@code RunSettings.forServer}. */
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final com.sun.management.ThreadMXBean CALLER = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private TestScriptThroughput() {
	}

	/** Runs {@code count} scripts with {@code parallel} threads. */
	private interface Workload {

		void run(int count, int parallel) throws Exception;

	}

	/**
	 * One round: wall time, CPU times, and the CPU time and allocation of the calling
	 * thread, which runs every script when the parallelism is 1.
	 */
	private record Round(double seconds, CpuTimes cpu, long callerCpuNanos, long callerAllocatedBytes) {
	}

	public static void main(String[] args) throws Exception {
		int scripts = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
		int replayRounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
		try (ReferenceServerLauncher server = ReferenceServerLauncher
			.start(new ReferenceServer(FhirContext.forR4Cached()), 0)) {
			LoadedTestScript script = new TestScriptLoader().load(writeScript());
			// the release given, so that no CapabilityStatement request comes before the
			// script's: the replaying client answers requests in the order it recorded
			// them
			RunSettings settings = RunSettings.forServer(URI.create(server.baseUrl())).withFhirVersion(FhirVersion.R4);
			// engine and raw requests go through the same client
			CloseableHttpClient http = OutboundAddressPolicy.anyAddress().httpClient(Duration.ofSeconds(10));
			TestScriptRunner runner = new TestScriptRunner(settings, http);
			String base = server.baseUrl();
			Workload engine = (count, parallel) -> engine(runner, script, count, parallel);
			Workload raw = (count, parallel) -> raw(http, base, count, parallel);
			System.out.printf("Ten-operation, twelve-assert scripts against the reference server; %d cores, "
					+ "load average %.2f%n", Runtime.getRuntime().availableProcessors(), loadAverage());

			// the engine alone first: it also warms the engine's code up, which takes the
			// JIT thousands of scripts
			ReplayingHttpClient replaying = new ReplayingHttpClient(http);
			TestScriptRunner replayRunner = new TestScriptRunner(settings, replaying);
			engine(replayRunner, script, 1, 1);
			replaying.replay();
			List<Round> replayed = new ArrayList<>();
			for (int round = 0; round < replayRounds; round++) {
				replayed.add(measure((count, parallel) -> engine(replayRunner, script, count, parallel),
						REPLAYED_SCRIPTS, 1));
			}
			printReplayed(REPLAYED_SCRIPTS, replayed);

			// then both real paths, so that the HTTP client and the connection pools are
			// warm too
			for (int parallel = 1; parallel <= 2; parallel++) {
				engine.run(scripts, parallel);
				raw.run(scripts, parallel);
			}
			System.out.printf("Against the server: %d scripts a round, %d rounds of engine and raw each, "
					+ "alternating; load average %.2f%n", scripts, rounds, loadAverage());
			for (int parallel = 1; parallel <= 2; parallel++) {
				List<Round> engineRounds = new ArrayList<>();
				List<Round> rawRounds = new ArrayList<>();
				for (int round = 0; round < rounds; round++) {
					// alternate which goes first, so that neither always follows the
					// other
					if (round % 2 == 0) {
						engineRounds.add(measure(engine, scripts, parallel));
						rawRounds.add(measure(raw, scripts, parallel));
					}
					else {
						rawRounds.add(measure(raw, scripts, parallel));
						engineRounds.add(measure(engine, scripts, parallel));
					}
				}
				print(parallel, scripts, engineRounds, rawRounds);
			}
			System.out.printf("load average at the end %.2f%n", loadAverage());
		}
	}

	private static void printReplayed(int scripts, List<Round> rounds) {
		List<String> perRound = new ArrayList<>();
		for (Round round : rounds) {
			perRound.add("%.2f".formatted(round.callerCpuNanos() / 1e6 / scripts));
		}
		Round last = rounds.get(rounds.size() - 1);
		System.out.printf(
				"The engine alone, HTTP replayed from memory: CPU per script %.2f ms in the last round "
						+ "(rounds of %d: %s ms, the JIT warming up), allocated %.0f KB%n",
				last.callerCpuNanos() / 1e6 / scripts, scripts, String.join(", ", perRound),
				last.callerAllocatedBytes() / 1024.0 / scripts);
	}

	/**
	 * The overhead three ways: from the mean round times; as the median of the rounds'
	 * own overheads, which a neighbour's burst on a shared machine moves less (rounds
	 * vary by tens of points there); and from CPU time, the engine's own client CPU per
	 * script against a raw script's wall time, which is what the engine adds when its
	 * work is on the critical path, as at parallelism 1.
	 */
	private static void print(int parallel, int scripts, List<Round> engineRounds, List<Round> rawRounds) {
		double engineSeconds = average(engineRounds, Round::seconds);
		double rawSeconds = average(rawRounds, Round::seconds);
		ToDoubleFunction<Round> client = round -> round.cpu().client() / 1e6 / scripts;
		ToDoubleFunction<Round> jvm = round -> round.cpu().jvm() / 1e6 / scripts;
		List<Double> overheads = new ArrayList<>();
		List<String> perRound = new ArrayList<>();
		for (int i = 0; i < engineRounds.size(); i++) {
			Round engine = engineRounds.get(i);
			Round raw = rawRounds.get(i);
			overheads.add(100 * (engine.seconds() / raw.seconds() - 1));
			perRound.add("%.1f%% %.2f ms".formatted(overheads.get(i),
					client.applyAsDouble(engine) - client.applyAsDouble(raw)));
		}
		double engineOwnCpu = average(engineRounds, client) - average(rawRounds, client);
		System.out.printf(
				"parallel %d: engine %.2f s a round (%.0f scripts/s, 1000 in %.1f s), raw requests %.2f s "
						+ "(%.0f scripts/s); engine overhead %.1f%% on the mean round, %.1f%% the median round, "
						+ "%.1f%% from CPU%n",
				parallel, engineSeconds, scripts / engineSeconds, 1000 * engineSeconds / scripts, rawSeconds,
				scripts / rawSeconds, 100 * (engineSeconds / rawSeconds - 1), median(overheads),
				100 * engineOwnCpu / (rawSeconds * 1000 / scripts));
		System.out.printf(
				"  client CPU per script: engine %.2f ms, raw %.2f ms, the engine's own %.2f ms; "
						+ "GC and JIT: engine %.2f ms, raw %.2f ms%n",
				average(engineRounds, client), average(rawRounds, client), engineOwnCpu, average(engineRounds, jvm),
				average(rawRounds, jvm));
		if (parallel == 1) {
			ToDoubleFunction<Round> caller = round -> round.callerCpuNanos() / 1e6 / scripts;
			ToDoubleFunction<Round> allocated = round -> round.callerAllocatedBytes() / 1024.0 / scripts;
			System.out.printf(
					"  calling thread per script: CPU engine %.2f ms, raw %.2f ms, the engine's own %.2f ms; "
							+ "allocated engine %.0f KB, raw %.0f KB%n",
					average(engineRounds, caller), average(rawRounds, caller),
					average(engineRounds, caller) - average(rawRounds, caller), average(engineRounds, allocated),
					average(rawRounds, allocated));
		}
		System.out.printf("  each round's overhead and engine's own client CPU per script: %s%n",
				String.join(", ", perRound));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static double average(List<Round> rounds, ToDoubleFunction<Round> quantity) {
		return rounds.stream().mapToDouble(quantity).average().orElseThrow();
	}

	private static Round measure(Workload workload, int scripts, int parallel) throws Exception {
		System.gc();
		CpuTimes before = CpuTimes.now();
		long callerCpu = CALLER.getCurrentThreadCpuTime();
		long callerAllocated = CALLER.getThreadAllocatedBytes(Thread.currentThread().getId());
		long start = System.nanoTime();
		workload.run(scripts, parallel);
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Round(seconds, CpuTimes.now().minus(before), CALLER.getCurrentThreadCpuTime() - callerCpu,
				CALLER.getThreadAllocatedBytes(Thread.currentThread().getId()) - callerAllocated);
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static void engine(TestScriptRunner runner, LoadedTestScript script, int count, int parallel) {
		List<ScriptResult> results = runner.runAll(Collections.nCopies(count, script), parallel);
		long failed = results.stream().filter(result -> result.outcome() != Outcome.PASS).count();
		if (failed > 0) {
			throw new IllegalStateException(failed + " benchmark scripts did not pass: "
					+ results.stream().filter(r -> r.outcome() != Outcome.PASS).findFirst().orElseThrow().actions());
		}
	}

	/** Like {@code TestScriptRunner.runAll}: the calling thread alone, or a pool. */
	private static void raw(CloseableHttpClient http, String base, int count, int parallel) throws Exception {
		if (parallel == 1) {
			for (int i = 0; i < count; i++) {
				rawScript(http, base);
			}
			return;
		}
		ExecutorService executor = Executors.newFixedThreadPool(parallel);
		try {
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
		}
		finally {
			executor.shutdownNow();
		}
	}

	/** The requests the benchmark script makes, without any checking. */
	private static void rawScript(CloseableHttpClient http, String base) throws Exception {
		String location = send(http, "POST", base + "/Patient", PATIENT, "application/fhir+json");
		String id = location.substring(location.indexOf("/Patient/") + 9, location.indexOf("/_history"));
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

	/**
	 * Sends a request and reads its body as text, as the engine does.
	 * @return the response's Location header
	 */
	private static String send(CloseableHttpClient http, String method, String url, String body, String contentType)
			throws Exception {
		ClassicRequestBuilder request = ClassicRequestBuilder.create(method)
			.setUri(url)
			.addHeader("Accept", "application/fhir+json");
		if (contentType != null) {
			request.addHeader("Content-Type", contentType);
		}
		if (body != null) {
			request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
		}
		HttpClientContext context = HttpClientContext.create();
		context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(TIMEOUT)).build());
		return http.execute(request.build(), context, (response) -> {
			if (response.getEntity() != null) {
				new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8);
			}
			return (response.getFirstHeader("Location") != null) ? response.getFirstHeader("Location").getValue()
					: null;
		});
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
