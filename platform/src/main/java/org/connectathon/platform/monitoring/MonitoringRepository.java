package org.connectathon.platform.monitoring;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.connectathon.platform.RecordRowMapper;
import org.connectathon.platform.testing.TestMonitors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MonitoringRepository implements TestMonitors {

	private final JdbcClient jdbc;

	MonitoringRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Long> findMonitorIds(long testId) {
		return this.jdbc.sql("select user_id from monitor_assignments where test_id = :testId order by user_id")
			.param("testId", testId)
			.query(Long.class)
			.list();
	}

	List<Long> findAssignedTestIds(long userId) {
		return this.jdbc.sql("select test_id from monitor_assignments where user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.list();
	}

	@Override
	public boolean isMonitorOf(long testId, long userId) {
		return isAssigned(testId, userId);
	}

	boolean isAssigned(long testId, long userId) {
		return this.jdbc.sql("select count(*) from monitor_assignments where test_id = :testId and user_id = :userId")
			.param("testId", testId)
			.param("userId", userId)
			.query(Long.class)
			.single() > 0;
	}

	void replaceAssignments(long testId, Collection<Long> userIds) {
		this.jdbc.sql("delete from monitor_assignments where test_id = :testId").param("testId", testId).update();
		for (long userId : userIds) {
			this.jdbc.sql("insert into monitor_assignments (test_id, user_id) values (:testId, :userId)")
				.param("testId", testId)
				.param("userId", userId)
				.update();
		}
	}

	Optional<Claim> findClaim(long instanceId) {
		return this.jdbc.sql("""
				select test_instance_id, user_id as monitor_id, user_name as monitor_name, claimed_at
				from instance_claims where test_instance_id = :instanceId""")
			.param("instanceId", instanceId)
			.query(RecordRowMapper.of(Claim.class))
			.optional();
	}

	Map<Long, Claim> findClaims(Collection<Long> instanceIds) {
		if (instanceIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select test_instance_id, user_id as monitor_id, user_name as monitor_name, claimed_at
				from instance_claims where test_instance_id in (:instanceIds)""")
			.param("instanceIds", instanceIds)
			.query(RecordRowMapper.of(Claim.class))
			.list()
			.stream()
			.collect(Collectors.toMap(Claim::testInstanceId, (claim) -> claim));
	}

	void insertClaim(long instanceId, long userId, String userName) {
		this.jdbc.sql("""
				insert into instance_claims (test_instance_id, user_id, user_name)
				values (:instanceId, :userId, :userName)""")
			.param("instanceId", instanceId)
			.param("userId", userId)
			.param("userName", userName)
			.update();
	}

	void deleteClaim(long instanceId) {
		this.jdbc.sql("delete from instance_claims where test_instance_id = :instanceId")
			.param("instanceId", instanceId)
			.update();
	}

	List<StepVerdictRecord> findStepVerdicts(long instanceId) {
		return this.jdbc.sql("""
				select step_index, verdict, comment, user_name as monitor_name, decided_at
				from step_verdicts where test_instance_id = :instanceId order by step_index""")
			.param("instanceId", instanceId)
			.query(RecordRowMapper.of(StepVerdictRecord.class))
			.list();
	}

	void saveStepVerdict(long instanceId, int index, StepVerdict verdict, @Nullable String comment, long userId,
			String userName) {
		this.jdbc.sql("delete from step_verdicts where test_instance_id = :instanceId and step_index = :index")
			.param("instanceId", instanceId)
			.param("index", index)
			.update();
		this.jdbc.sql("""
				insert into step_verdicts (test_instance_id, step_index, verdict, comment, user_id, user_name)
				values (:instanceId, :index, :verdict, :comment, :userId, :userName)""")
			.param("instanceId", instanceId)
			.param("index", index)
			.param("verdict", verdict.name())
			.param("comment", comment)
			.param("userId", userId)
			.param("userName", userName)
			.update();
	}

}
