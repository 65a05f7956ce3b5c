package org.connectathon.bench.scale;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A benchmark of the Connectathon Results Matrix: an event of 500 systems by 200 columns
 * (see {@link MatrixEventGenerator}) served by the real platform jar on H2 or PostgreSQL,
 * the matrix pages measured over HTTP as a browser asks for them: the organizers' whole
 * matrix (target under 500 ms), filtered to one profile, and the public matrix once
 * published. Each figure is the median and 95th percentile of the repetitions after a
 * warm-up, with the platform's CPU time per page, which the other work on a shared
 * machine does not inflate, and the page's size. Run by
 * {@code bench/run-results-matrix-benchmark.sh}; arguments:
 * {@code h2|postgres JAR WORK-DIR [REPETITIONS]}.
 */
public final class ResultsMatrixBenchmark {

	private static final String ADMIN = "bench-admin";

	private static final String PASSWORD = "bench-password-1";

	private static final String TOKEN = "ctn_bench_admin";

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String POSTGRES_DATABASE = "connectathon_matrix_bench";

	private static final int WARM_UP = 20;

	private ResultsMatrixBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("Usage: ResultsMatrixBenchmark h2|postgres JAR WORK-DIR [REPETITIONS]");
			System.exit(2);
		}
		run(args[0], Path.of(args[1]), Path.of(args[2]), (args.length > 3) ? Integer.parseInt(args[3]) : 100);
	}

	private static void run(String database, Path jar, Path work, int repetitions) throws Exception {
		Files.createDirectories(work);
		Path log = work.resolve("platform-" + database + ".log");
		Files.deleteIfExists(log);
		List<String> databaseOptions;
		String jdbcUrl;
		String jdbcUser;
		Path passwordFile = null;
		if (database.equals("h2")) {
			Path home = work.resolve("h2-home").toAbsolutePath();
			deleteRecursively(home);
			databaseOptions = List.of("--home", home.toString());
			jdbcUrl = "jdbc:h2:file:" + home + "/connectathon;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
					+ "DEFAULT_NULL_ORDERING=HIGH";
			jdbcUser = "sa";
			// the platform gives its embedded database a generated password, kept here
			passwordFile = home.resolve("database-password");
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
		PlatformProcess.run(jar, databaseOptions, log, "admin", "create-user", "--username", ADMIN, "--password",
				PASSWORD, "--role", "ADMIN");
		long eventId;
		String password = (passwordFile != null) ? Files.readString(passwordFile).strip() : "";
		try (Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, password)) {
			eventId = new MatrixEventGenerator().generate(connection, userId(connection, ADMIN), TOKEN);
		}
		System.out.printf("Generated %d systems x 200 columns, %d registrations%n", MatrixEventGenerator.SYSTEMS,
				MatrixEventGenerator.SYSTEMS * MatrixEventGenerator.REGISTRATIONS_PER_SYSTEM);

		try (PlatformProcess platform = PlatformProcess.serve(jar, databaseOptions, List.of(), freePort(), log)) {
			PlatformClient admin = PlatformClient.signIn(platform.baseUrl(), ADMIN, PASSWORD, TOKEN);
			String results = "/events/" + eventId + "/results";
			admin.post("/api" + results + "/publication", "{}");
			List<String> lines = List.of(
					measure("matrix page, whole event", 500, platform, repetitions, () -> admin.page(results)),
					measure("matrix page, one profile", 0, platform, repetitions,
							() -> admin.page(results + "?profile=M01")),
					measure("public matrix page", 500, platform, repetitions, () -> admin.page("/public" + results)),
					measure("list page (100 rows)", 0, platform, repetitions, () -> admin.page(results + "/list")));
			System.out.println();
			System.out.printf("%s, %d repetitions after %d warm-up, %s%n", database, repetitions, WARM_UP,
					loadAverage());
			System.out.printf(Locale.ROOT, "%-28s %9s %9s %12s %9s %8s%n", "measure", "median ms", "p95 ms",
					"CPU ms/page", "KB", "target");
			lines.forEach(System.out::println);
		}
	}

	@FunctionalInterface
	private interface Page {

		String get() throws Exception;

	}

	private static String measure(String name, int targetMillis, PlatformProcess platform, int repetitions, Page page)
			throws Exception {
		int bytes = 0;
		for (int i = 0; i < WARM_UP; i++) {
			bytes = page.get().getBytes(StandardCharsets.UTF_8).length;
		}
		double[] millis = new double[repetitions];
		long cpuBefore = platform.cpuMillis();
		for (int i = 0; i < repetitions; i++) {
			long start = System.nanoTime();
			page.get();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		double cpu = (platform.cpuMillis() - cpuBefore) / (double) repetitions;
		Arrays.sort(millis);
		double p95 = millis[(int) Math.ceil(0.95 * repetitions) - 1];
		String target = (targetMillis > 0) ? "< " + targetMillis + ((p95 < targetMillis) ? " OK" : " FAIL") : "";
		String line = String.format(Locale.ROOT, "%-28s %9.0f %9.0f %12.0f %9d %8s", name, millis[repetitions / 2], p95,
				cpu, bytes / 1024, target);
		System.out.println(line);
		return line;
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList()) {
				Files.delete(path);
			}
		}
	}

}
