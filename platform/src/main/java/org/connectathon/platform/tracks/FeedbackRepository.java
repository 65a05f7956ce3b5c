package org.connectathon.platform.tracks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Comments on the specification and their triage. */
@Repository
class FeedbackRepository {

	private static final String SELECT_FEEDBACK = """
			select f.id, f.track_id, f.scenario_id, s.keyword as scenario_keyword, f.artifact, f.element_path,
			f.feedback_type, f.summary, f.description, u.display_name as submitter, f.submitted_at, f.triage,
			f.triage_note, t.display_name as triaged_by, f.triaged_at
			from track_feedback f
			join track_scenarios s on s.id = f.scenario_id
			join users u on u.id = f.submitted_by
			left join users t on t.id = f.triaged_by""";

	private final JdbcClient jdbc;

	FeedbackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long trackId, long scenarioId, FeedbackForm form, long userId) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into track_feedback (track_id, scenario_id, artifact, element_path, feedback_type, summary,
				description, submitted_by)
				values (:trackId, :scenarioId, :artifact, :elementPath, :type, :summary, :description, :userId)""")
			.param("trackId", trackId)
			.param("scenarioId", scenarioId)
			.param("artifact", blankAsNull(form.artifact()))
			.param("elementPath", blankAsNull(form.elementPath()))
			.param("type", form.type().name())
			.param("summary", form.summary().strip())
			.param("description", form.description().strip())
			.param("userId", userId)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void triage(long feedbackId, FeedbackTriageForm form, long userId) {
		this.jdbc.sql("""
				update track_feedback set triage = :triage, triage_note = :note, triaged_by = :userId,
				triaged_at = :now where id = :id""")
			.param("id", feedbackId)
			.param("triage", form.triage().name())
			.param("note", blankAsNull(form.note()))
			.param("userId", userId)
			.param("now", OffsetDateTime.now())
			.update();
	}

	List<Feedback> findByTrack(long trackId) {
		return this.jdbc.sql(SELECT_FEEDBACK + " where f.track_id = :trackId order by f.id")
			.param("trackId", trackId)
			.query(this::feedback)
			.list();
	}

	Optional<Feedback> find(long feedbackId) {
		return this.jdbc.sql(SELECT_FEEDBACK + " where f.id = :id")
			.param("id", feedbackId)
			.query(this::feedback)
			.optional();
	}

	private Feedback feedback(ResultSet row, int rowNumber) throws SQLException {
		String triage = row.getString("triage");
		return new Feedback(row.getLong("id"), row.getLong("track_id"), row.getLong("scenario_id"),
				row.getString("scenario_keyword"), row.getString("artifact"), row.getString("element_path"),
				FeedbackType.valueOf(row.getString("feedback_type")), row.getString("summary"),
				row.getString("description"), row.getString("submitter"),
				row.getObject("submitted_at", OffsetDateTime.class),
				(triage != null) ? FeedbackTriage.valueOf(triage) : null, row.getString("triage_note"),
				row.getString("triaged_by"), row.getObject("triaged_at", OffsetDateTime.class));
	}

	private static @Nullable String blankAsNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
