package org.connectathon.platform.security;

import java.util.List;
import java.util.Optional;

import org.connectathon.platform.RecordRowMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	private static final String USER_COLUMNS = "id, username, display_name, role, organization_id, enabled, created_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String username, String passwordHash, String displayName, Role role, @Nullable Long organizationId) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into users (username, password_hash, display_name, role, organization_id)
				values (:username, :passwordHash, :displayName, :role, :organizationId)""")
			.param("username", username)
			.param("passwordHash", passwordHash)
			.param("displayName", displayName)
			.param("role", role.name())
			.param("organizationId", organizationId)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	Optional<SignedInUser> findForSignIn(String username) {
		return this.jdbc.sql("""
				select id, username, display_name, role, organization_id, password_hash
				from users where username = :username and enabled""")
			.param("username", username)
			.query((row, number) -> new SignedInUser(row.getLong("id"), row.getString("username"),
					row.getString("display_name"), Role.valueOf(row.getString("role")),
					row.getObject("organization_id", Long.class), row.getString("password_hash")))
			.optional();
	}

	Optional<User> findByUsername(String username) {
		return this.jdbc.sql("select " + USER_COLUMNS + " from users where username = :username")
			.param("username", username)
			.query(RecordRowMapper.of(User.class))
			.optional();
	}

	Optional<User> findById(long id) {
		return this.jdbc.sql("select " + USER_COLUMNS + " from users where id = :id")
			.param("id", id)
			.query(RecordRowMapper.of(User.class))
			.optional();
	}

	void updateEnabled(long id, boolean enabled) {
		this.jdbc.sql("update users set enabled = :enabled where id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
	}

	/**
	 * Ends the user's page sessions on every node: they live in Spring Session's table,
	 * named by the user name. Plain SQL rather than Spring Session's repository, which
	 * the console's {@code admin} commands (no web server) do not have.
	 */
	int deleteSessions(String username) {
		return this.jdbc.sql("delete from spring_session where principal_name = :username")
			.param("username", username)
			.update();
	}

	List<User> findAll() {
		return this.jdbc.sql("select " + USER_COLUMNS + " from users order by username")
			.query(RecordRowMapper.of(User.class))
			.list();
	}

	boolean exists(String username) {
		return this.jdbc.sql("select count(*) from users where username = :username")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	long count() {
		return this.jdbc.sql("select count(*) from users").query(Long.class).single();
	}

}
