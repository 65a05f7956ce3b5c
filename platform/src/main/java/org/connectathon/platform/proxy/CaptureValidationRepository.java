package org.connectathon.platform.proxy;

import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validation queue of captures, which every node shares through the {@code captures}
 * table: a pending capture is claimed by one node at a time, and taken back by any node
 * once its claim is stale (its node stopped without a word).
 */
@Repository
class CaptureValidationRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batches;

	private final JsonMapper json = JsonMapper.builder().build();

	CaptureValidationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * Claims up to {@code count} of the oldest pending captures that the correlation
	 * looked at, or that waited longer than {@code correlationGrace} for it, and that no
	 * node holds (or whose claim is older than {@code staleAfter}). Rows another node is
	 * claiming at the same moment are skipped rather than waited for.
	 * @return the ids claimed, oldest first
	 */
	@Transactional
	List<Long> claim(int count, Duration correlationGrace, Duration staleAfter) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String claimable = """
				validation_status = 'PENDING' and (validation_claimed_at is null or validation_claimed_at < :staleBefore)
				and (correlated_at is not null or started_at < :correlationCutoff)""";
		MapSqlParameterSource conditions = new MapSqlParameterSource().addValue("now", now)
			.addValue("staleBefore", now.minus(staleAfter))
			.addValue("correlationCutoff", now.minus(correlationGrace))
			.addValue("count", count);
		List<Long> found = this.jdbc
			.sql("select id from captures where " + claimable + " order by id limit :count for update skip locked")
			.paramSource(conditions)
			.query(Long.class)
			.list();
		if (found.isEmpty()) {
			return found;
		}
		// The conditions again keep a capture from being claimed twice where locks are
		// weaker; one round trip for all.
		int[] claimed = this.batches.batchUpdate(
				"update captures set validation_claimed_at = :now where id = :id and " + claimable,
				found.stream()
					.map((id) -> new MapSqlParameterSource(conditions.getValues()).addValue("id", id))
					.toArray(SqlParameterSource[]::new));
		List<Long> ids = new ArrayList<>(found.size());
		for (int index = 0; index < found.size(); index++) {
			if (claimed[index] == 1 || claimed[index] == Statement.SUCCESS_NO_INFO) {
				ids.add(found.get(index));
			}
		}
		return ids;
	}

	/**
	 * Stores the outcomes, each unless another node stored one already, in one
	 * transaction.
	 */
	@Transactional
	void recordAll(Map<Long, CaptureValidation> outcomes) {
		this.batches.batchUpdate("""
				update captures set validation_status = :status, validation_errors = :errors,
				validation_warnings = :warnings, validation_issues = :issues, validation_claimed_at = null
				where id = :id and validation_status = 'PENDING'""",
				outcomes.entrySet()
					.stream()
					.map((outcome) -> new MapSqlParameterSource().addValue("id", outcome.getKey())
						.addValue("status", outcome.getValue().status().name())
						.addValue("errors", outcome.getValue().errors())
						.addValue("warnings", outcome.getValue().warnings())
						.addValue("issues", this.json.writeValueAsString(outcome.getValue().issues())))
					.toArray(SqlParameterSource[]::new));
	}

	/**
	 * Gives back claims this node will not get to (it stops), so that another node or
	 * this one after its restart validates them without waiting for them to go stale.
	 */
	void release(Collection<Long> captureIds) {
		if (!captureIds.isEmpty()) {
			this.jdbc.sql(
					"update captures set validation_claimed_at = null where id in (:ids) and validation_status = 'PENDING'")
				.param("ids", captureIds)
				.update();
		}
	}

}
