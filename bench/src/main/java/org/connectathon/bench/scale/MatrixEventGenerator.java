package org.connectathon.bench.scale;

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
import java.util.List;
import java.util.Random;

/**
 * Writes an event whose results matrix is as large as the issue asks it to stay fast at:
 * 500 published systems of 100 organizations as rows, 200 columns (80 profiles of two
 * actors, and one option of each actor of the first 20 profiles), each system registered
 * for 10 columns at random, so that every column holds results (5,000 registrations),
 * each with a stored grade from the whole mix of grades. No tests: the matrix reads the
 * stored grades. Rows go in with batched JDBC and explicit ids, the identity columns
 * moved past them; the same seed always gives the same event.
 */
final class MatrixEventGenerator {

	static final int ORGANIZATIONS = 100;

	static final int SYSTEMS = 500;

	static final int PROFILES = 80;

	static final int PROFILES_WITH_OPTIONS = 20;

	static final int REGISTRATIONS_PER_SYSTEM = 10;

	private static final String[] ACTORS = { "CLIENT", "SERVER" };

	private static final String[] GRADES = { "PASS", "PASS", "PASS", "AT_RISK", "AT_RISK", "DID_NOT_COMPLETE",
			"WITHDRAWN", "NO_PEER_AVAILABLE" };

	private final Random random = new Random(20261207);

	/** A column of the matrix: an actor, with or without an option. */
	private record Column(long actorId, Long optionId) {

	}

	/**
	 * Generates the event and answers its id; the admin gets the API token whose secret
	 * is given.
	 */
	long generate(Connection connection, long adminId, String adminToken) throws SQLException {
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into api_tokens (user_id, name, secret_hash, expires_at) values (?, 'benchmark', ?, ?)")) {
			insert.setLong(1, adminId);
			insert.setString(2, EventGenerator.sha256(adminToken));
			insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
			insert.executeUpdate();
		}
		long eventId = insertEvent(connection);
		List<Column> columns = insertCatalog(connection, eventId);
		insertOrganizations(connection);
		insertSystems(connection, eventId, columns);
		for (String table : List.of("organizations", "profiles", "actors", "actor_options", "events", "systems",
				"actor_registrations")) {
			restartIdentity(connection, table);
		}
		connection.commit();
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze");
		}
		connection.commit();
		return eventId;
	}

	private long insertEvent(Connection connection) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into events (id, name, start_date, end_date, registration_deadline, status)
				values (1, 'Matrix Connectathon', ?, ?, ?, 'RUNNING')""")) {
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			insert.setDate(1, Date.valueOf(today.minusDays(3)));
			insert.setDate(2, Date.valueOf(today.plusDays(1)));
			insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).minusDays(30));
			insert.executeUpdate();
		}
		return 1;
	}

	/**
	 * Profiles M01..M80 with a CLIENT and a SERVER, in the event's scope; answers the
	 * columns.
	 */
	private List<Column> insertCatalog(Connection connection, long eventId) throws SQLException {
		List<Column> columns = new ArrayList<>();
		try (PreparedStatement profile = connection.prepareStatement(
				"insert into profiles (id, keyword, name, kind, version) values (?, ?, ?, 'IHE_PROFILE', '1.0')");
				PreparedStatement actor = connection
					.prepareStatement("insert into actors (id, profile_id, keyword, name) values (?, ?, ?, ?)");
				PreparedStatement option = connection
					.prepareStatement("insert into actor_options (id, actor_id, keyword, name) values (?, ?, ?, ?)");
				PreparedStatement scope = connection
					.prepareStatement("insert into event_profiles (event_id, profile_id) values (?, ?)")) {
			long actorId = 1;
			long optionId = 1;
			for (int p = 1; p <= PROFILES; p++) {
				String keyword = "M%02d".formatted(p);
				profile.setLong(1, p);
				profile.setString(2, keyword);
				profile.setString(3, "Matrix profile " + p);
				profile.executeUpdate();
				scope.setLong(1, eventId);
				scope.setLong(2, p);
				scope.executeUpdate();
				for (String actorKeyword : ACTORS) {
					actor.setLong(1, actorId);
					actor.setLong(2, p);
					actor.setString(3, actorKeyword);
					actor.setString(4, keyword + " " + actorKeyword.toLowerCase());
					actor.executeUpdate();
					columns.add(new Column(actorId, null));
					if (p <= PROFILES_WITH_OPTIONS) {
						option.setLong(1, optionId);
						option.setLong(2, actorId);
						option.setString(3, "OPTION_" + actorKeyword);
						option.setString(4, "Option of " + keyword + " " + actorKeyword.toLowerCase());
						option.executeUpdate();
						columns.add(new Column(actorId, optionId));
						optionId++;
					}
					actorId++;
				}
			}
		}
		return columns;
	}

	private void insertOrganizations(Connection connection) throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("insert into organizations (id, name) values (?, ?)")) {
			for (int o = 1; o <= ORGANIZATIONS; o++) {
				insert.setLong(1, o);
				insert.setString(2, "Vendor %03d Health".formatted(o));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private void insertSystems(Connection connection, long eventId, List<Column> columns) throws SQLException {
		long registrationId = 1;
		try (PreparedStatement system = connection.prepareStatement("""
				insert into systems (id, event_id, organization_id, name, version, status)
				values (?, ?, ?, ?, '1.0', 'PUBLISHED')""");
				PreparedStatement registration = connection.prepareStatement("""
						insert into actor_registrations (id, system_id, actor_id, option_id, testing_type)
						values (?, ?, ?, ?, 'THOROUGH')""");
				PreparedStatement grade = connection.prepareStatement("""
						insert into grades (registration_id, event_id, computed_grade, required_roles, satisfied_roles,
						verified_instances, needed_instances, waiting, partially_verified, failed, partners_used,
						partners_available) values (?, ?, ?, 2, 1, 3, 6, 1, 0, 0, 2, 3)""")) {
			for (int s = 1; s <= SYSTEMS; s++) {
				system.setLong(1, s);
				system.setLong(2, eventId);
				system.setLong(3, (s - 1) % ORGANIZATIONS + 1);
				system.setString(4, "System %03d".formatted(s));
				system.addBatch();
				List<Column> chosen = new ArrayList<>();
				while (chosen.size() < REGISTRATIONS_PER_SYSTEM) {
					Column column = columns.get(this.random.nextInt(columns.size()));
					if (!chosen.contains(column)) {
						chosen.add(column);
					}
				}
				for (Column column : chosen) {
					registration.setLong(1, registrationId);
					registration.setLong(2, s);
					registration.setLong(3, column.actorId());
					registration.setObject(4, column.optionId(), java.sql.Types.BIGINT);
					registration.addBatch();
					grade.setLong(1, registrationId);
					grade.setLong(2, eventId);
					grade.setString(3, GRADES[this.random.nextInt(GRADES.length)]);
					grade.addBatch();
					registrationId++;
				}
			}
			system.executeBatch();
			registration.executeBatch();
			grade.executeBatch();
		}
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

}
