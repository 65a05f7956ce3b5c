package org.connectathon.bench.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

import ca.uhn.fhir.context.FhirContext;
import com.sun.management.OperatingSystemMXBean;
import com.sun.management.OperatingSystemMXBean;
import ca.uhn.fhir.parser.IParser;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;
import org.connectathon.engine.referenceserver.ResourceStore;

/**
 * Loads 100,000 generated resources into an in-process R4 reference server (1,000
 * Organizations, 500 Medications, 20,000 Patients, 40,000 Observations and 38,500
 * MedicationRequests) and times searches over HTTP, each with random values: a token
 * search with one match, a token search with about 2,000 matches (first page of 100), a
 * reference search, and a two-level chain with {@code _include}. Prints the load time,
 * the heap used with all resources loaded, and per search the median and 95th percentile
 * of the wall time and the CPU time of the whole process (server and client) per search,
 * which another load on the machine changes less than the wall time. Run by hand, see
 * README.md; argument: {@code [repetitions per search (500)]}.
 */
public final class ReferenceServerSearchBenchmark {

	static final int ORGANIZATIONS = 1_000;

	static final int MEDICATIONS = 500;

	static final int PATIENTS = 20_000;

	static final int OBSERVATIONS = 40_000;

	static final int MEDICATION_REQUESTS = 38_500;

	static final String BSN = "http://fhir.nl/fhir/NamingSystem/bsn";

	static final String AGB = "http://fhir.nl/fhir/NamingSystem/agb-z";

	static final String[] LOINC = { "8480-6", "8462-4", "29463-7", "8302-2", "8867-4", "9279-1", "2339-0", "718-7",
			"4548-4", "2093-3", "2085-9", "13457-7", "2571-8", "39156-5", "59408-5", "8310-5", "3141-9", "1558-6",
			"14749-6", "2160-0" };

	private ReferenceServerSearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 500;
		FhirContext fhirContext = FhirContext.forR4Cached();
		ReferenceServer server = new ReferenceServer(fhirContext);
		long start = System.nanoTime();
		int loaded = load(server.store(), fhirContext.newJsonParser());
		double loadSeconds = (System.nanoTime() - start) / 1e9;
		System.gc();
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		long usedMegabytes = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
		System.out.printf(Locale.ROOT, "loaded %,d resources in %.0f s; heap used after GC: %,d MB%n", loaded,
				loadSeconds, usedMegabytes);
		try (ReferenceServerLauncher launcher = ReferenceServerLauncher.start(server, 0)) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			Random random = new Random(13);
			List<Search> searches = List.of(
					new Search("token, 1 match: Patient?identifier=bsn|N",
							i -> "Patient?identifier=" + BSN + "|" + (100_000_000 + random.nextInt(PATIENTS))),
					new Search("token, ~2,000 matches, page of 100: Observation?code=loinc|C",
							i -> "Observation?code=http://loinc.org|" + LOINC[random.nextInt(LOINC.length)]),
					new Search("reference: Observation?subject=Patient/N",
							i -> "Observation?subject=Patient/p" + random.nextInt(PATIENTS)),
					new Search(
							"chain of 2 + _include: MedicationRequest?patient.organization.identifier=agb|N"
									+ "&_include=MedicationRequest:medication",
							i -> "MedicationRequest?patient.organization.identifier=" + AGB + "|"
									+ (10_000 + random.nextInt(ORGANIZATIONS))
									+ "&_include=MedicationRequest:medication"));
			// every search warms up before any is measured: the JIT compiles what they
			// share
			for (Search search : searches) {
				for (int i = 0; i < repetitions / 2; i++) {
					send(http, launcher.baseUrl(), search.query().apply(i));
				}
			}
			System.out.printf(Locale.ROOT, "%-110s %8s %8s %8s %8s%n",
					"search (" + repetitions + " each, after " + repetitions / 2 + " each to warm up)", "p50 ms",
					"p95 ms", "CPU ms", "entries");
			OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			for (Search search : searches) {
				long cpuBefore = os.getProcessCpuTime();
				double[] millis = new double[repetitions];
				long entries = 0;
				for (int i = 0; i < repetitions; i++) {
					String query = search.query().apply(i);
					long before = System.nanoTime();
					String body = send(http, launcher.baseUrl(), query);
					millis[i] = (System.nanoTime() - before) / 1e6;
					entries += body.split("\"fullUrl\"", -1).length - 1;
				}
				double cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1e6 / repetitions;
				Arrays.sort(millis);
				System.out.printf(Locale.ROOT, "%-110s %8.1f %8.1f %8.1f %8.0f%n", search.name(),
						millis[millis.length / 2], millis[(int) (millis.length * 0.95)], cpuMillis,
						entries / (double) repetitions);
			}
		}
	}

	private record Search(String name, IntFunction<String> query) {
	}

	private static String send(HttpClient http, String baseUrl, String query) throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/" + query.replace("|", "%7C")))
				.header("Accept", "application/fhir+json")
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(query + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** Stores the generated resources straight into the store, as {@code --load} does. */
	static int load(ResourceStore store, IParser parser) {
		Random random = new Random(42);
		int count = 0;
		for (int i = 0; i < ORGANIZATIONS; i++) {
			count += put(store, parser, "Organization", "o" + i, """
					{"resourceType":"Organization","identifier":[{"system":"%s","value":"%d"}],"name":"Apotheek %d"}"""
				.formatted(AGB, 10_000 + i, i));
		}
		for (int i = 0; i < MEDICATIONS; i++) {
			count += put(store, parser, "Medication", "m" + i,
					"""
							{"resourceType":"Medication","code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.2.4.4.1","code":"%d","display":"Medication %d"}]}}"""
						.formatted(60_000 + i, i));
		}
		for (int i = 0; i < PATIENTS; i++) {
			count += put(store, parser, "Patient", "p" + i, """
					{"resourceType":"Patient","identifier":[{"system":"%s","value":"%d"}],
					 "name":[{"family":"Family%d","given":["Given%d"]}],"gender":"%s","birthDate":"%d-%02d-%02d",
					 "managingOrganization":{"reference":"Organization/o%d"}}""".formatted(BSN, 100_000_000 + i,
					i % 5000, i % 300, i % 2 == 0 ? "female" : "male", 1930 + random.nextInt(90),
					1 + random.nextInt(12), 1 + random.nextInt(28), i % ORGANIZATIONS));
		}
		for (int i = 0; i < OBSERVATIONS; i++) {
			count += put(store, parser, "Observation", "obs" + i,
					"""
							{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},
							 "subject":{"reference":"Patient/p%d"},"effectiveDateTime":"2024-%02d-%02dT10:00:00Z",
							 "valueQuantity":{"value":%d,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}"""
						.formatted(LOINC[i % LOINC.length], i % PATIENTS, 1 + random.nextInt(12),
								1 + random.nextInt(28), 60 + random.nextInt(100)));
		}
		for (int i = 0; i < MEDICATION_REQUESTS; i++) {
			count += put(store, parser, "MedicationRequest", "mr" + i, """
					{"resourceType":"MedicationRequest","status":"%s","intent":"order",
					 "category":[{"coding":[{"system":"http://snomed.info/sct","code":"16076005"}]}],
					 "medicationReference":{"reference":"Medication/m%d"},"subject":{"reference":"Patient/p%d"},
					 "authoredOn":"2024-%02d-%02d"}""".formatted(i % 3 == 0 ? "stopped" : "active",
					random.nextInt(MEDICATIONS), i % PATIENTS, 1 + random.nextInt(12), 1 + random.nextInt(28)));
		}
		return count;
	}

	private static int put(ResourceStore store, IParser parser, String type, String id, String json) {
		store.put(type, id, parser.parseResource(json));
		return 1;
	}

}
