package org.connectathon.platform.registration;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.connectathon.platform.ListPage;
import org.connectathon.platform.RecordRowMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SystemRepository {

	private static final String SELECT_SYSTEM = """
			select s.id, s.event_id, s.organization_id, o.name as organization_name, s.name, s.version,
			s.description, s.status, s.table_location
			from systems s join organizations o on o.id = s.organization_id""";

	private static final String SELECT_REGISTRATION = """
			select r.id, r.system_id, r.actor_id, p.keyword as profile_keyword, a.keyword as actor_keyword,
			a.name as actor_name, o.keyword as option_keyword, r.testing_type
			from actor_registrations r join actors a on a.id = r.actor_id join profiles p on p.id = a.profile_id
			left join actor_options o on o.id = r.option_id""";

	private final JdbcClient jdbc;

	SystemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Systems of the event that are published or belong to the given organization (null:
	 * all).
	 */
	List<RegisteredSystem> findInEvent(long eventId, @Nullable Long visibleDraftsOf, boolean allDrafts) {
		return this.jdbc.sql(SELECT_SYSTEM + """
				 where s.event_id = :eventId
				and (:allDrafts or s.status = 'PUBLISHED' or s.organization_id = :organizationId)
				order by o.name, s.name""")
			.param("eventId", eventId)
			.param("allDrafts", allDrafts)
			.param("organizationId", visibleDraftsOf)
			.query(RecordRowMapper.of(RegisteredSystem.class))
			.list();
	}

	/**
	 * The columns a system list sorts by, by their names in the address: the allow-list
	 * that keeps the address out of the SQL.
	 */
	static final Map<String, String> SORT_COLUMNS = sortColumns();

	/**
	 * One page of the event's systems that pass the filter, in its order, among those
	 * published or belonging to the given organization (all, for organizers).
	 */
	ListPage<RegisteredSystem> findPage(long eventId, SystemFilter filter, @Nullable Long visibleDraftsOf,
			boolean allDrafts, int number, int size) {
		Map<String, Object> parameters = new HashMap<>();
		String where = where(eventId, filter, visibleDraftsOf, allDrafts, parameters);
		int total = this.jdbc
			.sql("select count(*) from systems s join organizations o on o.id = s.organization_id" + where)
			.params(parameters)
			.query(Integer.class)
			.single();
		List<RegisteredSystem> items = this.jdbc
			.sql(SELECT_SYSTEM + where + " order by " + filter.sort().orderBy(SORT_COLUMNS, "lower(s.name), s.id")
					+ " limit :limit offset :offset")
			.params(parameters)
			.param("limit", size)
			.param("offset", ListPage.offset(number, size))
			.query(RecordRowMapper.of(RegisteredSystem.class))
			.list();
		return new ListPage<>(items, number, size, total);
	}

	/**
	 * The organizations with systems in the event that the reader may see, by id, in the
	 * order of their names.
	 */
	Map<Long, String> findOrganizationsInEvent(long eventId, @Nullable Long visibleDraftsOf, boolean allDrafts) {
		Map<Long, String> organizations = new LinkedHashMap<>();
		this.jdbc.sql("""
				select distinct o.id, o.name from systems s join organizations o on o.id = s.organization_id
				where s.event_id = :eventId
				and (:allDrafts or s.status = 'PUBLISHED' or s.organization_id = :organizationId)
				order by o.name, o.id""")
			.param("eventId", eventId)
			.param("allDrafts", allDrafts)
			.param("organizationId", visibleDraftsOf)
			.query((row) -> {
				organizations.put(row.getLong("id"), row.getString("name"));
			});
		return organizations;
	}

	private static String where(long eventId, SystemFilter filter, @Nullable Long visibleDraftsOf, boolean allDrafts,
			Map<String, Object> parameters) {
		StringBuilder where = new StringBuilder("""
				 where s.event_id = :eventId
				and (:allDrafts or s.status = 'PUBLISHED' or s.organization_id = :visibleDraftsOf)""");
		parameters.put("eventId", eventId);
		parameters.put("allDrafts", allDrafts);
		parameters.put("visibleDraftsOf", visibleDraftsOf);
		if (filter.text() != null) {
			where.append(" and (lower(s.name) like :text escape '\\' or lower(o.name) like :text escape '\\')");
			parameters.put("text", filter.text());
		}
		if (filter.status() != null) {
			where.append(" and s.status = :status");
			parameters.put("status", filter.status().name());
		}
		if (filter.profile() != null) {
			where.append("""
					 and s.id in (select r.system_id from actor_registrations r join actors a on a.id = r.actor_id
					join profiles p on p.id = a.profile_id where p.keyword = :profile)""");
			parameters.put("profile", filter.profile());
		}
		if (filter.organizationId() != null) {
			where.append(" and s.organization_id = :organizationId");
			parameters.put("organizationId", filter.organizationId());
		}
		if (filter.table() != null) {
			where.append(" and lower(s.table_location) like :table escape '\\'");
			parameters.put("table", filter.table());
		}
		return where.toString();
	}

	private static Map<String, String> sortColumns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("organization", "lower(o.name)");
		columns.put("name", "lower(s.name)");
		columns.put("table", "lower(s.table_location)");
		columns.put("status", "s.status");
		return Collections.unmodifiableMap(columns);
	}

	List<RegisteredSystem> findOfOrganization(long organizationId) {
		return this.jdbc.sql(SELECT_SYSTEM + " where s.organization_id = :organizationId order by s.event_id, s.name")
			.param("organizationId", organizationId)
			.query(RecordRowMapper.of(RegisteredSystem.class))
			.list();
	}

	Optional<RegisteredSystem> find(long id) {
		return this.jdbc.sql(SELECT_SYSTEM + " where s.id = :id")
			.param("id", id)
			.query(RecordRowMapper.of(RegisteredSystem.class))
			.optional();
	}

	boolean nameTaken(long eventId, long organizationId, String name, long exceptId) {
		return this.jdbc.sql("""
				select count(*) from systems
				where event_id = :eventId and organization_id = :organizationId and name = :name and id <> :id""")
			.param("eventId", eventId)
			.param("organizationId", organizationId)
			.param("name", name)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insert(long eventId, long organizationId, SystemForm form, SystemStatus status) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into systems (event_id, organization_id, name, version, description, status)
				values (:eventId, :organizationId, :name, :version, :description, :status)""")
			.param("eventId", eventId)
			.param("organizationId", organizationId)
			.param("name", form.name().strip())
			.param("version", form.version())
			.param("description", form.description())
			.param("status", status.name())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void update(long id, SystemForm form, SystemStatus status) {
		this.jdbc.sql("""
				update systems set name = :name, version = :version, description = :description, status = :status
				where id = :id""")
			.param("id", id)
			.param("name", form.name().strip())
			.param("version", form.version())
			.param("description", form.description())
			.param("status", status.name())
			.update();
	}

	void updateTableLocation(long id, @Nullable String tableLocation) {
		this.jdbc.sql("update systems set table_location = :tableLocation where id = :id")
			.param("id", id)
			.param("tableLocation", tableLocation)
			.update();
	}

	void delete(long id) {
		this.jdbc.sql("delete from systems where id = :id").param("id", id).update();
	}

	List<ActorRegistration> findRegistrations(long systemId) {
		return this.jdbc.sql(SELECT_REGISTRATION + " where r.system_id = :systemId order by p.keyword, a.keyword")
			.param("systemId", systemId)
			.query(RecordRowMapper.of(ActorRegistration.class))
			.list();
	}

	private static final String SELECT_PUBLISHED_REGISTRATION = """
			select r.id as registration_id, s.id as system_id, s.name as system_name, s.organization_id,
			o.name as organization_name, r.actor_id, p.keyword as profile_keyword, a.keyword as actor_keyword,
			x.keyword as option_keyword, r.testing_type, s.table_location
			from actor_registrations r join systems s on s.id = r.system_id
			join organizations o on o.id = s.organization_id join actors a on a.id = r.actor_id
			join profiles p on p.id = a.profile_id left join actor_options x on x.id = r.option_id
			where s.status = 'PUBLISHED'""";

	List<PublishedRegistration> findPublishedRegistrations(long eventId) {
		return this.jdbc.sql(SELECT_PUBLISHED_REGISTRATION + """
				 and s.event_id = :eventId
				order by o.name, s.name, p.keyword, a.keyword""")
			.param("eventId", eventId)
			.query(RecordRowMapper.of(PublishedRegistration.class))
			.list();
	}

	List<PublishedRegistration> findPublishedRegistrations(long eventId, Collection<Long> actorIds) {
		if (actorIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT_PUBLISHED_REGISTRATION + """
				 and s.event_id = :eventId and r.actor_id in (:actorIds)
				order by o.name, s.name, p.keyword, a.keyword""")
			.param("eventId", eventId)
			.param("actorIds", actorIds)
			.query(RecordRowMapper.of(PublishedRegistration.class))
			.list();
	}

	Optional<PublishedRegistration> findPublishedRegistration(long eventId, long registrationId) {
		return this.jdbc.sql(SELECT_PUBLISHED_REGISTRATION + " and s.event_id = :eventId and r.id = :registrationId")
			.param("eventId", eventId)
			.param("registrationId", registrationId)
			.query(RecordRowMapper.of(PublishedRegistration.class))
			.optional();
	}

	void insertRegistration(long systemId, long actorId, @Nullable Long optionId, TestingType testingType) {
		this.jdbc.sql("""
				insert into actor_registrations (system_id, actor_id, option_id, testing_type)
				values (:systemId, :actorId, :optionId, :testingType)""")
			.param("systemId", systemId)
			.param("actorId", actorId)
			.param("optionId", optionId)
			.param("testingType", testingType.name())
			.update();
	}

	int deleteRegistration(long systemId, long registrationId) {
		return this.jdbc.sql("delete from actor_registrations where id = :id and system_id = :systemId")
			.param("id", registrationId)
			.param("systemId", systemId)
			.update();
	}

	List<Endpoint> findEndpoints(long systemId) {
		return this.jdbc.sql("""
				select e.id, e.system_id, e.actor_id, p.keyword as profile_keyword, a.keyword as actor_keyword,
				e.base_url, e.fhir_version, e.notes, e.protocol, e.mllp_port
				from endpoints e join actors a on a.id = e.actor_id join profiles p on p.id = a.profile_id
				where e.system_id = :systemId order by p.keyword, a.keyword, e.id""")
			.param("systemId", systemId)
			.query(RecordRowMapper.of(Endpoint.class))
			.list();
	}

	/** The ports of every event's HL7 v2 endpoints: one port serves one endpoint. */
	List<Integer> findMllpPorts() {
		return this.jdbc.sql("select mllp_port from endpoints where mllp_port is not null").query(Integer.class).list();
	}

	long insertEndpoint(long systemId, long actorId, EndpointForm form, @Nullable Integer mllpPort) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into endpoints (system_id, actor_id, base_url, fhir_version, notes, protocol, mllp_port)
				values (:systemId, :actorId, :baseUrl, :fhirVersion, :notes, :protocol, :mllpPort)""")
			.param("systemId", systemId)
			.param("actorId", actorId)
			.param("baseUrl", form.baseUrl().strip())
			.param("fhirVersion",
					(form.fhirVersion() == null || form.fhirVersion().isBlank()) ? null : form.fhirVersion())
			.param("notes", form.notes())
			.param("protocol", form.protocolOrFhir().name())
			.param("mllpPort", mllpPort)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	int deleteEndpoint(long systemId, long endpointId) {
		return this.jdbc.sql("delete from endpoints where id = :id and system_id = :systemId")
			.param("id", endpointId)
			.param("systemId", systemId)
			.update();
	}

	@Nullable String findCaptureToken(long systemId) {
		return this.jdbc.sql("select capture_token from systems where id = :id")
			.param("id", systemId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	void updateCaptureToken(long systemId, String token) {
		this.jdbc.sql("update systems set capture_token = :token where id = :id")
			.param("token", token)
			.param("id", systemId)
			.update();
	}

	@Nullable String findClientAddresses(long systemId) {
		return this.jdbc.sql("select client_addresses from systems where id = :id")
			.param("id", systemId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	void updateClientAddresses(long systemId, @Nullable String clientAddresses) {
		this.jdbc.sql("update systems set client_addresses = :addresses where id = :id")
			.param("addresses", clientAddresses)
			.param("id", systemId)
			.update();
	}

}
