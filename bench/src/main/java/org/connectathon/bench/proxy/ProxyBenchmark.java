package org.connectathon.bench.proxy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.connectathon.bench.scale.PlatformProcess;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;

/**
 * Issue 14's speed benchmark: one FHIR read ({@code GET Patient/{id}} on the engine's
 * reference server, in this JVM) sent directly and through the recording proxy of the
 * real platform jar (its own JVM, H2 or PostgreSQL), side by side in one run, by the same
 * client:
 * <ul>
 * <li>at a fixed rate (500 requests per second, open loop: requests are sent on schedule
 * whether the previous ones answered or not): latency percentiles, and what the proxy
 * adds;</li>
 * <li>at saturation (a fixed number of clients each sending its next request when its
 * previous one answered): requests per second, and the proxy's share of direct;</li>
 * <li>at both loads, the captures stored against the exchanges sent through the
 * proxy.</li>
 * </ul>
 * Usage: {@code ProxyBenchmark h2|postgres JAR WORK_DIR [SECONDS] [RATE] [CLIENTS]}.
 */
public final class ProxyBenchmark {

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Dropped and made again at each run: {@code BENCH_POSTGRES_DATABASE} names another,
	 * so that runs beside each other on one server each use their own.
	 */
	private static final String POSTGRES_DATABASE = postgresDatabase();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.executor(Executors.newFixedThreadPool(4))
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("Usage: ProxyBenchmark h2|postgres JAR WORK_DIR [SECONDS] [RATE] [CLIENTS]");
			System.exit(2);
		}
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 20;
		int rate = (args.length > 4) ? Integer.parseInt(args[4]) : 500;
		int clients = (args.length > 5) ? Integer.parseInt(args[5]) : 16;
		new ProxyBenchmark().run(args[0], Path.of(args[1]), Path.of(args[2]), seconds, rate, clients);
		System.exit(0);
	}

	private void run(String database, Path jar, Path work, int seconds, int rate, int clients) throws Exception {
		Files.createDirectories(work);
		Path log = work.resolve("platform-proxy-" + database + ".log");
		Files.deleteIfExists(log);
		List<String> databaseOptions;
		String jdbcUrl;
		String jdbcUser;
		Path passwordFile = null;
		if (database.equals("h2")) {
			Path home = work.resolve("proxy-h2-home").toAbsolutePath();
			deleteRecursively(home);
			databaseOptions = List.of("--home", home.toString());
			jdbcUrl = "jdbc:h2:file:" + home + "/connectathon;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
			jdbcUser = "sa";
			// The platform gives its embedded database a password of its own, kept there.
			passwordFile = home.resolve("database-password");
		}
		else if (database.equals("postgres")) {
			try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
					Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + POSTGRES_DATABASE + " with (force)");
				statement.execute("create database " + POSTGRES_DATABASE);
			}
			jdbcUrl = POSTGRES + POSTGRES_DATABASE;
			jdbcUser = "postgres";
			databaseOptions = List.of("--db-url", jdbcUrl, "--db-user", jdbcUser);
		}
		else {
			throw new IllegalArgumentException("The database is h2 or postgres, not " + database);
		}
		System.out.printf("%s: %s, %s%n", database, jar, loadAverage());
		// The command line makes the schema (Flyway).
		PlatformProcess.run(jar, databaseOptions, log, "admin", "create-user", "--username", "bench-admin",
				"--password", "bench-password-1", "--role", "ADMIN");
		// The organizer's token reads the platform's count of dropped captures.
		String token = PlatformProcess
			.output(jar, databaseOptions, log, "admin", "create-token", "--username", "bench-admin")
			.strip();
		String jdbcPassword = (passwordFile != null) ? Files.readString(passwordFile).strip() : "";
		try (ReferenceServerLauncher fhir = ReferenceServerLauncher.start(new ReferenceServer(FhirContext.forR4()), 0);
				PlatformProcess platform = PlatformProcess.serve(jar, databaseOptions, jvmOptions(), freePort(), log)) {
			String patient = createPatient(fhir.baseUrl());
			long eventId;
			String proxyBase;
			try (Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
				long[] ids = endpointOf(connection, fhir.baseUrl());
				eventId = ids[0];
				proxyBase = platform.baseUrl() + "/proxy/" + ids[0] + "/" + ids[1];
			}
			URI direct = URI.create(fhir.baseUrl() + "/Patient/" + patient);
			URI proxied = URI.create(proxyBase + "/Patient/" + patient);
			try (Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
				Captures captures = new Captures(connection, eventId,
						URI.create(platform.baseUrl() + "/api/events/" + eventId + "/captures?size=1"), token);
				// First as many requests as the compilers need to compile what each
				// request runs (some ten thousand calls of a method), then at the fixed
				// rate, whose client and mix of work (the validation beside the
				// exchanges) the compilers would otherwise first see in a measured
				// series.
				System.out.printf("Warming up with %d clients, then at %d requests/s, for %d s each...%n", clients,
						rate, seconds);
				saturated(direct, clients, seconds);
				Throughput warmUp = saturated(proxied, clients, seconds);
				atRate(direct, rate, seconds);
				Latencies warmUpAtRate = atRate(proxied, rate, seconds);
				long warmUpFailures = (warmUp.sent() - warmUp.answered()) + warmUpAtRate.failures();
				if (warmUpFailures > 0) {
					// a request refused before it reached the proxy leaves no capture
					System.out.printf("%d of the proxied warm-up requests were not answered 200%n", warmUpFailures);
				}
				long proxiedSent = warmUp.sent() + warmUpAtRate.sent();
				captures.awaitStored(proxiedSent);
				System.out.printf("Waited %d s for the platform to validate the warm-up's captures%n",
						captures.awaitValidated());
				System.out.printf("Waited %d s for the platform to be quiet%n", awaitQuiet(platform));

				System.out.printf("%nAt %d requests/s for %d s each (%s)%n", rate, seconds, loadAverage());
				CpuSplit cpu = new CpuSplit(platform.pid());
				Latencies directLatencies = atRate(direct, rate, seconds);
				String directCpu = cpu.since(directLatencies.sent());
				Latencies proxiedLatencies = atRate(proxied, rate, seconds);
				String proxiedCpu = cpu.since(proxiedLatencies.sent());
				proxiedSent += proxiedLatencies.sent();
				long storedAtRate = captures.awaitStored(proxiedSent);
				System.out.println(Latencies.HEADER);
				System.out.println(directLatencies.line("direct"));
				System.out.println(proxiedLatencies.line("through the proxy"));
				System.out.printf(Locale.ROOT, "added by the proxy: p50 %.2f ms, p99 %.2f ms (targets < 1, < 5)%n",
						proxiedLatencies.percentile(0.50) - directLatencies.percentile(0.50),
						proxiedLatencies.percentile(0.99) - directLatencies.percentile(0.99));
				System.out.println(captures.storedLine(storedAtRate, proxiedSent));
				System.out.printf("CPU, direct: %s%nCPU, through the proxy: %s%n", directCpu, proxiedCpu);

				System.out.printf("%nAt saturation, %d clients for %d s each (%s)%n", clients, seconds, loadAverage());
				cpu = new CpuSplit(platform.pid());
				Throughput directThroughput = saturated(direct, clients, seconds);
				directCpu = cpu.since(directThroughput.sent());
				Throughput proxiedThroughput = saturated(proxied, clients, seconds);
				proxiedCpu = cpu.since(proxiedThroughput.sent());
				proxiedSent += proxiedThroughput.sent();
				long storedAtSaturation = captures.awaitStored(proxiedSent);
				System.out.printf(Locale.ROOT,
						"direct %.0f requests/s, through the proxy %.0f requests/s: %.0f%% (target >= 60%%)%n",
						directThroughput.perSecond(), proxiedThroughput.perSecond(),
						100 * proxiedThroughput.perSecond() / directThroughput.perSecond());
				System.out.println(captures.storedLine(storedAtSaturation, proxiedSent));
				System.out.printf("CPU, direct: %s%nCPU, through the proxy: %s%n", directCpu, proxiedCpu);
				System.out.printf("%nplatform JVM CPU: %d ms; %s%n", platform.cpuMillis(), loadAverage());
			}
		}
	}

	/**
	 * Waits until the platform used less than a twentieth of a core over a second (its
	 * compilers done with what the warm-up made hot), at most a minute.
	 * @return the seconds waited
	 */
	private static long awaitQuiet(PlatformProcess platform) throws InterruptedException {
		long start = System.nanoTime();
		long cpu = platform.cpuMillis();
		while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(1)) {
			Thread.sleep(1000);
			long now = platform.cpuMillis();
			if (now - cpu < 50) {
				break;
			}
			cpu = now;
		}
		return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
	}

	/**
	 * Sends requests on a fixed schedule for the given seconds; latencies of those
	 * answered 200.
	 */
	private Latencies atRate(URI target, int rate, int seconds) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(target).GET().build();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicLong failures = new AtomicLong();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		int total = rate * seconds;
		for (int sent = 0; sent < total; sent++) {
			long due = start + sent * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			long sentAt = System.nanoTime();
			pending.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					if (failure == null && response.statusCode() == 200) {
						latencies.add(System.nanoTime() - sentAt);
					}
					else {
						failures.incrementAndGet();
					}
				}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally((failure) -> null).join();
		return new Latencies(new ArrayList<>(latencies), total, failures.get());
	}

	/** How many requests clients that each wait for their answer get answered 200. */
	private Throughput saturated(URI target, int clients, int seconds) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(target).GET().build();
		AtomicLong sent = new AtomicLong();
		AtomicLong answered = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		try {
			for (int client = 0; client < clients; client++) {
				threads.submit(() -> {
					while (System.nanoTime() < end) {
						sent.incrementAndGet();
						try {
							if (this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
								answered.incrementAndGet();
							}
						}
						catch (IOException | InterruptedException failure) {
							return;
						}
					}
				});
			}
		}
		finally {
			threads.shutdown();
			threads.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		}
		return new Throughput(sent.get(), answered.get(), answered.get() / ((System.nanoTime() - start) / 1e9));
	}

	private record Throughput(long sent, long answered, double perSecond) {

	}

	/**
	 * The CPU used since the last reading, per request sent: the whole machine's (the
	 * kernel's loopback work included), PostgreSQL's server processes', and by thread
	 * this JVM's (the client and the reference server) and the platform's.
	 */
	private static final class CpuSplit {

		private final long platformPid;

		private Reading earlier;

		CpuSplit(long platformPid) {
			this.platformPid = platformPid;
			this.earlier = Reading.now(platformPid);
		}

		String since(long requests) {
			Reading now = Reading.now(this.platformPid);
			String line = String.format(Locale.ROOT,
					"whole machine %,d µs per request, PostgreSQL's processes %,d; taken by the host %,d ms in all"
							+ "%n  client and reference server %s%n  platform %s",
					1000 * (now.machine.busyMillis() - this.earlier.machine.busyMillis()) / requests,
					1000 * (now.postgresMillis - this.earlier.postgresMillis) / requests,
					now.machine.stolenMillis() - this.earlier.machine.stolenMillis(),
					now.benchmark.perRequestSince(this.earlier.benchmark, requests),
					now.platform.perRequestSince(this.earlier.platform, requests));
			this.earlier = now;
			return line;
		}

		private record Reading(ThreadCpu.MachineCpu machine, long postgresMillis, ThreadCpu benchmark,
				ThreadCpu platform) {

			static Reading now(long platformPid) {
				return new Reading(ThreadCpu.MachineCpu.now(), ThreadCpu.commandMillis("postgres"),
						ThreadCpu.of(ProcessHandle.current().pid()), ThreadCpu.of(platformPid));
			}

		}

	}

	private String createPatient(String baseUrl) throws IOException, InterruptedException {
		HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/Patient"))
			.header("Content-Type", "application/fhir+json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Bench\"}],"
					+ "\"birthDate\":\"1970-01-01\",\"gender\":\"female\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = created.headers().firstValue("Location").orElseThrow();
		String afterType = location.substring(location.indexOf("/Patient/") + "/Patient/".length());
		return afterType.split("/")[0];
	}

	/**
	 * An open event that allows private addresses, with one system whose endpoint is the
	 * reference server: written straight into the database, as the platform would.
	 * @return the event's and the endpoint's ids
	 */
	private static long[] endpointOf(Connection connection, String baseUrl) throws SQLException {
		long organization = insert(connection, "insert into organizations (name) values ('Bench vendor')");
		long event = insert(connection, """
				insert into events (name, start_date, end_date, registration_deadline, status, allow_private_addresses)
				values ('Proxy bench', current_date, current_date, current_timestamp, 'RUNNING', true)""");
		long profile = insert(connection,
				"insert into profiles (keyword, name, kind) values ('BENCH', 'Bench profile', 'FHIR_IG')");
		long actor = insert(connection,
				"insert into actors (profile_id, keyword, name) values (" + profile + ", 'SERVER', 'Server')");
		long system = insert(connection, "insert into systems (event_id, organization_id, name, status) values ("
				+ event + ", " + organization + ", 'Bench server', 'PUBLISHED')");
		long endpoint = insert(connection, "insert into endpoints (system_id, actor_id, base_url) values (" + system
				+ ", " + actor + ", '" + baseUrl + "')");
		return new long[] { event, endpoint };
	}

	private static long insert(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" })) {
			statement.executeUpdate();
			try (ResultSet keys = statement.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	/** BENCH_JVM_OPTS: options for the platform's JVM, such as a JFR recording. */
	private static List<String> jvmOptions() {
		String options = System.getenv("BENCH_JVM_OPTS");
		return (options != null) ? List.of(options.trim().split("\\s+")) : List.of();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return "load average " + String.join(" ", Arrays.copyOf(fields, 3)) + " on "
					+ Runtime.getRuntime().availableProcessors() + " cores";
		}
		catch (IOException unavailable) {
			return "load average unknown";
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (var paths = Files.walk(folder)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	/** Latencies in nanoseconds of the requests answered 200. */
	private record Latencies(List<Long> nanos, int sent, long failures) {

		static final String HEADER = "                       p50 ms   p90 ms   p99 ms  answered  failed";

		Latencies {
			nanos = new ArrayList<>(nanos);
			Collections.sort(nanos);
		}

		double percentile(double fraction) {
			if (this.nanos.isEmpty()) {
				return Double.NaN;
			}
			int index = (int) Math.min(this.nanos.size() - 1, Math.ceil(fraction * this.nanos.size()) - 1);
			return this.nanos.get(Math.max(0, index)) / 1e6;
		}

		String line(String name) {
			return String.format(Locale.ROOT, "%-20s %8.2f %8.2f %8.2f %9d %7d", name, percentile(0.5), percentile(0.9),
					percentile(0.99), this.nanos.size(), this.failures);
		}

	}

	/**
	 * The event's stored captures, counted once the platform has written them all, and
	 * those the platform dropped because its capture queue was full.
	 */
	private final class Captures {

		final Connection connection;

		final long eventId;

		final URI list;

		final String token;

		Captures(Connection connection, long eventId, URI list, String token) {
			this.connection = connection;
			this.eventId = eventId;
			this.list = list;
			this.token = token;
		}

		/**
		 * Stored against sent, with what the platform says it dropped: stored + dropped =
		 * sent tells that nothing was lost silently, and dropped = 0 that the queue kept
		 * up.
		 */
		String storedLine(long stored, long sent) throws IOException, InterruptedException {
			long dropped = dropped();
			return String.format(Locale.ROOT,
					"captures stored %d of %d exchanges sent through the proxy so far; dropped by the platform %d"
							+ " (its capture queue full); unaccounted %d",
					stored, sent, dropped, sent - stored - dropped);
		}

		/** The platform's {@code droppedOnThisNode}, from its capture list. */
		long dropped() throws IOException, InterruptedException {
			HttpResponse<String> answer = ProxyBenchmark.this.http.send(
					HttpRequest.newBuilder(this.list).header("Authorization", "Bearer " + this.token).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(
						"The capture list answered " + answer.statusCode() + ": " + answer.body());
			}
			return JSON.readTree(answer.body()).path("droppedOnThisNode").asLong();
		}

		/**
		 * Waits until the count reaches the exchanges sent or has not grown for ten
		 * seconds (the writer of a busy machine may pause for seconds), and gives it.
		 */
		long awaitStored(long sent) throws SQLException, InterruptedException {
			long count = count();
			long grewAt = System.nanoTime();
			while (count < sent && System.nanoTime() - grewAt < TimeUnit.SECONDS.toNanos(10)) {
				Thread.sleep(500);
				long now = count();
				if (now > count) {
					grewAt = System.nanoTime();
				}
				count = now;
			}
			return count;
		}

		/**
		 * Waits until the platform validated every capture of the warm-up: preparing its
		 * validator (the FHIR core definitions loaded, written to its package cache in a
		 * new home) costs a minute of CPU once per node start, and the validation catches
		 * up on the warm-up's captures when the proxy is quiet, which would otherwise
		 * happen during the direct series and slow them. Neither is what the series
		 * measure.
		 * @return the seconds waited
		 */
		long awaitValidated() throws SQLException, InterruptedException {
			long start = System.nanoTime();
			while (count("validation_status = 'PENDING'") > 0
					&& System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
				Thread.sleep(1000);
			}
			return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
		}

		long count() throws SQLException {
			return count("true");
		}

		private long count(String condition) throws SQLException {
			try (PreparedStatement select = this.connection
				.prepareStatement("select count(*) from captures where event_id = ? and " + condition)) {
				select.setLong(1, this.eventId);
				try (ResultSet row = select.executeQuery()) {
					row.next();
					return row.getLong(1);
				}
			}
		}

	}

	private static String postgresDatabase() {
		String name = System.getenv().getOrDefault("BENCH_POSTGRES_DATABASE", "connectathon_proxy_bench");
		if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException(
					"BENCH_POSTGRES_DATABASE is a database name of lower-case letters, digits"
							+ " and underscores, not " + name);
		}
		return name;
	}

}
