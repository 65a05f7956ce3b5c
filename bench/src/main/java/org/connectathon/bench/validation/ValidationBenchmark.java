package org.connectathon.bench.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.connectathon.engine.validation.SliceMembership;

/**
 * Measures a plain HAPI set-up and Connectathon's validation service on its old path
 * (every {@code conformsTo()} slice question validated in full) and its new one (precheck
 * and memo) side by side, each in a fresh JVM started by this driver, alternating between
 * them: time from JVM start to ready, the first validation, and steady Bundles per second
 * on 1 and 2 threads over a corpus of distinct IPS Bundles, with the process CPU per
 * Bundle and per validation of a small resource (an IPS Patient). Then validates part of
 * the corpus with the old and the new path in one JVM and requires identical
 * OperationOutcomes, and compares the issues with the plain set-up's.
 * <p>
 * Usage (see {@code bench/run-validation-benchmark.sh}):
 * {@code ValidationBenchmark PACKAGE_FOLDER WORK_FOLDER [ROUNDS] [SECONDS]}; the package
 * folder holds the IPS 2.0.0, hl7.terminology.r4 7.0.1 and hl7.fhir.uv.extensions.r4
 * 5.3.0-ballot-tc1 .tgz files. Figures are only comparable within one run: the machine
 * may be shared.
 */
public final class ValidationBenchmark {

	static final List<String> PACKAGE_FILES = List.of("hl7.fhir.uv.ips-2.0.0.tgz", "hl7.terminology.r4-7.0.1.tgz",
			"hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz");

	private static final int CORPUS_SIZE = 500;

	private static final int COMPARED_BUNDLES = 40;

	private static final int IDENTICAL_FINDINGS_BUNDLES = 100;

	/** A small resource, about the size of what the proxy captures: an IPS Patient. */
	private static final String SMALL_RESOURCE = "Patient-66033.json";

	private static final List<String> SET_UPS = List.of("plain", "old", "new");

	private static final AtomicLong VALIDATED = new AtomicLong();

	private ValidationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length >= 1 && args[0].equals("child")) {
			child(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
			return;
		}
		if (args.length >= 1 && args[0].equals("compare")) {
			compare(Path.of(args[1]), Path.of(args[2]));
			return;
		}
		if (args.length >= 1 && args[0].equals("identical")) {
			identicalFindings(Path.of(args[1]), Path.of(args[2]));
			return;
		}
		if (args.length < 2) {
			System.err.println("usage: ValidationBenchmark PACKAGE_FOLDER WORK_FOLDER [ROUNDS] [SECONDS]");
			System.exit(2);
		}
		Path packageFolder = Path.of(args[0]).toAbsolutePath();
		Path work = Path.of(args[1]).toAbsolutePath();
		int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
		prepare(packageFolder, work);
		Map<String, List<Map<String, Double>>> results = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			for (String setUp : SET_UPS) {
				System.out.printf("round %d: %s ...%n", round, setUp);
				results.computeIfAbsent(setUp, k -> new ArrayList<>()).add(fork(setUp, packageFolder, work, seconds));
			}
		}
		printTable(results);
		System.out.println();
		System.out.println("Findings of the old and the new path, in one JVM:");
		forkCompare("identical", packageFolder, work);
		System.out.println();
		System.out.println("Issues of plain HAPI and the new path, in one JVM:");
		forkCompare("compare", packageFolder, work);
	}

	/**
	 * Warms Connectathon's package cache (packages and core definitions: the "warm cache"
	 * start the issue measures) and writes the corpus, so that every child sees the same.
	 */
	private static void prepare(Path packageFolder, Path work) throws IOException {
		Path cache = work.resolve("package-cache");
		new ConnectathonSetUp(cache, PACKAGE_FILES.stream().map(packageFolder::resolve).toList(),
				SliceMembership.PRECHECK_AND_REMEMBER);
		Path corpus = work.resolve("ips-corpus");
		Files.createDirectories(corpus);
		List<String> originals = IpsCorpus.officialBundles(cache.resolve("hl7.fhir.uv.ips#2.0.0/package/example"));
		List<String> bundles = IpsCorpus.generate(originals, CORPUS_SIZE, 4);
		for (int index = 0; index < bundles.size(); index++) {
			Files.writeString(corpus.resolve(String.format("ips-%03d.json", index)), bundles.get(index));
		}
		System.out.printf("corpus: %d distinct Bundles from %d official examples in %s%n", bundles.size(),
				originals.size(), corpus);
		Files.copy(cache.resolve("hl7.fhir.uv.ips#2.0.0/package/example/" + SMALL_RESOURCE),
				work.resolve(SMALL_RESOURCE), StandardCopyOption.REPLACE_EXISTING);
	}

	private static Map<String, Double> fork(String setUp, Path packageFolder, Path work, int seconds)
			throws IOException, InterruptedException {
		List<String> command = javaCommand(packageFolder);
		command.addAll(List.of(ValidationBenchmark.class.getName(), "child", setUp, packageFolder.toString(),
				work.toString(), Integer.toString(seconds)));
		Map<String, Double> result = new TreeMap<>();
		for (String line : run(command)) {
			if (line.startsWith("RESULT ")) {
				for (String pair : line.substring(7).split(" ")) {
					String[] keyValue = pair.split("=");
					result.put(keyValue[0], Double.parseDouble(keyValue[1]));
				}
			}
		}
		System.out.println("  " + result);
		return result;
	}

	private static void forkCompare(String mode, Path packageFolder, Path work)
			throws IOException, InterruptedException {
		List<String> command = javaCommand(packageFolder);
		command.addAll(List.of(ValidationBenchmark.class.getName(), mode, packageFolder.toString(), work.toString()));
		run(command).forEach(System.out::println);
	}

	/**
	 * The same JVM, classpath and heap for every child; the package folder is on the
	 * classpath for plain HAPI.
	 */
	private static List<String> javaCommand(Path packageFolder) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx4g");
		command.add("-cp");
		command.add(System.getProperty("java.class.path") + java.io.File.pathSeparator + packageFolder);
		return command;
	}

	private static List<String> run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("RESULT ") || line.startsWith("  ") || line.startsWith("compared")
						|| line.startsWith("only") || line.startsWith("identical") || line.startsWith("DIFFERENT")
						|| line.startsWith("membership")) {
					lines.add(line);
				}
			}
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException("Child failed: " + String.join(" ", command));
		}
		return lines;
	}

	private static void child(String setUp, Path packageFolder, Path work, int seconds) throws Exception {
		List<String> corpus = readCorpus(work.resolve("ips-corpus"));
		BenchValidator validator = create(setUp, packageFolder, work);
		double ready = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
		double readyCpu = processCpuSeconds();
		long start = System.nanoTime();
		long firstErrors = validator.validate(corpus.get(0))
			.stream()
			.filter(issue -> issue.startsWith("error|") || issue.startsWith("fatal|"))
			.count();
		double first = (System.nanoTime() - start) / 1e9;
		// warm-up until the JIT has settled: as long as one measurement
		throughput(validator, corpus, 1, seconds);
		double cpuBefore = processCpuSeconds();
		long validatedBefore = VALIDATED.get();
		double oneThread = throughput(validator, corpus, 1, seconds);
		double twoThreads = throughput(validator, corpus, 2, seconds);
		double cpuPerBundle = (processCpuSeconds() - cpuBefore) / (VALIDATED.get() - validatedBefore);
		double cpuPerSmallResource = cpuPerValidation(validator, Files.readString(work.resolve(SMALL_RESOURCE)),
				seconds);
		if (validator instanceof ConnectathonSetUp connectathon) {
			System.out.println("membership questions (" + setUp + "): " + connectathon.membershipStatistics());
		}
		System.out.printf(Locale.ROOT,
				"RESULT ready_s=%.2f ready_cpu_s=%.2f first_s=%.3f first_errors=%d bundles_per_s_1=%.2f "
						+ "bundles_per_s_2=%.2f cpu_ms_per_bundle=%.1f cpu_ms_per_patient=%.2f%n",
				ready, readyCpu, first, firstErrors, oneThread, twoThreads, cpuPerBundle * 1000,
				cpuPerSmallResource * 1000);
	}

	/**
	 * Process CPU per validation of one small resource, validated again and again on one
	 * thread for half the phase's seconds after as many validations as warm-up: the size
	 * of what the proxy captures, where a validator's set-up weighs most.
	 */
	private static double cpuPerValidation(BenchValidator validator, String resource, int seconds) {
		long halfPhase = seconds * 500_000_000L;
		for (long end = System.nanoTime() + halfPhase; System.nanoTime() < end;) {
			validator.validate(resource);
		}
		double cpuBefore = processCpuSeconds();
		long validations = 0;
		for (long end = System.nanoTime() + halfPhase; System.nanoTime() < end; validations++) {
			validator.validate(resource);
		}
		return (processCpuSeconds() - cpuBefore) / validations;
	}

	/**
	 * CPU time of the whole process (all threads, JIT and GC included): robust where wall
	 * time is not on a shared machine.
	 */
	private static double processCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	static BenchValidator create(String setUp, Path packageFolder, Path work) {
		List<Path> files = PACKAGE_FILES.stream().map(packageFolder::resolve).toList();
		return switch (setUp) {
			case "plain" -> new PlainHapiSetUp(files);
			case "old" -> new ConnectathonSetUp(work.resolve("package-cache"), files, SliceMembership.VALIDATE_IN_FULL);
			case "new", "connectathon" ->
				new ConnectathonSetUp(work.resolve("package-cache"), files, SliceMembership.PRECHECK_AND_REMEMBER);
			default -> throw new IllegalArgumentException("Unknown set-up " + setUp);
		};
	}

	/**
	 * Bundles per second validated by {@code threads} threads taking distinct Bundles in
	 * turn.
	 */
	private static double throughput(BenchValidator validator, List<String> corpus, int threads, int seconds)
			throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		AtomicLong done = new AtomicLong();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		CountDownLatch finished = new CountDownLatch(threads);
		long start = System.nanoTime();
		for (int thread = 0; thread < threads; thread++) {
			Thread worker = new Thread(() -> {
				while (System.nanoTime() < deadline) {
					validator.validate(corpus.get(Math.floorMod(next.getAndIncrement(), corpus.size())));
					done.incrementAndGet();
					VALIDATED.incrementAndGet();
				}
				finished.countDown();
			});
			worker.start();
		}
		finished.await();
		return done.get() / ((System.nanoTime() - start) / 1e9);
	}

	private static void compare(Path packageFolder, Path work) throws IOException {
		List<String> corpus = readCorpus(work.resolve("ips-corpus")).subList(0, COMPARED_BUNDLES);
		BenchValidator plain = create("plain", packageFolder, work);
		BenchValidator connectathon = create("new", packageFolder, work);
		int identical = 0;
		Map<String, Integer> onlyPlain = new TreeMap<>();
		Map<String, Integer> onlyConnectathon = new TreeMap<>();
		for (String bundle : corpus) {
			List<String> plainIssues = plain.validate(bundle);
			List<String> connectathonIssues = connectathon.validate(bundle);
			if (normalized(plainIssues).equals(normalized(connectathonIssues))) {
				identical++;
			}
			count(plainIssues, connectathonIssues, onlyPlain);
			count(connectathonIssues, plainIssues, onlyConnectathon);
		}
		System.out.printf("compared %d Bundles: identical issues for %d%n", corpus.size(), identical);
		System.out.println("only plain HAPI reports (kind: count):");
		onlyPlain.forEach((kind, count) -> System.out.printf("  %5d  %s%n", count, kind));
		System.out.println("only Connectathon reports (kind: count):");
		onlyConnectathon.forEach((kind, count) -> System.out.printf("  %5d  %s%n", count, kind));
	}

	/**
	 * The old and the new path must report the same OperationOutcome (every issue,
	 * severity, location, line, column, message) for every Bundle; a difference fails the
	 * benchmark.
	 */
	private static void identicalFindings(Path packageFolder, Path work) throws IOException {
		List<String> corpus = readCorpus(work.resolve("ips-corpus")).subList(0, IDENTICAL_FINDINGS_BUNDLES);
		ConnectathonSetUp old = (ConnectathonSetUp) create("old", packageFolder, work);
		ConnectathonSetUp faster = (ConnectathonSetUp) create("new", packageFolder, work);
		int different = 0;
		for (int index = 0; index < corpus.size(); index++) {
			String expected = withoutObjectIds(old.operationOutcome(corpus.get(index)));
			String actual = withoutObjectIds(faster.operationOutcome(corpus.get(index)));
			if (!expected.equals(actual)) {
				different++;
				System.out.printf("DIFFERENT OperationOutcome for corpus Bundle %03d%n", index);
			}
		}
		System.out.printf("identical OperationOutcomes for %d of %d corpus Bundles%n", corpus.size() - different,
				corpus.size());
		if (different > 0) {
			System.exit(1);
		}
	}

	/**
	 * Counts the issues of {@code issues} missing from {@code other}, by severity and the
	 * start of the message.
	 */
	private static void count(List<String> issues, List<String> other, Map<String, Integer> kinds) {
		java.util.Set<String> otherSet = normalized(other);
		for (String issue : issues) {
			if (!otherSet.contains(withoutObjectIds(issue))) {
				String[] parts = issue.split("\\|", 3);
				String message = withoutObjectIds(parts[2]).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…");
				kinds.merge(parts[0] + ": " + message.substring(0, Math.min(110, message.length())), 1, Integer::sum);
			}
		}
	}

	/**
	 * HAPI prints some objects with their identity hash, which differs between two
	 * validators.
	 */
	private static String withoutObjectIds(String message) {
		return message.replaceAll("@[0-9a-f]+", "@…");
	}

	private static java.util.Set<String> normalized(List<String> issues) {
		return issues.stream().map(ValidationBenchmark::withoutObjectIds).collect(java.util.stream.Collectors.toSet());
	}

	private static void printTable(Map<String, List<Map<String, Double>>> results) {
		System.out.println();
		System.out.println("median of rounds       plain HAPI       old path       new path   new/old   new/plain");
		for (String key : List.of("ready_s", "ready_cpu_s", "first_s", "first_errors", "bundles_per_s_1",
				"bundles_per_s_2", "cpu_ms_per_bundle", "cpu_ms_per_patient")) {
			double plain = median(results.get("plain"), key);
			double old = median(results.get("old"), key);
			double faster = median(results.get("new"), key);
			if (key.equals("first_errors")) {
				System.out.printf(Locale.ROOT, "%-20s %12.0f %14.0f %14.0f   (errors in the first Bundle)%n", key,
						plain, old, faster);
				continue;
			}
			boolean higherIsBetter = key.startsWith("bundles_per");
			System.out.printf(Locale.ROOT, "%-20s %12.2f %14.2f %14.2f   %5.2fx    %5.2fx  %s%n", key, plain, old,
					faster, higherIsBetter ? faster / old : old / faster,
					higherIsBetter ? faster / plain : plain / faster, higherIsBetter ? "more" : "less");
		}
	}

	private static double median(List<Map<String, Double>> rounds, String key) {
		List<Double> values = rounds.stream().map(round -> round.get(key)).sorted().toList();
		return values.get(values.size() / 2);
	}

	private static List<String> readCorpus(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			List<Path> sorted = files.sorted().toList();
			List<String> corpus = new ArrayList<>();
			for (Path file : sorted) {
				corpus.add(Files.readString(file));
			}
			return corpus;
		}
	}

}
