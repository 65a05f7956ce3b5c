package org.connectathon.platform.tracks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Track proposals with their leads, their versions, kept as the JSON their leads
 * submitted, the reviewers' decisions, and the events' proposal windows.
 */
@Repository
class TrackProposalRepository {

	private static final String SELECT_PROPOSAL = """
			select id, event_id, name, status, submitted_by, track_id from track_proposals""";

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ReviewerNames names;

	TrackProposalRepository(JdbcClient jdbc, ReviewerNames names) {
		this.jdbc = jdbc;
		this.names = names;
	}

	Optional<TrackProposal> find(long id) {
		return this.jdbc.sql(SELECT_PROPOSAL + " where id = :id").param("id", id).query(this::proposal).optional();
	}

	/**
	 * The proposals of an event (of every event when none is given): all of them, or the
	 * ones the user submitted or leads; newest first.
	 */
	List<TrackProposal> findAll(Long eventId, boolean everyone, long userId) {
		String condition = (eventId != null) ? "event_id = :eventId" : "1 = 1";
		if (!everyone) {
			condition += " and (submitted_by = :userId or id in"
					+ " (select proposal_id from track_proposal_leads where user_id = :userId))";
		}
		return this.jdbc.sql(SELECT_PROPOSAL + " where " + condition + " order by id desc")
			.param("eventId", eventId)
			.param("userId", userId)
			.query(this::proposal)
			.list();
	}

	long insert(long eventId, TrackProposalForm content, long submittedBy, List<Long> leadUserIds) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into track_proposals (event_id, submitted_by, name, status)
				values (:eventId, :submittedBy, :name, 'SUBMITTED')""")
			.param("eventId", eventId)
			.param("submittedBy", submittedBy)
			.param("name", content.name().strip())
			.update(key, "id");
		long id = key.getKeyAs(Long.class);
		insertVersion(id, 1, content, submittedBy, leadUserIds);
		return id;
	}

	void revise(long id, int version, TrackProposalForm content, long submittedBy, List<Long> leadUserIds) {
		this.jdbc.sql("update track_proposals set name = :name, status = 'SUBMITTED' where id = :id")
			.param("id", id)
			.param("name", content.name().strip())
			.update();
		insertVersion(id, version, content, submittedBy, leadUserIds);
	}

	/**
	 * Records the decision unless another reviewer decided first: answers whether this
	 * one did.
	 */
	boolean decide(long id, int version, long reviewerId, ReviewDecisionForm decision) {
		int changed = this.jdbc
			.sql("update track_proposals set status = :status where id = :id and status = 'SUBMITTED'")
			.param("id", id)
			.param("status", decision.decision().status().name())
			.update();
		if (changed == 0) {
			return false;
		}
		this.jdbc.sql("""
				insert into track_proposal_reviews (proposal_id, version, reviewer_id, decision, comment)
				values (:id, :version, :reviewerId, :decision, :comment)""")
			.param("id", id)
			.param("version", version)
			.param("reviewerId", reviewerId)
			.param("decision", decision.decision().name())
			.param("comment", decision.comment())
			.update();
		return true;
	}

	void setTrack(long id, long trackId) {
		this.jdbc.sql("update track_proposals set track_id = :trackId where id = :id")
			.param("id", id)
			.param("trackId", trackId)
			.update();
	}

	Optional<TrackProposalWindow> findWindow(long eventId) {
		return this.jdbc.sql("select opens_on, closes_on from track_proposal_windows where event_id = :eventId")
			.param("eventId", eventId)
			.query((row, rowNumber) -> new TrackProposalWindow(row.getObject("opens_on", LocalDate.class),
					row.getObject("closes_on", LocalDate.class)))
			.optional();
	}

	void saveWindow(long eventId, TrackProposalWindow window) {
		this.jdbc.sql("delete from track_proposal_windows where event_id = :eventId")
			.param("eventId", eventId)
			.update();
		this.jdbc.sql("""
				insert into track_proposal_windows (event_id, opens_on, closes_on)
				values (:eventId, :opensOn, :closesOn)""")
			.param("eventId", eventId)
			.param("opensOn", window.opensOn())
			.param("closesOn", window.closesOn())
			.update();
	}

	private void insertVersion(long id, int version, TrackProposalForm content, long submittedBy,
			List<Long> leadUserIds) {
		this.jdbc.sql("""
				insert into track_proposal_versions (proposal_id, version, content, submitted_by)
				values (:id, :version, :content, :submittedBy)""")
			.param("id", id)
			.param("version", version)
			.param("content", this.json.writeValueAsString(content))
			.param("submittedBy", submittedBy)
			.update();
		this.jdbc.sql("delete from track_proposal_leads where proposal_id = :id").param("id", id).update();
		for (long lead : leadUserIds) {
			this.jdbc.sql("insert into track_proposal_leads (proposal_id, user_id) values (:id, :userId)")
				.param("id", id)
				.param("userId", lead)
				.update();
		}
	}

	private TrackProposal proposal(ResultSet row, int rowNumber) throws SQLException {
		long id = row.getLong("id");
		List<ReviewVersion<TrackProposalForm>> versions = versions(id);
		long submittedBy = row.getLong("submitted_by");
		return new TrackProposal(id, row.getLong("event_id"), row.getString("name"),
				ReviewStatus.valueOf(row.getString("status")), submittedBy, this.names.of(submittedBy), leads(id),
				row.getObject("track_id", Long.class), versions, reviews(id),
				versions.get(versions.size() - 1).content().criteria());
	}

	private List<Long> leads(long id) {
		return this.jdbc.sql("select user_id from track_proposal_leads where proposal_id = :id order by user_id")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	private List<ReviewVersion<TrackProposalForm>> versions(long id) {
		return this.jdbc.sql("""
				select version, content, submitted_by, submitted_at from track_proposal_versions
				where proposal_id = :id order by version""")
			.param("id", id)
			.query((row, rowNumber) -> new ReviewVersion<>(row.getInt("version"),
					this.json.readValue(row.getString("content"), TrackProposalForm.class),
					this.names.of(row.getLong("submitted_by")), row.getObject("submitted_at", OffsetDateTime.class)))
			.list();
	}

	private List<Review> reviews(long id) {
		return this.jdbc.sql("""
				select version, reviewer_id, decision, comment, decided_at from track_proposal_reviews
				where proposal_id = :id order by id""")
			.param("id", id)
			.query((row, rowNumber) -> new Review(row.getInt("version"), this.names.of(row.getLong("reviewer_id")),
					ReviewDecision.valueOf(row.getString("decision")), row.getString("comment"),
					row.getObject("decided_at", OffsetDateTime.class)))
			.list();
	}

}
