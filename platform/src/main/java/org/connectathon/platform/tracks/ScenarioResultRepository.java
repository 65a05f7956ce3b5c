package org.connectathon.platform.tracks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Scenario results, never changed once recorded. */
@Repository
class ScenarioResultRepository {

	private static final String SELECT_RESULT = """
			select r.id, r.track_id, r.scenario_id, s.keyword as scenario_keyword, r.client_system_id,
			c.name as client_name, r.server_system_id, v.name as server_name, r.result, r.comment, r.links,
			u.display_name as recorded_by, r.recorded_at
			from track_scenario_results r
			join track_scenarios s on s.id = r.scenario_id
			join systems c on c.id = r.client_system_id
			join systems v on v.id = r.server_system_id
			join users u on u.id = r.recorded_by""";

	private final JdbcClient jdbc;

	ScenarioResultRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long trackId, long scenarioId, ScenarioResultForm form, long userId) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		List<String> links = form.linkList();
		this.jdbc.sql("""
				insert into track_scenario_results (track_id, scenario_id, client_system_id, server_system_id,
				result, comment, links, recorded_by)
				values (:trackId, :scenarioId, :clientSystemId, :serverSystemId, :result, :comment, :links, :userId)""")
			.param("trackId", trackId)
			.param("scenarioId", scenarioId)
			.param("clientSystemId", form.clientSystemId())
			.param("serverSystemId", form.serverSystemId())
			.param("result", form.result().name())
			.param("comment", (form.comment() == null || form.comment().isBlank()) ? null : form.comment().strip())
			.param("links", links.isEmpty() ? null : String.join("\n", links))
			.param("userId", userId)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/** Every result of the track, oldest first. */
	List<ScenarioResult> findByTrack(long trackId) {
		return this.jdbc.sql(SELECT_RESULT + " where r.track_id = :trackId order by r.id")
			.param("trackId", trackId)
			.query(this::result)
			.list();
	}

	ScenarioResult find(long id) {
		return this.jdbc.sql(SELECT_RESULT + " where r.id = :id").param("id", id).query(this::result).single();
	}

	private ScenarioResult result(ResultSet row, int rowNumber) throws SQLException {
		String links = row.getString("links");
		return new ScenarioResult(row.getLong("id"), row.getLong("track_id"), row.getLong("scenario_id"),
				row.getString("scenario_keyword"), row.getLong("client_system_id"), row.getString("client_name"),
				row.getLong("server_system_id"), row.getString("server_name"),
				ScenarioResultOutcome.valueOf(row.getString("result")), row.getString("comment"),
				(links != null) ? Arrays.asList(links.split("\n")) : List.of(), row.getString("recorded_by"),
				row.getObject("recorded_at", OffsetDateTime.class));
	}

}
