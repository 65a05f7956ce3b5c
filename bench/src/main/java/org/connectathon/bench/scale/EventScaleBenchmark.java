package org.connectathon.bench.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.connectathon.bench.scale.EventGenerator.GeneratedEvent;
import org.connectathon.bench.scale.EventGenerator.WaitingInstance;

/**
 * Issue 5's scale benchmark: a generated event of 500 systems, 20 profiles and 50,000
 * test instances, served by the real platform jar on H2 or PostgreSQL, measured over HTTP
 * as its users see it: the results matrix page (target under 500 ms), the worklist of a
 * monitor of every test (under 200 ms), and a verdict until the grade shows it (under 50
 * ms). Each figure is the median and 95th percentile of the repetitions after a warm-up,
 * with the platform's CPU time per request, which the other work on a shared machine does
 * not inflate. Run by {@code bench/run-event-scale-benchmark.sh}; arguments:
 * {@code h2|postgres JAR WORK-DIR [REPETITIONS]}.
 */
public final class EventScaleBenchmark {

	private static final String ADMIN = "bench-admin";

	private static final String MONITOR = "bench-monitor";

	private static final String PASSWORD = "bench-password-1";

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

	/**
	 * The database that the PostgreSQL run drops and makes again; BENCH_POSTGRES_DATABASE
	 * names another, so that two runs on one server do not drop each other's.
	 */
	private static final String POSTGRES_DATABASE = postgresDatabase();

	private static final int WARM_UP = 30;

	private final List<Measurement> measurements = new ArrayList<>();

	private EventScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("Usage: EventScaleBenchmark h2|postgres JAR WORK-DIR [REPETITIONS]");
			System.exit(2);
		}
		String database = args[0];
		Path jar = Path.of(args[1]);
		Path work = Path.of(args[2]);
		int repetitions = (args.length > 3) ? Integer.parseInt(args[3]) : 200;
		new EventScaleBenchmark().run(database, jar, work, repetitions);
	}

	private void run(String database, Path jar, Path work, int repetitions) throws Exception {
		Files.createDirectories(work);
		Path log = work.resolve("platform-" + database + ".log");
		Files.deleteIfExists(log);
		List<String> databaseOptions;
		String jdbcUrl;
		String jdbcUser;
		if (database.equals("h2")) {
			Path home = work.resolve("h2-home").toAbsolutePath();
			deleteRecursively(home);
			databaseOptions = List.of("--home", home.toString());
			jdbcUrl = "jdbc:h2:file:" + home + "/connectathon;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH";
			jdbcUser = "sa";
		}
		else if (database.equals("postgres")) {
			recreatePostgresDatabase();
			jdbcUrl = POSTGRES + POSTGRES_DATABASE;
			jdbcUser = "postgres";
			databaseOptions = List.of("--db-url", jdbcUrl, "--db-user", jdbcUser);
		}
		else {
			throw new IllegalArgumentException("The database is h2 or postgres, not " + database);
		}
		System.out.printf("%s: %s, %s%n", database, jar, loadAverage());

		long started = System.nanoTime();
		// The command line makes the schema (Flyway) and the users with their real
		// password hashes.
		PlatformProcess.run(jar, databaseOptions, log, "admin", "create-user", "--username", ADMIN, "--password",
				PASSWORD, "--role", "ADMIN");
		PlatformProcess.run(jar, databaseOptions, log, "admin", "create-user", "--username", MONITOR, "--password",
				PASSWORD, "--role", "MONITOR");
		GeneratedEvent event;
		// The platform gives its embedded database a password of its own (see
		// EmbeddedDatabaseProtection) when the admin commands first open it.
		Path h2Password = work.resolve("h2-home").resolve("database-password");
		String jdbcPassword = database.equals("h2") ? Files.readString(h2Password).strip() : "";
		try (Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
			event = new EventGenerator().generate(connection, userId(connection, ADMIN), userId(connection, MONITOR),
					"ctn_bench_admin", "ctn_bench_monitor");
		}
		System.out.printf("Generated %d registrations and %d instances (%d waiting) in %.1f s%n", event.registrations(),
				event.instances(), event.waiting().size(), seconds(started));

		List<String> jvmOptions = (System.getenv("BENCH_JVM_OPTS") != null)
				? List.of(System.getenv("BENCH_JVM_OPTS").trim().split("\\s+")) : List.of();
		try (PlatformProcess platform = PlatformProcess.serve(jar, databaseOptions, jvmOptions, freePort(), log)) {
			PlatformClient admin = PlatformClient.signIn(platform.baseUrl(), ADMIN, PASSWORD, "ctn_bench_admin");
			PlatformClient monitor = PlatformClient.signIn(platform.baseUrl(), MONITOR, PASSWORD, "ctn_bench_monitor");
			String eventPath = "/events/" + event.eventId();
			long regrading = System.nanoTime();
			admin.put("/api" + eventPath + "/grading-rules", "[]");
			System.out.printf("Graded the whole event (the grading rules' regrade) in %.1f s%n", seconds(regrading));

			measure("results matrix page", 500, platform, repetitions, () -> admin.page(eventPath + "/results"));
			measure("results matrix API", 0, platform, repetitions, () -> admin.get("/api" + eventPath + "/results"));
			measure("worklist page (monitor)", 200, platform, repetitions, () -> monitor.page(eventPath + "/worklist"));
			measure("worklist API (monitor)", 0, platform, repetitions,
					() -> monitor.get("/api" + eventPath + "/worklist"));
			measureVerdicts(admin, monitor, platform, event, repetitions);
			measureLists(admin, platform, eventPath, repetitions);
		}
		System.out.println();
		System.out.printf("%s, %d repetitions after %d warm-up, %s%n", database, repetitions, WARM_UP, loadAverage());
		System.out.printf(Locale.ROOT, "%-30s %9s %9s %12s %8s %s%n", "measure", "median ms", "p95 ms", "CPU ms/req",
				"target", "");
		for (Measurement measurement : this.measurements) {
			System.out.println(measurement);
		}
	}

	/**
	 * The lists that find things: the instance list's first page, whole and filtered by
	 * each field, and the systems list filtered, on the page and the API.
	 */
	private void measureLists(PlatformClient admin, PlatformProcess platform, String eventPath, int repetitions)
			throws Exception {
		String instances = eventPath + "/test-instances";
		measure("instance list page", 0, platform, repetitions, () -> admin.page(instances));
		measure("instance list, status+profile", 0, platform, repetitions,
				() -> admin.page(instances + "?status=VERIFIED&profile=P07&sort=-changed"));
		measure("instance list, text", 0, platform, repetitions, () -> admin.page(instances + "?text=system+042"));
		measure("instance list, organization", 0, platform, repetitions,
				() -> admin.page(instances + "?organization=7&sort=test"));
		measure("instance list, table", 0, platform, repetitions,
				() -> admin.page(instances + "?table=table+12&page=2"));
		measure("instance list API, filtered", 0, platform, repetitions,
				() -> admin.get("/api" + instances + "?status=TO_BE_VERIFIED&profile=P03&size=100"));
		measure("systems list, profile+table", 0, platform, repetitions,
				() -> admin.page(eventPath + "/systems?profile=P07&table=table+1&sort=-table"));
	}

	/**
	 * A monitor's verdict on an instance waiting in the worklist: the request alone, and
	 * from sending it until the results row of a registration taking part shows it (the
	 * single-row endpoint when the platform has one, else the whole matrix).
	 */
	private void measureVerdicts(PlatformClient admin, PlatformClient monitor, PlatformProcess platform,
			GeneratedEvent event, int repetitions) throws Exception {
		Iterator<WaitingInstance> waiting = event.waiting().iterator();
		boolean singleRow = admin.getOrNull(
				"/api/events/" + event.eventId() + "/results/" + event.waiting().get(0).registrationId()) != null;
		String verdict = "{\"status\":\"VERIFIED\",\"comment\":\"benchmark\"}";
		Measurement request = new Measurement("verdict request", 0);
		Measurement visible = new Measurement("verdict -> grade visible" + (singleRow ? "" : " (via matrix)"), 50);
		long requestCpu = 0;
		long visibleCpu = 0;
		for (int i = 0; i < WARM_UP + repetitions; i++) {
			WaitingInstance instance = waiting.next();
			JsonNode before = row(admin, event.eventId(), instance.registrationId(), singleRow);
			long cpuAtStart = platform.cpuMillis();
			long start = System.nanoTime();
			monitor.post("/api/test-instances/" + instance.instanceId() + "/verdict", verdict);
			long answered = System.nanoTime();
			long cpuAtAnswer = platform.cpuMillis();
			int polls = 0;
			while (row(admin, event.eventId(), instance.registrationId(), singleRow).equals(before)) {
				if (++polls > 100) {
					throw new IllegalStateException(
							"The grade of registration " + instance.registrationId() + " never changed");
				}
			}
			long shown = System.nanoTime();
			if (i >= WARM_UP) {
				request.add((answered - start) / 1e6);
				visible.add((shown - start) / 1e6);
				requestCpu += cpuAtAnswer - cpuAtStart;
				visibleCpu += platform.cpuMillis() - cpuAtStart;
			}
		}
		request.cpuMillisPerRequest = requestCpu / (double) repetitions;
		visible.cpuMillisPerRequest = visibleCpu / (double) repetitions;
		record(request);
		record(visible);
	}

	private static JsonNode row(PlatformClient admin, long eventId, long registrationId, boolean singleRow)
			throws Exception {
		if (singleRow) {
			return admin.get("/api/events/" + eventId + "/results/" + registrationId).path("indicators");
		}
		for (JsonNode result : admin.get("/api/events/" + eventId + "/results")) {
			if (result.path("registrationId").asLong() == registrationId) {
				return result.path("indicators");
			}
		}
		throw new IllegalStateException("No result for registration " + registrationId);
	}

	private void measure(String name, int targetMillis, PlatformProcess platform, int repetitions, Request request)
			throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			request.send();
		}
		Measurement measurement = new Measurement(name, targetMillis);
		long cpuBefore = platform.cpuMillis();
		for (int i = 0; i < repetitions; i++) {
			long start = System.nanoTime();
			request.send();
			measurement.add((System.nanoTime() - start) / 1e6);
		}
		measurement.cpuMillisPerRequest = (platform.cpuMillis() - cpuBefore) / (double) repetitions;
		record(measurement);
	}

	private void record(Measurement measurement) {
		this.measurements.add(measurement);
		System.out.println(measurement);
	}

	@FunctionalInterface
	private interface Request {

		void send() throws Exception;

	}

	/** Latencies of one kind of request, judged on their 95th percentile. */
	private static final class Measurement {

		private final String name;

		private final int targetMillis;

		private final List<Double> millis = new ArrayList<>();

		private double cpuMillisPerRequest;

		Measurement(String name, int targetMillis) {
			this.name = name;
			this.targetMillis = targetMillis;
		}

		void add(double value) {
			this.millis.add(value);
		}

		double percentile(double fraction) {
			double[] sorted = this.millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
		}

		@Override
		public String toString() {
			double p95 = percentile(0.95);
			String target = (this.targetMillis > 0) ? "< " + this.targetMillis : "";
			String verdict = (this.targetMillis > 0) ? ((p95 < this.targetMillis) ? "OK" : "FAIL") : "";
			return String.format(Locale.ROOT, "%-30s %9.0f %9.0f %12.0f %8s %s", this.name, percentile(0.5), p95,
					this.cpuMillisPerRequest, target, verdict);
		}

	}

	private static long userId(Connection connection, String username) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("select id from users where username = ?")) {
			select.setString(1, username);
			try (ResultSet row = select.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static void recreatePostgresDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + POSTGRES_DATABASE + " with (force)");
			statement.execute("create database " + POSTGRES_DATABASE);
		}
	}

	private static String postgresDatabase() {
		String name = System.getenv().getOrDefault("BENCH_POSTGRES_DATABASE", "connectathon_bench");
		if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("BENCH_POSTGRES_DATABASE is a lower-case name, not " + name);
		}
		return name;
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return "load average " + String.join(" ", Arrays.copyOf(fields, 3)) + " on "
					+ Runtime.getRuntime().availableProcessors() + " cores";
		}
		catch (java.io.IOException unavailable) {
			return "load average unknown";
		}
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static void deleteRecursively(Path folder) throws java.io.IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.delete(path);
			}
		}
	}

}
