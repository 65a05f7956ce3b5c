package org.connectathon.platform.automation;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.connectathon.platform.RecordRowMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Script runs, which are also the job queue: every change of a claimed run names the node
 * that holds it, so that a node that was thought dead cannot overwrite what another node
 * did since.
 */
@Repository
class ScriptRunRepository {

	private static final String SELECT_RUN = """
			select id, test_instance_id, step_index, script_keyword, test_script_id, server_url, status,
			actions_total, actions_finished, current_action, message, evidence_id, attempts, requested_by_name,
			requested_at, started_at, finished_at
			from script_runs""";

	private final JdbcClient jdbc;

	ScriptRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ScriptRun> find(long id) {
		return this.jdbc.sql(SELECT_RUN + " where id = :id")
			.param("id", id)
			.query(RecordRowMapper.of(ScriptRun.class))
			.optional();
	}

	/** The instance's runs, newest first. */
	List<ScriptRun> findOfInstance(long instanceId) {
		return this.jdbc.sql(SELECT_RUN + " where test_instance_id = :instanceId order by id desc")
			.param("instanceId", instanceId)
			.query(RecordRowMapper.of(ScriptRun.class))
			.list();
	}

	/** The newest run of each step of the instance that has any, by step index. */
	Map<Integer, ScriptRun> findLatestPerStep(long instanceId) {
		Map<Integer, ScriptRun> latest = new LinkedHashMap<>();
		findOfInstance(instanceId).forEach((run) -> latest.putIfAbsent(run.stepIndex(), run));
		return latest;
	}

	long insert(long instanceId, int stepIndex, long testScriptId, String scriptKeyword, String serverUrl,
			int actionsTotal, long requestedBy, String requestedByName) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into script_runs (test_instance_id, step_index, test_script_id, script_keyword, server_url,
				status, actions_total, requested_by, requested_by_name)
				values (:instanceId, :stepIndex, :testScriptId, :scriptKeyword, :serverUrl, 'QUEUED', :actionsTotal,
				:requestedBy, :requestedByName)""")
			.param("instanceId", instanceId)
			.param("stepIndex", stepIndex)
			.param("testScriptId", testScriptId)
			.param("scriptKeyword", scriptKeyword)
			.param("serverUrl", serverUrl)
			.param("actionsTotal", actionsTotal)
			.param("requestedBy", requestedBy)
			.param("requestedByName", requestedByName)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/**
	 * Takes the oldest queued run for this node. Rows that another node is taking at the
	 * same moment are skipped rather than waited for, so that nodes never block each
	 * other.
	 */
	@Transactional
	Optional<ScriptRun> claimNext(String node) {
		Optional<Long> next = this.jdbc
			.sql("select id from script_runs where status = 'QUEUED' order by id limit 1 for update skip locked")
			.query(Long.class)
			.optional();
		// The status condition keeps a run from being taken twice even where locks are
		// weaker.
		return next.filter((id) -> this.jdbc.sql("""
				update script_runs set status = 'RUNNING', node = :node, attempts = attempts + 1, actions_finished = 0,
				current_action = null, started_at = current_timestamp, heartbeat_at = current_timestamp
				where id = :id and status = 'QUEUED'""").param("id", id).param("node", node).update() == 1)
			.flatMap(this::find);
	}

	void updateProgress(long id, String node, int actionsFinished, @Nullable String currentAction) {
		this.jdbc.sql("""
				update script_runs set actions_finished = :finished, current_action = :currentAction,
				heartbeat_at = current_timestamp where id = :id and node = :node and status = 'RUNNING'""")
			.param("id", id)
			.param("node", node)
			.param("finished", actionsFinished)
			.param("currentAction",
					(currentAction != null && currentAction.length() > 500) ? currentAction.substring(0, 500)
							: currentAction)
			.update();
	}

	/**
	 * Ends a run this node holds.
	 * @return false when the node no longer holds it (another node took it back)
	 */
	boolean finish(long id, String node, ScriptRunStatus status, String message) {
		return this.jdbc.sql("""
				update script_runs set status = :status, message = :message, current_action = null,
				finished_at = current_timestamp where id = :id and node = :node and status = 'RUNNING'""")
			.param("id", id)
			.param("node", node)
			.param("status", status.name())
			.param("message", (message.length() > 4000) ? message.substring(0, 4000) : message)
			.update() == 1;
	}

	void updateEvidence(long id, long evidenceId) {
		this.jdbc.sql("update script_runs set evidence_id = :evidenceId where id = :id")
			.param("id", id)
			.param("evidenceId", evidenceId)
			.update();
	}

	/** Tells the other nodes that this one still works on its runs. */
	void heartbeat(String node) {
		this.jdbc.sql("""
				update script_runs set heartbeat_at = current_timestamp where node = :node and status = 'RUNNING'""")
			.param("node", node)
			.update();
	}

	/**
	 * Runs whose node has not been heard from for {@code staleAfter} were left by a node
	 * that stopped: they go back to the queue while they have been started fewer than
	 * {@code maximumAttempts} times, and end as errors after that.
	 * @return the instances whose runs were requeued or ended, for their open pages
	 */
	@Transactional
	Set<Long> recoverAbandoned(Duration staleAfter, int maximumAttempts) {
		// The database's clock judges, so that the nodes' clocks need not agree.
		String stale = "status = 'RUNNING'"
				+ " and heartbeat_at < current_timestamp - cast(:staleSeconds as integer) * interval '1' second";
		Map<String, Object> parameters = Map.of("staleSeconds", staleAfter.toSeconds(), "maximumAttempts",
				maximumAttempts);
		Set<Long> instances = new HashSet<>(this.jdbc.sql("select test_instance_id from script_runs where " + stale)
			.param("staleSeconds", staleAfter.toSeconds())
			.query(Long.class)
			.list());
		this.jdbc
			.sql("update script_runs set status = 'ERROR', current_action = null,"
					+ " finished_at = current_timestamp, message = :message where " + stale
					+ " and attempts >= :maximumAttempts")
			.params(parameters)
			.param("message",
					"The node running this script stopped " + maximumAttempts
							+ " times before it ended; run the step again.")
			.update();
		requeue(stale + " and attempts < :maximumAttempts", parameters);
		return instances;
	}

	/**
	 * Puts this node's unfinished runs back in the queue as it stops, for any node to
	 * run.
	 */
	int requeueHeldBy(String node) {
		return requeue("status = 'RUNNING' and node = :node", Map.of("node", node));
	}

	private int requeue(String condition, Map<String, ?> parameters) {
		return this.jdbc
			.sql("update script_runs set status = 'QUEUED', node = null, actions_finished = 0,"
					+ " current_action = null, started_at = null, heartbeat_at = null where " + condition)
			.params(parameters)
			.update();
	}

}
