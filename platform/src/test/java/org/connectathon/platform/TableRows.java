package org.connectathon.platform;

import java.util.Map;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Rows of the schema for {@link RepositoryTest}s, written with plain SQL so that a
 * repository is tested without the services that would write them; names are unique, as
 * the database may hold other tests' rows.
 */
@TestComponent
public class TableRows {

	private final JdbcClient jdbc;

	TableRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long event() {
		return insert("""
				insert into events (name, start_date, end_date, registration_deadline, status)
				values (:name, current_date, current_date, current_timestamp, 'RUNNING')""",
				Map.of("name", Fixtures.unique("Connectathon")));
	}

	public long organization() {
		return insert("insert into organizations (name) values (:name)", Map.of("name", Fixtures.unique("Vendor")));
	}

	public long organizer() {
		return insert("""
				insert into users (username, password_hash, display_name, role)
				values (:username, 'not-a-hash', 'An organizer', 'ADMIN')""",
				Map.of("username", Fixtures.unique("organizer").replace(' ', '-')));
	}

	/** A peer-to-peer test of the event with one role. */
	public TestWithRole testWithRole(long eventId) {
		long profile = insert("insert into profiles (keyword, name, kind) values (:keyword, 'A profile', 'FHIR_IG')",
				Map.of("keyword", Fixtures.unique("P").replace(' ', '-')));
		long actor = insert("insert into actors (profile_id, keyword, name) values (:profile, 'ACTOR', 'An actor')",
				Map.of("profile", profile));
		long test = insert("""
				insert into tests (event_id, keyword, name, test_type)
				values (:event, 'TEST', 'A test', 'PEER_TO_PEER')""", Map.of("event", eventId));
		long role = insert("""
				insert into test_roles (test_id, keyword, actor_id, min_systems, max_systems, required,
				verified_instances_needed) values (:test, 'ROLE', :actor, 1, 1, true, 3)""",
				Map.of("test", test, "actor", actor));
		return new TestWithRole(test, role);
	}

	public long instance(long testId, long eventId, String status) {
		return insert("""
				insert into test_instances (test_id, event_id, status, started_by)
				values (:test, :event, :status, :startedBy)""",
				Map.of("test", testId, "event", eventId, "status", status, "startedBy", organizer()));
	}

	/** A published system of the organization playing the role in the instance. */
	public void participant(long instanceId, long eventId, long roleId, long organizationId) {
		long system = insert("""
				insert into systems (event_id, organization_id, name, status)
				values (:event, :organization, :name, 'PUBLISHED')""",
				Map.of("event", eventId, "organization", organizationId, "name", Fixtures.unique("System")));
		this.jdbc.sql("""
				insert into test_instance_systems (test_instance_id, test_role_id, system_id, organization_id)
				values (:instance, :role, :system, :organization)""")
			.params(Map.of("instance", instanceId, "role", roleId, "system", system, "organization", organizationId))
			.update();
	}

	public long testScript(long eventId) {
		return insert(
				"""
						insert into test_scripts (event_id, keyword, title, fhir_version, action_count, file_name, content,
						uploaded_by_name) values (:event, 'a-script', 'A script', 'R4', 3, 'a-script.json', :content, 'Olivia')""",
				Map.of("event", eventId, "content", "{}".getBytes()));
	}

	public record TestWithRole(long testId, long roleId) {

	}

	private long insert(String sql, Map<String, ?> parameters) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql(sql).params(parameters).update(key, "id");
		return key.getKeyAs(Long.class);
	}

}
