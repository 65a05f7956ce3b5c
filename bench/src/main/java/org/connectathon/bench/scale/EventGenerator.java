package org.connectathon.bench.scale;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Writes a large event straight into a platform database whose schema Flyway already
 * made: 100 organizations with 500 published systems, 20 profiles of two actors each, per
 * profile two no-peer tests and one peer-to-peer test, about 1,500 actor registrations
 * and 50,000 test instances in the status mix of an event's last day. Rows go in with
 * batched JDBC, explicit ids and the identity columns moved past them, so that the
 * platform sees an ordinary database. The same seed always gives the same event. Grades
 * are left to the platform (see {@link EventScaleBenchmark}).
 */
final class EventGenerator {

	static final int ORGANIZATIONS = 100;

	static final int SYSTEMS = 500;

	static final int PROFILES = 20;

	static final int INSTANCES = 50_000;

	static final int REGISTRATIONS_PER_SYSTEM = 3;

	private static final int BATCH = 1_000;

	private final Random random = new Random(20261203);

	private long nextTransactionId = 1;

	/** What the benchmark needs to know of the generated event. */
	record GeneratedEvent(long eventId, int registrations, int instances, List<WaitingInstance> waiting) {

	}

	/**
	 * An instance waiting for a verdict, with one registration whose grade the verdict
	 * changes.
	 */
	record WaitingInstance(long instanceId, long registrationId) {

	}

	/**
	 * Generates the event; the monitor is assigned to every test and both users get the
	 * API token whose secret is given.
	 */
	GeneratedEvent generate(Connection connection, long adminId, long monitorId, String adminToken, String monitorToken)
			throws SQLException {
		connection.setAutoCommit(false);
		insertToken(connection, adminId, adminToken);
		insertToken(connection, monitorId, monitorToken);
		long eventId = insertEvent(connection);
		long[][] actorIds = insertCatalog(connection, eventId);
		long[] organizationIds = insertOrganizations(connection);
		Systems systems = insertSystems(connection, eventId, organizationIds, actorIds);
		Tests tests = insertTests(connection, eventId, actorIds, monitorId);
		List<WaitingInstance> waiting = insertInstances(connection, eventId, adminId, systems, tests);
		for (String table : List.of("organizations", "profiles", "actors", "transactions", "events", "systems",
				"actor_registrations", "tests", "test_roles", "test_steps", "test_instances", "step_instances")) {
			restartIdentity(connection, table);
		}
		connection.commit();
		// The planner's statistics as a live event has them, whose data grew over days
		// under autovacuum (PostgreSQL) or automatic analysis (H2): right after this bulk
		// insert they would still describe empty tables, and plans would scan.
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze");
		}
		connection.commit();
		return new GeneratedEvent(eventId, systems.registrationCount, INSTANCES, waiting);
	}

	private void insertToken(Connection connection, long userId, String secret) throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("insert into api_tokens (user_id, name, secret_hash, expires_at)"
					+ " values (?, 'benchmark', ?, current_timestamp + interval '1' day)")) {
			insert.setLong(1, userId);
			insert.setString(2, sha256(secret));
			insert.executeUpdate();
		}
	}

	private long insertEvent(Connection connection) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into events (id, name, start_date, end_date, registration_deadline, status)
				values (1, 'Scale Connectathon', ?, ?, ?, 'RUNNING')""")) {
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			insert.setDate(1, Date.valueOf(today.minusDays(3)));
			insert.setDate(2, Date.valueOf(today.plusDays(1)));
			insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).minusDays(30));
			insert.executeUpdate();
		}
		return 1;
	}

	/**
	 * Profiles P01..P20, each with a CLIENT and a SERVER actor; answers [profile][actor].
	 */
	private long[][] insertCatalog(Connection connection, long eventId) throws SQLException {
		long[][] actorIds = new long[PROFILES][2];
		try (PreparedStatement profile = connection.prepareStatement(
				"insert into profiles (id, keyword, name, kind, version) values (?, ?, ?, 'FHIR_IG', '1.0.0')");
				PreparedStatement actor = connection
					.prepareStatement("insert into actors (id, profile_id, keyword, name) values (?, ?, ?, ?)");
				PreparedStatement transaction = connection.prepareStatement("""
						insert into transactions (id, profile_id, keyword, name, initiator_actor_id, responder_actor_id)
						values (?, ?, 'EXCHANGE', 'Exchange', ?, ?)""");
				PreparedStatement scope = connection
					.prepareStatement("insert into event_profiles (event_id, profile_id) values (?, ?)")) {
			for (int p = 0; p < PROFILES; p++) {
				long profileId = p + 1;
				profile.setLong(1, profileId);
				profile.setString(2, profileKeyword(p));
				profile.setString(3, "Benchmark profile " + (p + 1));
				profile.executeUpdate();
				String[] keywords = { "CLIENT", "SERVER" };
				for (int a = 0; a < 2; a++) {
					actorIds[p][a] = p * 2L + a + 1;
					actor.setLong(1, actorIds[p][a]);
					actor.setLong(2, profileId);
					actor.setString(3, keywords[a]);
					actor.setString(4, profileKeyword(p) + " " + keywords[a].toLowerCase());
					actor.executeUpdate();
				}
				transaction.setLong(1, this.nextTransactionId++);
				transaction.setLong(2, profileId);
				transaction.setLong(3, actorIds[p][0]);
				transaction.setLong(4, actorIds[p][1]);
				transaction.executeUpdate();
				scope.setLong(1, eventId);
				scope.setLong(2, profileId);
				scope.executeUpdate();
			}
		}
		return actorIds;
	}

	private long[] insertOrganizations(Connection connection) throws SQLException {
		long[] ids = new long[ORGANIZATIONS];
		try (PreparedStatement insert = connection
			.prepareStatement("insert into organizations (id, name) values (?, ?)")) {
			for (int o = 0; o < ORGANIZATIONS; o++) {
				ids[o] = o + 1;
				insert.setLong(1, ids[o]);
				insert.setString(2, "Vendor %03d Health".formatted(o + 1));
				insert.addBatch();
			}
			insert.executeBatch();
		}
		return ids;
	}

	/** The systems and, per actor, the registrations that play it. */
	private static final class Systems {

		final long[] organizationOfSystem = new long[SYSTEMS + 1];

		/** registrations.get(actorIndex) = [registrationId, systemId] pairs. */
		final List<List<long[]>> byActor = new ArrayList<>();

		int registrationCount;

	}

	private Systems insertSystems(Connection connection, long eventId, long[] organizationIds, long[][] actorIds)
			throws SQLException {
		Systems systems = new Systems();
		for (int a = 0; a < PROFILES * 2; a++) {
			systems.byActor.add(new ArrayList<>());
		}
		long registrationId = 1;
		try (PreparedStatement system = connection.prepareStatement("""
				insert into systems (id, event_id, organization_id, name, version, status, table_location)
				values (?, ?, ?, ?, '1.0', 'PUBLISHED', ?)""");
				PreparedStatement registration = connection.prepareStatement(
						"""
								insert into actor_registrations (id, system_id, actor_id, testing_type) values (?, ?, ?, ?)""")) {
			for (int s = 1; s <= SYSTEMS; s++) {
				long organizationId = organizationIds[(s - 1) % ORGANIZATIONS];
				systems.organizationOfSystem[s] = organizationId;
				system.setLong(1, s);
				system.setLong(2, eventId);
				system.setLong(3, organizationId);
				system.setString(4, "System %03d".formatted(s));
				system.setString(5, "Table " + ((s - 1) / 4 + 1));
				system.addBatch();
				List<Integer> actors = new ArrayList<>();
				while (actors.size() < REGISTRATIONS_PER_SYSTEM) {
					int actor = this.random.nextInt(PROFILES * 2);
					if (!actors.contains(actor)) {
						actors.add(actor);
					}
				}
				for (int actor : actors) {
					registration.setLong(1, registrationId);
					registration.setLong(2, s);
					registration.setLong(3, actorIds[actor / 2][actor % 2]);
					registration.setString(4, (this.random.nextInt(10) == 0) ? "SUPPORTIVE" : "THOROUGH");
					registration.addBatch();
					systems.byActor.get(actor).add(new long[] { registrationId, s });
					registrationId++;
				}
			}
			system.executeBatch();
			registration.executeBatch();
		}
		systems.registrationCount = (int) registrationId - 1;
		return systems;
	}

	/** Per profile: tests [noPeerClient, noPeerServer, peerToPeer], roles and steps. */
	private static final class Tests {

		/** [profile][kind] test id. */
		final long[][] testIds = new long[PROFILES][3];

		/** [profile][kind][roleIndex] role id; no-peer tests have one role. */
		final long[][][] roleIds = new long[PROFILES][3][];

		/** [profile][kind] step id. */
		final long[][] stepIds = new long[PROFILES][3];

	}

	private Tests insertTests(Connection connection, long eventId, long[][] actorIds, long monitorId)
			throws SQLException {
		Tests tests = new Tests();
		long testId = 1;
		long roleId = 1;
		long stepId = 1;
		try (PreparedStatement test = connection.prepareStatement("""
				insert into tests (id, event_id, keyword, name, test_type) values (?, ?, ?, ?, ?)""");
				PreparedStatement role = connection.prepareStatement("""
						insert into test_roles (id, test_id, keyword, actor_id, min_systems, max_systems, required,
						verified_instances_needed) values (?, ?, ?, ?, 1, 1, true, ?)""");
				PreparedStatement step = connection.prepareStatement("""
						insert into test_steps (id, test_id, step_index, initiator_role_id, responder_role_id,
						transaction_id) values (?, ?, 1, ?, ?, ?)""");
				PreparedStatement assignment = connection
					.prepareStatement("insert into monitor_assignments (test_id, user_id) values (?, ?)")) {
			for (int p = 0; p < PROFILES; p++) {
				long transactionId = p + 1;
				for (int kind = 0; kind < 3; kind++) {
					boolean peerToPeer = kind == 2;
					tests.testIds[p][kind] = testId;
					test.setLong(1, testId);
					test.setLong(2, eventId);
					test.setString(3, profileKeyword(p)
							+ (peerToPeer ? "-EXCHANGE" : (kind == 0) ? "-CLIENT-CHECK" : "-SERVER-CHECK"));
					test.setString(4, peerToPeer ? "Client and server exchange" : "The actor passes the checks");
					test.setString(5, peerToPeer ? "PEER_TO_PEER" : "NO_PEER");
					test.executeUpdate();
					int[] actors = peerToPeer ? new int[] { 0, 1 } : new int[] { kind };
					tests.roleIds[p][kind] = new long[actors.length];
					for (int r = 0; r < actors.length; r++) {
						tests.roleIds[p][kind][r] = roleId;
						role.setLong(1, roleId);
						role.setLong(2, testId);
						role.setString(3, (actors[r] == 0) ? "CLIENT" : "SERVER");
						role.setLong(4, actorIds[p][actors[r]]);
						role.setInt(5, peerToPeer ? 3 : 1);
						role.executeUpdate();
						roleId++;
					}
					tests.stepIds[p][kind] = stepId;
					step.setLong(1, stepId++);
					step.setLong(2, testId);
					step.setLong(3, tests.roleIds[p][kind][0]);
					if (peerToPeer) {
						step.setLong(4, tests.roleIds[p][kind][1]);
					}
					else {
						step.setNull(4, java.sql.Types.BIGINT);
					}
					step.setLong(5, transactionId);
					step.executeUpdate();
					assignment.setLong(1, testId);
					assignment.setLong(2, monitorId);
					assignment.executeUpdate();
					testId++;
				}
			}
		}
		return tests;
	}

	/**
	 * Two thirds peer-to-peer between systems of two organizations, one third no-peer;
	 * statuses as late on an event's last day.
	 */
	private List<WaitingInstance> insertInstances(Connection connection, long eventId, long adminId, Systems systems,
			Tests tests) throws SQLException {
		List<WaitingInstance> waiting = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		try (PreparedStatement instance = connection.prepareStatement("""
				insert into test_instances (id, test_id, event_id, status, critical, started_by, started_at,
				status_changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)""");
				PreparedStatement participant = connection.prepareStatement("""
						insert into test_instance_systems (test_instance_id, test_role_id, system_id, organization_id)
						values (?, ?, ?, ?)""");
				PreparedStatement step = connection.prepareStatement("""
						insert into step_instances (id, test_instance_id, test_step_id, step_index, status)
						values (?, ?, ?, 1, ?)""")) {
			long instanceId = 1;
			while (instanceId <= INSTANCES) {
				int profile = this.random.nextInt(PROFILES);
				boolean peerToPeer = this.random.nextInt(3) > 0;
				int kind = peerToPeer ? 2 : this.random.nextInt(2);
				long[] first = pick(systems.byActor.get(profile * 2 + (peerToPeer ? 0 : kind)));
				long[] second = peerToPeer ? pickPartner(systems, profile * 2 + 1, first[1]) : null;
				if (first == null || (peerToPeer && second == null)) {
					continue;
				}
				String status = status();
				OffsetDateTime started = now.minusMinutes(this.random.nextInt(3 * 24 * 60) + 30);
				instance.setLong(1, instanceId);
				instance.setLong(2, tests.testIds[profile][kind]);
				instance.setLong(3, eventId);
				instance.setString(4, status);
				instance.setBoolean(5, this.random.nextInt(100) == 0);
				instance.setLong(6, adminId);
				instance.setObject(7, started);
				instance.setObject(8, started.plusMinutes(this.random.nextInt(30)));
				instance.addBatch();
				addParticipant(participant, instanceId, tests.roleIds[profile][kind][0], first[1], systems);
				if (peerToPeer) {
					addParticipant(participant, instanceId, tests.roleIds[profile][kind][1], second[1], systems);
				}
				step.setLong(1, instanceId);
				step.setLong(2, instanceId);
				step.setLong(3, tests.stepIds[profile][kind]);
				step.setString(4, status.equals("RUNNING") ? "TO_DO" : "DONE");
				step.addBatch();
				if (status.equals("TO_BE_VERIFIED")) {
					waiting.add(new WaitingInstance(instanceId, first[0]));
				}
				if (instanceId % BATCH == 0) {
					instance.executeBatch();
					participant.executeBatch();
					step.executeBatch();
				}
				instanceId++;
			}
			instance.executeBatch();
			participant.executeBatch();
			step.executeBatch();
		}
		return waiting;
	}

	private static void addParticipant(PreparedStatement participant, long instanceId, long roleId, long systemId,
			Systems systems) throws SQLException {
		participant.setLong(1, instanceId);
		participant.setLong(2, roleId);
		participant.setLong(3, systemId);
		participant.setLong(4, systems.organizationOfSystem[(int) systemId]);
		participant.addBatch();
	}

	private long[] pick(List<long[]> registrations) {
		return registrations.isEmpty() ? null : registrations.get(this.random.nextInt(registrations.size()));
	}

	private long[] pickPartner(Systems systems, int actor, long systemId) {
		List<long[]> candidates = systems.byActor.get(actor);
		for (int attempt = 0; attempt < 10 && !candidates.isEmpty(); attempt++) {
			long[] candidate = pick(candidates);
			if (systems.organizationOfSystem[(int) candidate[1]] != systems.organizationOfSystem[(int) systemId]) {
				return candidate;
			}
		}
		return null;
	}

	/** The mix of a busy last day: most verified or running, a tenth waiting. */
	private String status() {
		int draw = this.random.nextInt(100);
		if (draw < 40) {
			return "VERIFIED";
		}
		if (draw < 50) {
			return "TO_BE_VERIFIED";
		}
		if (draw < 68) {
			return "RUNNING";
		}
		if (draw < 73) {
			return "PAUSED";
		}
		if (draw < 78) {
			return "PARTIALLY_VERIFIED";
		}
		if (draw < 90) {
			return "FAILED";
		}
		return "ABORTED";
	}

	private static void restartIdentity(Connection connection, String table) throws SQLException {
		long next;
		try (Statement statement = connection.createStatement();
				ResultSet max = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
			max.next();
			next = max.getLong(1);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table " + table + " alter column id restart with " + next);
		}
	}

	private static String profileKeyword(int profile) {
		return "P%02d".formatted(profile + 1);
	}

	static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
