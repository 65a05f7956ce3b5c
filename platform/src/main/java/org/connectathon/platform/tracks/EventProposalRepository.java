package org.connectathon.platform.tracks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event proposals with their versions, kept as the JSON their proposers submitted, and
 * the reviewers' decisions.
 */
@Repository
class EventProposalRepository {

	private static final String SELECT_PROPOSAL = """
			select id, name, status, submitted_by, coordinator_user_id, event_id from event_proposals""";

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ReviewerNames names;

	EventProposalRepository(JdbcClient jdbc, ReviewerNames names) {
		this.jdbc = jdbc;
		this.names = names;
	}

	Optional<EventProposal> find(long id) {
		return this.jdbc.sql(SELECT_PROPOSAL + " where id = :id").param("id", id).query(this::proposal).optional();
	}

	/** Every proposal, or the ones the user submitted or coordinates; newest first. */
	List<EventProposal> findAll(boolean everyone, long userId) {
		return this.jdbc
			.sql(SELECT_PROPOSAL + (everyone ? "" : " where submitted_by = :userId or coordinator_user_id = :userId")
					+ " order by id desc")
			.param("userId", userId)
			.query(this::proposal)
			.list();
	}

	long insert(EventProposalForm content, long submittedBy, long coordinatorUserId) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into event_proposals (submitted_by, coordinator_user_id, name, status)
				values (:submittedBy, :coordinator, :name, 'SUBMITTED')""")
			.param("submittedBy", submittedBy)
			.param("coordinator", coordinatorUserId)
			.param("name", content.name().strip())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		insertVersion(id, 1, content, submittedBy);
		return id;
	}

	void revise(long id, int version, EventProposalForm content, long submittedBy, long coordinatorUserId) {
		this.jdbc.sql("""
				update event_proposals set name = :name, coordinator_user_id = :coordinator, status = 'SUBMITTED'
				where id = :id""")
			.param("id", id)
			.param("name", content.name().strip())
			.param("coordinator", coordinatorUserId)
			.update();
		insertVersion(id, version, content, submittedBy);
	}

	/**
	 * Records the decision unless another reviewer decided first: answers whether this
	 * one did.
	 */
	boolean decide(long id, int version, long reviewerId, ReviewDecisionForm decision) {
		int changed = this.jdbc
			.sql("update event_proposals set status = :status where id = :id and status = 'SUBMITTED'")
			.param("id", id)
			.param("status", decision.decision().status().name())
			.update();
		if (changed == 0) {
			return false;
		}
		this.jdbc.sql("""
				insert into event_proposal_reviews (proposal_id, version, reviewer_id, decision, comment)
				values (:id, :version, :reviewerId, :decision, :comment)""")
			.param("id", id)
			.param("version", version)
			.param("reviewerId", reviewerId)
			.param("decision", decision.decision().name())
			.param("comment", decision.comment())
			.update();
		return true;
	}

	void setEvent(long id, long eventId) {
		this.jdbc.sql("update event_proposals set event_id = :eventId where id = :id")
			.param("id", id)
			.param("eventId", eventId)
			.update();
	}

	private void insertVersion(long id, int version, EventProposalForm content, long submittedBy) {
		this.jdbc.sql("""
				insert into event_proposal_versions (proposal_id, version, content, submitted_by)
				values (:id, :version, :content, :submittedBy)""")
			.param("id", id)
			.param("version", version)
			.param("content", this.json.writeValueAsString(content))
			.param("submittedBy", submittedBy)
			.update();
	}

	private EventProposal proposal(ResultSet row, int rowNumber) throws SQLException {
		long id = row.getLong("id");
		List<ReviewVersion<EventProposalForm>> versions = versions(id);
		long submittedBy = row.getLong("submitted_by");
		return new EventProposal(id, row.getString("name"), ReviewStatus.valueOf(row.getString("status")), submittedBy,
				this.names.of(submittedBy), row.getLong("coordinator_user_id"), row.getObject("event_id", Long.class),
				versions, reviews(id), versions.get(versions.size() - 1).content().criteria());
	}

	private List<ReviewVersion<EventProposalForm>> versions(long id) {
		return this.jdbc.sql("""
				select version, content, submitted_by, submitted_at from event_proposal_versions
				where proposal_id = :id order by version""")
			.param("id", id)
			.query((row, rowNumber) -> new ReviewVersion<>(row.getInt("version"),
					this.json.readValue(row.getString("content"), EventProposalForm.class),
					this.names.of(row.getLong("submitted_by")), row.getObject("submitted_at", OffsetDateTime.class)))
			.list();
	}

	private List<Review> reviews(long id) {
		return this.jdbc.sql("""
				select version, reviewer_id, decision, comment, decided_at from event_proposal_reviews
				where proposal_id = :id order by id""")
			.param("id", id)
			.query((row, rowNumber) -> new Review(row.getInt("version"), this.names.of(row.getLong("reviewer_id")),
					ReviewDecision.valueOf(row.getString("decision")), row.getString("comment"),
					row.getObject("decided_at", OffsetDateTime.class)))
			.list();
	}

}
