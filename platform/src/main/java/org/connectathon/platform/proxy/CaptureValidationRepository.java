package org.connectathon.platform.proxy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

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

	private final JsonMapper json = JsonMapper.builder().build();

	CaptureValidationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the oldest pending capture that the correlation looked at, or that waited
	 * longer than {@code correlationGrace} for it, and that no node holds (or whose claim
	 * is older than {@code staleAfter}). Rows another node is claiming at the same moment
	 * are skipped rather than waited for.
	 */
	@Transactional
	Optional<Long> claimNext(Duration correlationGrace, Duration staleAfter) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String claimable = """
				validation_status = 'PENDING' and (validation_claimed_at is null or validation_claimed_at < :staleBefore)
				and (correlated_at is not null or started_at < :correlationCutoff)""";
		Optional<Long> next = this.jdbc
			.sql("select id from captures where " + claimable + " order by id limit 1 for update skip locked")
			.param("staleBefore", now.minus(staleAfter))
			.param("correlationCutoff", now.minus(correlationGrace))
			.query(Long.class)
			.optional();
		// The conditions again keep a capture from being claimed twice where locks are
		// weaker.
		return next.filter((
				id) -> this.jdbc.sql("update captures set validation_claimed_at = :now where id = :id and " + claimable)
					.param("id", id)
					.param("now", now)
					.param("staleBefore", now.minus(staleAfter))
					.param("correlationCutoff", now.minus(correlationGrace))
					.update() == 1);
	}

	/** Stores the outcome, unless another node stored one already. */
	void record(long captureId, CaptureValidation outcome) {
		this.jdbc.sql("""
				update captures set validation_status = :status, validation_errors = :errors,
				validation_warnings = :warnings, validation_issues = :issues, validation_claimed_at = null
				where id = :id and validation_status = 'PENDING'""")
			.param("id", captureId)
			.param("status", outcome.status().name())
			.param("errors", outcome.errors())
			.param("warnings", outcome.warnings())
			.param("issues", this.json.writeValueAsString(outcome.issues()))
			.update();
	}

	/** The issues that the validation of the capture found, empty before it ran. */

}
