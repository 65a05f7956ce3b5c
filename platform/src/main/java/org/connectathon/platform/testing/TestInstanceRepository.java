package org.connectathon.platform.testing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.connectathon.platform.ListPage;
import org.connectathon.platform.RecordRowMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TestInstanceRepository {

	private static final String SELECT_INSTANCE = """
			select i.id, i.test_id, t.keyword as test_keyword, t.name as test_name, i.event_id, i.status, i.critical,
			i.started_at, i.status_changed_at
			from test_instances i join tests t on t.id = i.test_id""";

	private final JdbcClient jdbc;

	TestInstanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TestInstance> find(long id) {
		return load(" where i.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/**
	 * One page of the instances of these tests that wait for a monitor: to be verified,
	 * partially verified, or critical and still open; critical first, then the longest
	 * waiting. Those the given organization takes part in are left out.
	 */
	List<TestInstance> findAwaitingVerification(long eventId, Collection<Long> testIds,
			@Nullable Long hiddenOrganizationId, int offset, int limit) {
		if (testIds.isEmpty()) {
			return List.of();
		}
		List<TestInstance> page = this.jdbc
			.sql(SELECT_INSTANCE + awaitingVerification(hiddenOrganizationId)
					+ " order by i.critical desc, i.status_changed_at, i.id limit :limit offset :offset")
			.params(awaitingVerificationParameters(eventId, testIds, hiddenOrganizationId))
			.param("limit", limit)
			.param("offset", offset)
			.query((row, number) -> instance(row, List.of()))
			.list();
		return withParticipants(page);
	}

	int countAwaitingVerification(long eventId, Collection<Long> testIds, @Nullable Long hiddenOrganizationId) {
		if (testIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("select count(*) from test_instances i" + awaitingVerification(hiddenOrganizationId))
			.params(awaitingVerificationParameters(eventId, testIds, hiddenOrganizationId))
			.query(Integer.class)
			.single();
	}

	private static String awaitingVerification(@Nullable Long hiddenOrganizationId) {
		return " where i.event_id = :eventId and i.test_id in (:testIds) and (i.status in"
				+ " ('TO_BE_VERIFIED', 'PARTIALLY_VERIFIED') or (i.critical and i.status in ('RUNNING', 'PAUSED')))"
				+ ((hiddenOrganizationId == null) ? "" : " and not exists (select 1 from test_instance_systems hidden"
						+ " where hidden.test_instance_id = i.id and hidden.organization_id = :hiddenOrganizationId)");
	}

	private static Map<String, Object> awaitingVerificationParameters(long eventId, Collection<Long> testIds,
			@Nullable Long hiddenOrganizationId) {
		Map<String, Object> parameters = new HashMap<>(Map.of("eventId", eventId, "testIds", testIds));
		if (hiddenOrganizationId != null) {
			parameters.put("hiddenOrganizationId", hiddenOrganizationId);
		}
		return parameters;
	}

	/** The same instances with their participants, read in one query. */
	private List<TestInstance> withParticipants(List<TestInstance> instances) {
		if (instances.isEmpty()) {
			return instances;
		}
		Map<Long, List<InstanceParticipant>> participants = findParticipants(" where p.test_instance_id in (:ids)",
				Map.of("ids", instances.stream().map(TestInstance::id).toList()));
		return instances.stream()
			.map((instance) -> new TestInstance(instance.id(), instance.testId(), instance.testKeyword(),
					instance.testName(), instance.eventId(), instance.status(), instance.critical(),
					instance.startedAt(), instance.statusChangedAt(),
					participants.getOrDefault(instance.id(), List.of())))
			.toList();
	}

	/**
	 * The columns an instance list sorts by, by their names in the address: the
	 * allow-list that keeps the address out of the SQL.
	 */
	static final Map<String, String> SORT_COLUMNS = sortColumns();

	/**
	 * One page of the event's instances that pass the filter, in its order, participants
	 * included. Each filter is a semi-join on an indexed column, so that a page of an
	 * event with tens of thousands of instances is read without touching each one's
	 * participants.
	 */
	ListPage<TestInstance> findPage(long eventId, TestInstanceFilter filter, int number, int size) {
		Map<String, Object> parameters = new HashMap<>();
		String where = where(eventId, filter, parameters);
		int total = this.jdbc.sql("select count(*) from test_instances i" + where)
			.params(parameters)
			.query(Integer.class)
			.single();
		List<TestInstance> page = this.jdbc
			.sql(SELECT_INSTANCE + where + " order by " + filter.sort().orderBy(SORT_COLUMNS, "i.id desc")
					+ " limit :limit offset :offset")
			.params(parameters)
			.param("limit", size)
			.param("offset", ListPage.offset(number, size))
			.query((row, rowNumber) -> instance(row, List.of()))
			.list();
		return new ListPage<>(withParticipants(page), number, size, total);
	}

	private static String where(long eventId, TestInstanceFilter filter, Map<String, Object> parameters) {
		StringBuilder where = new StringBuilder(" where i.event_id = :eventId");
		parameters.put("eventId", eventId);
		if (filter.text() != null) {
			// One semi-join, not two joined by "or", which would keep both databases from
			// looking the ids up by the primary key (a scan of every instance on H2).
			where.append("""
					 and i.id in (select p.test_instance_id from test_instance_systems p
					join systems s on s.id = p.system_id join organizations o on o.id = p.organization_id
					where s.event_id = :eventId and (lower(s.name) like :text escape '\\'
					or lower(o.name) like :text escape '\\')
					union select x.id from test_instances x where x.test_id in (select t.id from tests t
					where t.event_id = :eventId and (lower(t.keyword) like :text escape '\\'
					or lower(t.name) like :text escape '\\')))""");
			parameters.put("text", filter.text());
		}
		InstanceConditions.append(where, parameters, filter.status(), filter.profile(), filter.organizationId(),
				filter.table());
		if (filter.involvedOrganizationId() != null) {
			where.append(" and i.id in (select test_instance_id from test_instance_systems"
					+ " where organization_id = :involvedOrganizationId)");
			parameters.put("involvedOrganizationId", filter.involvedOrganizationId());
		}
		return where.toString();
	}

	private static Map<String, String> sortColumns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("id", "i.id");
		columns.put("test", "t.keyword");
		columns.put("status", "i.status");
		columns.put("started", "i.started_at");
		columns.put("changed", "i.status_changed_at");
		return Collections.unmodifiableMap(columns);
	}

	/** The event's running instances in which the system takes part. */
	List<TestInstance> findRunningWithSystem(long eventId, long systemId) {
		return load(
				" where i.event_id = :eventId and i.status = 'RUNNING' and i.id in (select test_instance_id"
						+ " from test_instance_systems where system_id = :systemId)",
				Map.of("eventId", eventId, "systemId", systemId));
	}

	/**
	 * Instances matching the condition on {@code i} (test_instances), participants
	 * included.
	 */
	private List<TestInstance> load(String condition, Map<String, ?> parameters) {
		Map<Long, List<InstanceParticipant>> participants = findParticipants(
				" join test_instances i on i.id = p.test_instance_id" + condition, parameters);
		return this.jdbc.sql(SELECT_INSTANCE + condition + " order by i.id desc")
			.params(parameters)
			.query((row, number) -> instance(row, participants.getOrDefault(row.getLong("id"), List.of())))
			.list();
	}

	/**
	 * Participants by instance, of the instances that the join and condition on {@code p}
	 * (test_instance_systems) select.
	 */
	private Map<Long, List<InstanceParticipant>> findParticipants(String joinAndCondition, Map<String, ?> parameters) {
		Map<Long, List<InstanceParticipant>> participants = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select p.test_instance_id, r.keyword as role_keyword, r.actor_id, p.system_id, s.name as system_name,
					p.organization_id, o.name as organization_name
					from test_instance_systems p join test_roles r on r.id = p.test_role_id join systems s on s.id = p.system_id
					join organizations o on o.id = p.organization_id"""
					+ joinAndCondition + " order by r.id, s.name")
			.params(parameters)
			.query((row) -> {
				participants.computeIfAbsent(row.getLong("test_instance_id"), (id) -> new ArrayList<>())
					.add(new InstanceParticipant(row.getString("role_keyword"), row.getLong("actor_id"),
							row.getLong("system_id"), row.getString("system_name"), row.getLong("organization_id"),
							row.getString("organization_name")));
			});
		return participants;
	}

	private static TestInstance instance(ResultSet row, List<InstanceParticipant> participants) throws SQLException {
		return new TestInstance(row.getLong("id"), row.getLong("test_id"), row.getString("test_keyword"),
				row.getString("test_name"), row.getLong("event_id"),
				TestInstanceStatus.valueOf(row.getString("status")), row.getBoolean("critical"),
				row.getObject("started_at", OffsetDateTime.class),
				row.getObject("status_changed_at", OffsetDateTime.class), participants);
	}

	long insert(long testId, long eventId, long startedBy) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into test_instances (test_id, event_id, status, started_by)
				values (:testId, :eventId, 'RUNNING', :startedBy)""")
			.param("testId", testId)
			.param("eventId", eventId)
			.param("startedBy", startedBy)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void insertParticipant(long instanceId, long roleId, long systemId, long organizationId) {
		this.jdbc.sql("""
				insert into test_instance_systems (test_instance_id, test_role_id, system_id, organization_id)
				values (:instanceId, :roleId, :systemId, :organizationId)""")
			.param("instanceId", instanceId)
			.param("roleId", roleId)
			.param("systemId", systemId)
			.param("organizationId", organizationId)
			.update();
	}

	void insertStep(long instanceId, long stepId, int index) {
		this.jdbc.sql("""
				insert into step_instances (test_instance_id, test_step_id, step_index, status)
				values (:instanceId, :stepId, :index, 'TO_DO')""")
			.param("instanceId", instanceId)
			.param("stepId", stepId)
			.param("index", index)
			.update();
	}

	List<StepInstance> findSteps(long instanceId) {
		return this.jdbc.sql("""
				select id, step_index as index, status from step_instances where test_instance_id = :instanceId
				order by step_index""")
			.param("instanceId", instanceId)
			.query(RecordRowMapper.of(StepInstance.class))
			.list();
	}

	/**
	 * Locks the step's row until the transaction ends (both databases wait for a lock
	 * another transaction holds).
	 */
	void lockStep(long instanceId, int index) {
		this.jdbc
			.sql("select id from step_instances where test_instance_id = :instanceId and step_index = :index"
					+ " for update")
			.param("instanceId", instanceId)
			.param("index", index)
			.query(Long.class)
			.list();
	}

	int updateStep(long instanceId, int index, StepStatus status) {
		return this.jdbc
			.sql("""
					update step_instances set status = :status where test_instance_id = :instanceId and step_index = :index""")
			.param("instanceId", instanceId)
			.param("index", index)
			.param("status", status.name())
			.update();
	}

	/**
	 * Changes the status only if it is still the expected one, so that two concurrent
	 * changes cannot both win.
	 */
	boolean updateStatus(long instanceId, TestInstanceStatus expected, TestInstanceStatus status,
			OffsetDateTime changedAt) {
		return this.jdbc.sql("""
				update test_instances set status = :status, status_changed_at = :changedAt
				where id = :id and status = :expected""")
			.param("id", instanceId)
			.param("changedAt", changedAt)
			.param("expected", expected.name())
			.param("status", status.name())
			.update() == 1;
	}

	void updateCritical(long instanceId, boolean critical) {
		this.jdbc.sql("update test_instances set critical = :critical where id = :id")
			.param("id", instanceId)
			.param("critical", critical)
			.update();
	}

	void insertChange(long instanceId, long userId, String userName, ChangeAction action,
			@Nullable TestInstanceStatus fromStatus, @Nullable TestInstanceStatus toStatus, @Nullable String reason) {
		this.jdbc.sql("""
				insert into test_instance_changes (test_instance_id, user_id, user_name, action, from_status, to_status,
				reason) values (:instanceId, :userId, :userName, :action, :fromStatus, :toStatus, :reason)""")
			.param("instanceId", instanceId)
			.param("userId", userId)
			.param("userName", userName)
			.param("action", action.name())
			.param("fromStatus", (fromStatus != null) ? fromStatus.name() : null)
			.param("toStatus", (toStatus != null) ? toStatus.name() : null)
			.param("reason", reason)
			.update();
	}

	List<InstanceChange> findChanges(long instanceId) {
		return this.jdbc.sql("""
				select id, changed_at, user_id, user_name, action, from_status, to_status, reason
				from test_instance_changes where test_instance_id = :instanceId order by id""")
			.param("instanceId", instanceId)
			.query(RecordRowMapper.of(InstanceChange.class))
			.list();
	}

	/**
	 * Per test, the systems that the given system shares a live (not aborted) instance
	 * with.
	 */
	Map<Long, Set<Long>> findTestedPartners(long systemId) {
		Map<Long, Set<Long>> partners = new HashMap<>();
		this.jdbc.sql("""
				select i.test_id, other.system_id
				from test_instance_systems mine join test_instances i on i.id = mine.test_instance_id
				join test_instance_systems other on other.test_instance_id = i.id and other.system_id <> mine.system_id
				where mine.system_id = :systemId and i.status <> 'ABORTED'""")
			.param("systemId", systemId)
			.query((row) -> {
				partners.computeIfAbsent(row.getLong("test_id"), (id) -> new HashSet<>()).add(row.getLong("system_id"));
			});
		return partners;
	}

	/**
	 * The instances in which the system played one of these actors, with the other
	 * organizations taking part.
	 */
	List<Participation> findParticipations(long systemId, Collection<Long> actorIds) {
		if (actorIds.isEmpty()) {
			return List.of();
		}
		Map<Long, Participation> participations = new LinkedHashMap<>();
		this.jdbc.sql("""
				select i.id, i.test_id, r.actor_id, i.status, other.organization_id as partner_organization_id
				from test_instance_systems mine join test_instances i on i.id = mine.test_instance_id
				join test_roles r on r.id = mine.test_role_id
				left join test_instance_systems other on other.test_instance_id = i.id
				and other.organization_id <> mine.organization_id
				where mine.system_id = :systemId and r.actor_id in (:actorIds)""")
			.param("systemId", systemId)
			.param("actorIds", actorIds)
			.query((row) -> {
				long instanceId = row.getLong("id");
				Participation participation = participations.get(instanceId);
				if (participation == null) {
					participation = new Participation(instanceId, row.getLong("test_id"), row.getLong("actor_id"),
							TestInstanceStatus.valueOf(row.getString("status")), new HashSet<>());
					participations.put(instanceId, participation);
				}
				long partner = row.getLong("partner_organization_id");
				if (!row.wasNull()) {
					participation.partnerOrganizationIds().add(partner);
				}
			});
		return List.copyOf(participations.values());
	}

	/**
	 * Whether instances play any of the test's roles, so that its roles and steps must
	 * stay.
	 */
	boolean testHasInstances(long testId) {
		return this.jdbc.sql("select count(*) from test_instances where test_id = :testId")
			.param("testId", testId)
			.query(Long.class)
			.single() > 0;
	}

}
