package org.connectathon.platform.tracks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Sign-ups to tracks' roles, with what signed-up servers claim. */
@Repository
class SignUpRepository {

	private static final String SELECT_SIGN_UP = """
			select s.id, s.track_id, s.role_id, r.keyword as role_keyword, r.name as role_name, s.system_id,
			y.name as system_name, y.organization_id, o.name as organization_name, s.base_url, s.fhir_version,
			s.software, s.capability_fetched_at
			from track_sign_ups s
			join track_roles r on r.id = s.role_id
			join systems y on y.id = s.system_id
			join organizations o on o.id = y.organization_id""";

	private final JdbcClient jdbc;

	SignUpRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SignUp> findByTrack(long trackId) {
		return this.jdbc.sql(SELECT_SIGN_UP + " where s.track_id = :trackId order by r.id, o.name, y.name")
			.param("trackId", trackId)
			.query(this::signUp)
			.list();
	}

	Optional<SignUp> find(long signUpId) {
		return this.jdbc.sql(SELECT_SIGN_UP + " where s.id = :id").param("id", signUpId).query(this::signUp).optional();
	}

	boolean exists(long roleId, long systemId) {
		return this.jdbc.sql("select count(*) from track_sign_ups where role_id = :roleId and system_id = :systemId")
			.param("roleId", roleId)
			.param("systemId", systemId)
			.query(Long.class)
			.single() > 0;
	}

	/** The event's signed-up servers that claim everything the search names. */
	List<SignUp> findServers(long eventId, SignUpServerSearch search) {
		StringBuilder sql = new StringBuilder(SELECT_SIGN_UP).append("""
				 join tracks t on t.id = s.track_id
				where t.event_id = :eventId and s.base_url is not null""");
		String resourceType = SignUpServerSearch.blankAsNull(search.resourceType());
		String interaction = SignUpServerSearch.blankAsNull(search.interaction());
		String searchParameter = SignUpServerSearch.blankAsNull(search.searchParameter());
		String operation = search.operationName();
		if (resourceType != null) {
			sql.append(claim("resourceType", null));
		}
		if (interaction != null) {
			sql.append(claim("interaction", (resourceType != null) ? "resourceType" : null));
		}
		if (searchParameter != null) {
			sql.append(claim("searchParameter", (resourceType != null) ? "resourceType" : null));
		}
		if (operation != null) {
			sql.append(claim("operation", null));
		}
		sql.append(" order by t.name, r.id, o.name, y.name");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("eventId", eventId);
		if (resourceType != null) {
			statement = statement.param("resourceType", resourceType);
		}
		if (interaction != null) {
			statement = statement.param("interaction", interaction).param("interactionKind", "INTERACTION");
		}
		if (searchParameter != null) {
			statement = statement.param("searchParameter", searchParameter)
				.param("searchParameterKind", "SEARCH_PARAMETER");
		}
		if (operation != null) {
			statement = statement.param("operation", operation).param("operationKind", "OPERATION");
		}
		return statement.query(this::signUp).list();
	}

	/**
	 * A condition that a claim exists: of a resource type ({@code resourceType}), or of
	 * an interaction, search parameter or operation, for the resource type when named.
	 */
	private static String claim(String criterion, @Nullable String forResourceType) {
		if (criterion.equals("resourceType")) {
			return " and exists (select 1 from track_server_capabilities c where c.sign_up_id = s.id"
					+ " and c.resource_type = :resourceType)";
		}
		return " and exists (select 1 from track_server_capabilities c where c.sign_up_id = s.id and c.kind = :"
				+ criterion + "Kind and c.name = :" + criterion
				+ ((forResourceType != null) ? " and c.resource_type = :" + forResourceType : "") + ")";
	}

	long insert(long trackId, long roleId, long systemId, @Nullable String baseUrl,
			@Nullable SignUpCapabilityStatement statement, long userId) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into track_sign_ups (track_id, role_id, system_id, base_url, fhir_version, software,
				capability_statement, capability_fetched_at, signed_up_by)
				values (:trackId, :roleId, :systemId, :baseUrl, :fhirVersion, :software, :capabilityStatement,
				:fetchedAt, :userId)""")
			.param("trackId", trackId)
			.param("roleId", roleId)
			.param("systemId", systemId)
			.param("baseUrl", baseUrl)
			.param("fhirVersion", (statement != null) ? truncated(statement.fhirVersion(), 20) : null)
			.param("software", (statement != null) ? truncated(statement.software(), 400) : null)
			.param("capabilityStatement", (statement != null) ? statement.json() : null)
			.param("fetchedAt", (statement != null) ? OffsetDateTime.now() : null)
			.param("userId", userId)
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		if (statement != null) {
			for (SignUpCapability capability : statement.capabilities()) {
				this.jdbc.sql("""
						insert into track_server_capabilities (sign_up_id, resource_type, kind, name)
						values (:signUpId, :resourceType, :kind, :name)""")
					.param("signUpId", id)
					.param("resourceType", truncated(capability.resourceType(), 100))
					.param("kind", capability.kind().name())
					.param("name", capability.name())
					.update();
			}
		}
		return id;
	}

	Optional<String> capabilityStatement(long signUpId) {
		return this.jdbc.sql("select capability_statement from track_sign_ups where id = :id")
			.param("id", signUpId)
			.query(String.class)
			.optional();
	}

	void delete(long signUpId) {
		this.jdbc.sql("delete from track_sign_ups where id = :id").param("id", signUpId).update();
	}

	private SignUp signUp(ResultSet row, int rowNumber) throws SQLException {
		long id = row.getLong("id");
		return new SignUp(id, row.getLong("track_id"), row.getLong("role_id"), row.getString("role_keyword"),
				row.getString("role_name"), row.getLong("system_id"), row.getString("system_name"),
				row.getLong("organization_id"), row.getString("organization_name"), row.getString("base_url"),
				row.getString("fhir_version"), row.getString("software"),
				row.getObject("capability_fetched_at", OffsetDateTime.class), capabilities(id));
	}

	private List<SignUpCapability> capabilities(long signUpId) {
		return this.jdbc.sql("""
				select resource_type, kind, name from track_server_capabilities where sign_up_id = :signUpId""")
			.param("signUpId", signUpId)
			.query((row, rowNumber) -> new SignUpCapability(row.getString("resource_type"),
					SignUpCapability.Kind.valueOf(row.getString("kind")), row.getString("name")))
			.list();
	}

	private static @Nullable String truncated(@Nullable String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

}
