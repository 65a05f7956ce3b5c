package org.connectathon.platform.tracks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Approved tracks with their leads, roles and scenarios. */
@Repository
class TrackRepository {

	private static final String SELECT_TRACK = """
			select id, event_id, profile_id, name, work_group, description, specification_package,
			specification_version, fhir_version, chat_link, success_criteria
			from tracks""";

	private final JdbcClient jdbc;

	TrackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Track> find(long trackId) {
		return this.jdbc.sql(SELECT_TRACK + " where id = :id").param("id", trackId).query(this::track).optional();
	}

	List<Track> findByEvent(long eventId) {
		return this.jdbc.sql(SELECT_TRACK + " where event_id = :eventId order by name")
			.param("eventId", eventId)
			.query(this::track)
			.list();
	}

	/** Inserts a track without leads, roles or scenarios, which are added one by one. */
	long insert(long eventId, long profileId, String name, String workGroup, String description,
			Track.Specification specification, String chatLink, String successCriteria) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into tracks (event_id, profile_id, name, work_group, description, specification_package,
				specification_version, fhir_version, chat_link, success_criteria)
				values (:eventId, :profileId, :name, :workGroup, :description, :specificationPackage,
				:specificationVersion, :fhirVersion, :chatLink, :successCriteria)""")
			.param("eventId", eventId)
			.param("profileId", profileId)
			.param("name", name)
			.param("workGroup", workGroup)
			.param("description", description)
			.param("specificationPackage", specification.packageName())
			.param("specificationVersion", specification.version())
			.param("fhirVersion", specification.fhirVersion())
			.param("chatLink", chatLink)
			.param("successCriteria", successCriteria)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void insertLead(long trackId, long userId) {
		this.jdbc.sql("insert into track_leads (track_id, user_id) values (:trackId, :userId)")
			.param("trackId", trackId)
			.param("userId", userId)
			.update();
	}

	long insertRole(long trackId, long actorId, String keyword, String name, String description) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into track_roles (track_id, actor_id, keyword, name, description)
				values (:trackId, :actorId, :keyword, :name, :description)""")
			.param("trackId", trackId)
			.param("actorId", actorId)
			.param("keyword", keyword)
			.param("name", name)
			.param("description", description)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	long insertScenario(long trackId, Long testId, int position, String keyword, String action, String precondition,
			String successCriteria, String bonusPoint, String steps) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into track_scenarios (track_id, test_id, position, keyword, action, precondition,
				success_criteria, bonus_point, steps)
				values (:trackId, :testId, :position, :keyword, :action, :precondition, :successCriteria,
				:bonusPoint, :steps)""")
			.param("trackId", trackId)
			.param("testId", testId)
			.param("position", position)
			.param("keyword", keyword)
			.param("action", action)
			.param("precondition", precondition)
			.param("successCriteria", successCriteria)
			.param("bonusPoint", bonusPoint)
			.param("steps", steps)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/** The display names of the track's leads, ordered as {@link Track#leadUserIds()}. */
	List<String> leadNames(long trackId) {
		return this.jdbc.sql("""
				select u.display_name from track_leads l join users u on u.id = l.user_id
				where l.track_id = :trackId order by l.user_id""").param("trackId", trackId).query(String.class).list();
	}

	/** Changes what a track's leads may change once it is approved. */
	void updateDetails(long trackId, TrackForm form) {
		this.jdbc.sql("""
				update tracks set description = :description, chat_link = :chatLink,
				success_criteria = :successCriteria where id = :id""")
			.param("id", trackId)
			.param("description", form.description())
			.param("chatLink", form.chatLink())
			.param("successCriteria", form.successCriteria())
			.update();
	}

	private Track track(ResultSet row, int rowNumber) throws SQLException {
		long id = row.getLong("id");
		return new Track(id, row.getLong("event_id"), row.getLong("profile_id"), row.getString("name"),
				row.getString("work_group"), row.getString("description"),
				new Track.Specification(row.getString("specification_package"), row.getString("specification_version"),
						row.getString("fhir_version")),
				row.getString("chat_link"), row.getString("success_criteria"), leads(id), roles(id), scenarios(id));
	}

	private List<Long> leads(long trackId) {
		return this.jdbc.sql("select user_id from track_leads where track_id = :trackId order by user_id")
			.param("trackId", trackId)
			.query(Long.class)
			.list();
	}

	private List<Track.Role> roles(long trackId) {
		return this.jdbc.sql(
				"select id, actor_id, keyword, name, description from track_roles where track_id = :trackId order by id")
			.param("trackId", trackId)
			.query((row, rowNumber) -> new Track.Role(row.getLong("id"), row.getLong("actor_id"),
					row.getString("keyword"), row.getString("name"), row.getString("description")))
			.list();
	}

	private List<Track.Scenario> scenarios(long trackId) {
		return this.jdbc.sql("""
				select id, test_id, position, keyword, action, precondition, success_criteria, bonus_point, steps
				from track_scenarios where track_id = :trackId order by position""")
			.param("trackId", trackId)
			.query((row, rowNumber) -> new Track.Scenario(row.getLong("id"), row.getObject("test_id", Long.class),
					row.getInt("position"), row.getString("keyword"), row.getString("action"),
					row.getString("precondition"), row.getString("success_criteria"), row.getString("bonus_point"),
					row.getString("steps")))
			.list();
	}

}
