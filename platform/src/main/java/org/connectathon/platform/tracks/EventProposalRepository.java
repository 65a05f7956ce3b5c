package org.connectathon.platform.tracks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Event proposals with their versions, kept as the JSON their proposers submitted, and
 * the reviewers' decisions.
 */
@Repository
class EventProposalRepository {

	private static final String SELECT_PROPOSAL = """
			select id, name, status, submitted_by, coordinator_user_id, event_id from event_proposals""";

	private final JdbcClient jdbc;

	private final ReviewerNames names;

	private final ProposalHistory<EventProposalForm> history;

	EventProposalRepository(JdbcClient jdbc, ReviewerNames names) {
		this.jdbc = jdbc;
		this.names = names;
		this.history = new ProposalHistory<>(jdbc, names, "event_proposal", EventProposalForm.class);
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
		this.history.insertVersion(id, 1, content, submittedBy);
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
		this.history.insertVersion(id, version, content, submittedBy);
	}

	/**
	 * Records the decision unless another reviewer decided first: answers whether this
	 * one did.
	 */
	boolean decide(long id, int version, long reviewerId, ReviewDecisionForm decision) {
		return this.history.decide(id, version, reviewerId, decision);
	}

	void setEvent(long id, long eventId) {
		this.jdbc.sql("update event_proposals set event_id = :eventId where id = :id")
			.param("id", id)
			.param("eventId", eventId)
			.update();
	}

	private EventProposal proposal(ResultSet row, int rowNumber) throws SQLException {
		long id = row.getLong("id");
		List<ReviewVersion<EventProposalForm>> versions = this.history.versions(id);
		long submittedBy = row.getLong("submitted_by");
		return new EventProposal(id, row.getString("name"), ReviewStatus.valueOf(row.getString("status")), submittedBy,
				this.names.of(submittedBy), row.getLong("coordinator_user_id"), row.getObject("event_id", Long.class),
				versions, this.history.reviews(id), versions.get(versions.size() - 1).content().criteria());
	}

}
