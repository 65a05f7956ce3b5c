package org.connectathon.platform.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.connectathon.platform.UpdateOrInsert;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TestScriptRepository {

	private static final String SELECT_SCRIPT = """
			select id, event_id, keyword, title, fhir_version, action_count, file_name, implementation_guides,
			uploaded_by_name, uploaded_at
			from test_scripts""";

	private final JdbcClient jdbc;

	TestScriptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<EventTestScript> findInEvent(long eventId) {
		return this.jdbc.sql(SELECT_SCRIPT + " where event_id = :eventId order by keyword")
			.param("eventId", eventId)
			.query(TestScriptRepository::script)
			.list();
	}

	Optional<EventTestScript> find(long id) {
		return this.jdbc.sql(SELECT_SCRIPT + " where id = :id")
			.param("id", id)
			.query(TestScriptRepository::script)
			.optional();
	}

	Optional<EventTestScript> findByKeyword(long eventId, String keyword) {
		return this.jdbc.sql(SELECT_SCRIPT + " where event_id = :eventId and keyword = :keyword")
			.param("eventId", eventId)
			.param("keyword", keyword)
			.query(TestScriptRepository::script)
			.optional();
	}

	private static EventTestScript script(ResultSet row, int number) throws SQLException {
		String guides = row.getString("implementation_guides");
		return new EventTestScript(row.getLong("id"), row.getLong("event_id"), row.getString("keyword"),
				row.getString("title"), row.getString("fhir_version"), row.getInt("action_count"),
				row.getString("file_name"), guides.isEmpty() ? List.of() : List.of(guides.split(",")),
				row.getString("uploaded_by_name"), row.getObject("uploaded_at", OffsetDateTime.class));
	}

	Optional<byte[]> findContent(long id) {
		return this.jdbc.sql("select content from test_scripts where id = :id")
			.param("id", id)
			.query((row, number) -> row.getBytes("content"))
			.optional();
	}

	/**
	 * Replaces the script with the same keyword in place, so that runs keep pointing at
	 * it; else adds it.
	 */
	void save(long eventId, String keyword, String title, String fhirVersion, int actionCount, String fileName,
			List<String> implementationGuides, byte[] content, String uploadedByName) {
		UpdateOrInsert.save(this.jdbc, """
				update test_scripts set title = :title, fhir_version = :fhirVersion, action_count = :actionCount,
				file_name = :fileName, implementation_guides = :implementationGuides, content = :content,
				uploaded_by_name = :uploadedByName,
				uploaded_at = current_timestamp
				where event_id = :eventId and keyword = :keyword""", """
				insert into test_scripts (event_id, keyword, title, fhir_version, action_count, file_name,
				implementation_guides, content, uploaded_by_name)
				values (:eventId, :keyword, :title, :fhirVersion, :actionCount, :fileName, :implementationGuides,
				:content, :uploadedByName)""",
				new MapSqlParameterSource().addValue("eventId", eventId)
					.addValue("keyword", keyword)
					.addValue("title", title)
					.addValue("fhirVersion", fhirVersion)
					.addValue("actionCount", actionCount)
					.addValue("fileName", fileName)
					.addValue("implementationGuides", String.join(",", implementationGuides))
					.addValue("content", content)
					.addValue("uploadedByName", uploadedByName));
	}

	int delete(long id) {
		return this.jdbc.sql("delete from test_scripts where id = :id").param("id", id).update();
	}

}
