package org.connectathon.platform.tracks;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versions and the reviews of one kind of proposal, which event and track proposals
 * keep alike: each kind has its proposals table ({@code event_proposals}) with a status,
 * and tables of the same shape for its versions ({@code event_proposal_versions}, the
 * content as the JSON its proposer submitted) and its reviewers' decisions
 * ({@code event_proposal_reviews}).
 *
 * @param <F> the form a version's content is
 */
final class ProposalHistory<F> {

	private final JdbcClient jdbc;

	private final ReviewerNames names;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String kind;

	private final Class<F> contentType;

	/**
	 * @param kind the tables' common stem, a constant: {@code event_proposal} or
	 * {@code track_proposal}
	 */
	ProposalHistory(JdbcClient jdbc, ReviewerNames names, String kind, Class<F> contentType) {
		this.jdbc = jdbc;
		this.names = names;
		this.kind = kind;
		this.contentType = contentType;
	}

	void insertVersion(long id, int version, F content, long submittedBy) {
		this.jdbc
			.sql("insert into " + this.kind + "_versions (proposal_id, version, content, submitted_by)"
					+ " values (:id, :version, :content, :submittedBy)")
			.param("id", id)
			.param("version", version)
			.param("content", this.json.writeValueAsString(content))
			.param("submittedBy", submittedBy)
			.update();
	}

	/**
	 * Records the decision unless another reviewer decided first: answers whether this
	 * one did.
	 */
	boolean decide(long id, int version, long reviewerId, ReviewDecisionForm decision) {
		int changed = this.jdbc
			.sql("update " + this.kind + "s set status = :status where id = :id and status = 'SUBMITTED'")
			.param("id", id)
			.param("status", decision.decision().status().name())
			.update();
		if (changed == 0) {
			return false;
		}
		this.jdbc
			.sql("insert into " + this.kind + "_reviews (proposal_id, version, reviewer_id, decision, comment)"
					+ " values (:id, :version, :reviewerId, :decision, :comment)")
			.param("id", id)
			.param("version", version)
			.param("reviewerId", reviewerId)
			.param("decision", decision.decision().name())
			.param("comment", decision.comment())
			.update();
		return true;
	}

	List<ReviewVersion<F>> versions(long id) {
		return this.jdbc
			.sql("select version, content, submitted_by, submitted_at from " + this.kind + "_versions"
					+ " where proposal_id = :id order by version")
			.param("id", id)
			.query((row, rowNumber) -> new ReviewVersion<>(row.getInt("version"),
					this.json.readValue(row.getString("content"), this.contentType),
					this.names.of(row.getLong("submitted_by")), row.getObject("submitted_at", OffsetDateTime.class)))
			.list();
	}

	List<Review> reviews(long id) {
		return this.jdbc
			.sql("select version, reviewer_id, decision, comment, decided_at from " + this.kind + "_reviews"
					+ " where proposal_id = :id order by id")
			.param("id", id)
			.query((row, rowNumber) -> new Review(row.getInt("version"), this.names.of(row.getLong("reviewer_id")),
					ReviewDecision.valueOf(row.getString("decision")), row.getString("comment"),
					row.getObject("decided_at", OffsetDateTime.class)))
			.list();
	}

}
