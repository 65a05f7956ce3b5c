package org.connectathon.platform.dashboard;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.RecordRowMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's figures, each counted by one aggregate query over the event's
 * instances, their history, the grades and the published registrations, so that an event
 * of tens of thousands of instances answers in a few rows. A dashboard reads across the
 * features by nature: these queries read their tables and write none. With an
 * organization, each query keeps only the instances it takes part in, or its own systems.
 */
@Repository
class DashboardRepository {

	/** Rows of the lists (systems without a partner, slowest tests): a screenful. */
	static final int LISTED = 10;

	/** Instances waiting on the monitors' worklist (critical running ones aside). */
	private static final String WAITING_STATUSES = "('TO_BE_VERIFIED', 'PARTIALLY_VERIFIED')";

	private static final String OPEN_STATUSES = "('RUNNING', 'PAUSED', 'TO_BE_VERIFIED')";

	private static final String INSTANCE_OF_ORGANIZATION = " and exists (select 1 from test_instance_systems scope"
			+ " where scope.test_instance_id = i.id and scope.organization_id = :organization)";

	private static final String SYSTEM_OF_ORGANIZATION = " and s.organization_id = :organization";

	private final JdbcClient jdbc;

	DashboardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StatusRow> countByStatus(long eventId, @Nullable Long organizationId) {
		return this.jdbc.sql("""
				select i.status, count(*) as instances, sum(case when i.critical then 1 else 0 end) as critical
				from test_instances i
				where i.event_id = :event""" + instanceScope(organizationId) + " group by i.status")
			.params(params(eventId, organizationId))
			.query(RecordRowMapper.of(StatusRow.class))
			.list();
	}

	/**
	 * Started instances, hand-overs and verdicts per hour, from the instances' history.
	 */
	List<HourOfActivity> activityByHour(long eventId, @Nullable Long organizationId) {
		return this.jdbc
			.sql("""
					select date_trunc('hour', c.changed_at) as start_of_hour,
					  sum(case when c.action = 'STARTED' then 1 else 0 end) as started,
					  sum(case when c.action = 'STATUS' and c.to_status = 'TO_BE_VERIFIED' then 1 else 0 end) as handed_over,
					  sum(case when c.action = 'STATUS' and c.to_status = 'VERIFIED' then 1 else 0 end) as verified,
					  sum(case when c.action = 'STATUS' and c.to_status = 'PARTIALLY_VERIFIED' then 1 else 0 end)
					    as partially_verified,
					  sum(case when c.action = 'STATUS' and c.to_status = 'FAILED' then 1 else 0 end) as failed
					from test_instance_changes c join test_instances i on i.id = c.test_instance_id
					where i.event_id = :event and (c.action = 'STARTED' or (c.action = 'STATUS'
					  and c.to_status in ('TO_BE_VERIFIED', 'VERIFIED', 'PARTIALLY_VERIFIED', 'FAILED')))"""
					+ instanceScope(organizationId) + """
							 group by date_trunc('hour', c.changed_at)
							order by date_trunc('hour', c.changed_at)""")
			.params(params(eventId, organizationId))
			.query(RecordRowMapper.of(HourOfActivity.class))
			.list();
	}

	/**
	 * The worklist's waiting instances in bands of how long they have waited since their
	 * last change, as of {@code now}.
	 */
	MonitorQueue monitorQueue(long eventId, @Nullable Long organizationId, OffsetDateTime now) {
		Map<String, Object> params = params(eventId, organizationId);
		params.put("minus15", now.minusMinutes(15));
		params.put("minus60", now.minusMinutes(60));
		params.put("minus240", now.minusHours(4));
		QueueRow queue = this.jdbc.sql("""
				select count(*) as waiting, count(cl.test_instance_id) as claimed,
				  sum(case when i.status_changed_at > :minus15 then 1 else 0 end) as under15,
				  sum(case when i.status_changed_at <= :minus15 and i.status_changed_at > :minus60 then 1 else 0 end)
				    as from15to60,
				  sum(case when i.status_changed_at <= :minus60 and i.status_changed_at > :minus240 then 1 else 0 end)
				    as from1to4,
				  sum(case when i.status_changed_at <= :minus240 then 1 else 0 end) as over4
				from test_instances i left join instance_claims cl on cl.test_instance_id = i.id
				where i.event_id = :event and i.status in """ + WAITING_STATUSES + instanceScope(organizationId))
			.params(params)
			.query(RecordRowMapper.of(QueueRow.class))
			.single();
		OldestRow oldest = this.jdbc
			.sql("""
					select i.id, t.keyword, i.status_changed_at
					from test_instances i join tests t on t.id = i.test_id
					where i.event_id = :event and i.status in """ + WAITING_STATUSES + instanceScope(organizationId)
					+ " order by i.status_changed_at, i.id fetch first 1 rows only")
			.params(params)
			.query(RecordRowMapper.of(OldestRow.class))
			.optional()
			.orElse(new OldestRow(null, null, null));
		return new MonitorQueue(queue.waiting(), queue.claimed(), zeroIfNull(queue.under15()),
				zeroIfNull(queue.from15to60()), zeroIfNull(queue.from1to4()), zeroIfNull(queue.over4()), oldest.id(),
				oldest.keyword(), oldest.statusChangedAt());
	}

	/**
	 * The grades of the published registrations per profile and actor: an organizer's
	 * override counts instead of the computed grade; a computed "at risk" counts as
	 * {@code atRiskReadsAs} (did not complete, once the event closed).
	 */
	List<ActorGrades> gradesByActor(long eventId, @Nullable Long organizationId, String atRiskReadsAs) {
		Map<String, Object> params = params(eventId, organizationId);
		params.put("atRisk", atRiskReadsAs);
		return this.jdbc.sql("""
				select p.keyword as profile_keyword, a.keyword as actor_keyword,
				  sum(case when g.grade = 'PASS' then 1 else 0 end) as pass,
				  sum(case when g.grade = 'AT_RISK' then 1 else 0 end) as at_risk,
				  sum(case when g.grade = 'DID_NOT_COMPLETE' then 1 else 0 end) as did_not_complete,
				  sum(case when g.grade = 'NO_PEER_AVAILABLE' then 1 else 0 end) as no_peer_available,
				  sum(case when g.grade = 'WITHDRAWN' then 1 else 0 end) as withdrawn,
				  sum(case when g.grade is null then 1 else 0 end) as not_graded
				from actor_registrations r
				  join systems s on s.id = r.system_id
				  join actors a on a.id = r.actor_id
				  join profiles p on p.id = a.profile_id
				  left join (select registration_id, coalesce(override_grade,
				      case when computed_grade = 'AT_RISK' then :atRisk else computed_grade end) as grade
				    from grades where event_id = :event) g on g.registration_id = r.id
				where s.event_id = :event and s.status = 'PUBLISHED'""" + systemScope(organizationId) + """
				 group by p.keyword, a.keyword
				order by p.keyword, a.keyword""").params(params).query(RecordRowMapper.of(ActorGrades.class)).list();
	}

	/**
	 * Published systems that play a required role of a peer-to-peer test that no other
	 * published system can partner in, for another required role: registered for its
	 * actor (and option, when the role names one), of another organization unless the
	 * test allows the same.
	 */
	List<SystemWithoutPartner> systemsWithoutPartner(long eventId, @Nullable Long organizationId) {
		return this.jdbc.sql("""
				select s.id as system_id, s.name as system_name, o.name as organization_name, t.id as test_id,
				  t.keyword as test_keyword, r.keyword as role_keyword, min(other.keyword) as missing_role_keyword
				from systems s
				  join organizations o on o.id = s.organization_id
				  join actor_registrations ar on ar.system_id = s.id
				  join test_roles r on r.actor_id = ar.actor_id and r.required
				    and (r.option_id is null or r.option_id = ar.option_id)
				  join tests t on t.id = r.test_id and t.event_id = s.event_id and t.test_type = 'PEER_TO_PEER'
				  join test_roles other on other.test_id = t.id and other.id <> r.id and other.required
				where s.event_id = :event and s.status = 'PUBLISHED'""" + systemScope(organizationId) + """
				 and not exists (select 1 from actor_registrations pr join systems ps on ps.id = pr.system_id
				    where pr.actor_id = other.actor_id and (other.option_id is null or pr.option_id = other.option_id)
				      and ps.event_id = s.event_id and ps.status = 'PUBLISHED' and ps.id <> s.id
				      and (t.same_organization_allowed or ps.organization_id <> s.organization_id))
				group by s.id, s.name, o.name, t.id, t.keyword, r.keyword
				order by o.name, s.name, t.keyword, r.keyword
				fetch first""" + " " + LISTED + " rows only")
			.params(params(eventId, organizationId))
			.query(RecordRowMapper.of(SystemWithoutPartner.class))
			.list();
	}

	/** The tests whose open instances have gone longest without a change. */
	List<SlowTest> slowestTests(long eventId, @Nullable Long organizationId) {
		return this.jdbc.sql("""
				select t.id as test_id, t.keyword as test_keyword, t.name as test_name,
				  sum(case when i.status in %1$s then 1 else 0 end) as open_instances,
				  sum(case when i.status = 'VERIFIED' then 1 else 0 end) as verified,
				  sum(case when i.status = 'FAILED' then 1 else 0 end) as failed,
				  min(case when i.status in %1$s then i.status_changed_at end) as still_since
				from test_instances i join tests t on t.id = i.test_id
				where i.event_id = :event""".formatted(OPEN_STATUSES) + instanceScope(organizationId) + """
				 group by t.id, t.keyword, t.name
				having sum(case when i.status in %1$s then 1 else 0 end) > 0
				order by still_since, t.keyword
				fetch first %2$d rows only""".formatted(OPEN_STATUSES, LISTED))
			.params(params(eventId, organizationId))
			.query(RecordRowMapper.of(SlowTest.class))
			.list();
	}

	private static String instanceScope(@Nullable Long organizationId) {
		return (organizationId != null) ? INSTANCE_OF_ORGANIZATION : "";
	}

	private static String systemScope(@Nullable Long organizationId) {
		return (organizationId != null) ? SYSTEM_OF_ORGANIZATION : "";
	}

	private static Map<String, Object> params(long eventId, @Nullable Long organizationId) {
		Map<String, Object> params = new HashMap<>();
		params.put("event", eventId);
		if (organizationId != null) {
			params.put("organization", organizationId);
		}
		return params;
	}

	private static long zeroIfNull(@Nullable Long count) {
		return (count != null) ? count : 0;
	}

	public record StatusRow(String status, long instances, long critical) {
	}

	/** The sums are null when nothing waits. */
	public record QueueRow(long waiting, long claimed, @Nullable Long under15, @Nullable Long from15to60,
			@Nullable Long from1to4, @Nullable Long over4) {
	}

	public record OldestRow(@Nullable Long id, @Nullable String keyword, @Nullable OffsetDateTime statusChangedAt) {
	}

}
