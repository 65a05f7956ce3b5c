package org.connectathon.platform.tracks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Track proposals with their leads, their versions, kept as the JSON their leads
 * submitted, the reviewers' decisions, and the events' proposal windows.
 */
@Repository
class TrackProposalRepository {

	private static final String SELECT_PROPOSAL = """
			select id, event_id, name, status, submitted_by, track_id from track_proposals""";

	private final JdbcClient jdbc;

	private final ReviewerNames names;

	private final ProposalHistory<TrackProposalForm> history;

	TrackProposalRepository(JdbcClient jdbc, ReviewerNames names) {
		this.jdbc = jdbc;
		this.names = names;
		this.history = new ProposalHistory<>(jdbc, names, "track_proposal", TrackProposalForm.class);
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
		return this.history.decide(id, version, reviewerId, decision);
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
		this.history.insertVersion(id, version, content, submittedBy);
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
		List<ReviewVersion<TrackProposalForm>> versions = this.history.versions(id);
		long submittedBy = row.getLong("submitted_by");
		return new TrackProposal(id, row.getLong("event_id"), row.getString("name"),
				ReviewStatus.valueOf(row.getString("status")), submittedBy, this.names.of(submittedBy), leads(id),
				row.getObject("track_id", Long.class), versions, this.history.reviews(id),
				versions.get(versions.size() - 1).content().criteria());
	}

	private List<Long> leads(long id) {
		return this.jdbc.sql("select user_id from track_proposal_leads where proposal_id = :id order by user_id")
			.param("id", id)
			.query(Long.class)
			.list();
	}

}
