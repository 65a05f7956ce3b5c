package org.connectathon.platform.automation;

import java.util.List;
import java.util.Optional;

import org.connectathon.platform.RecordRowMapper;
import org.connectathon.platform.UpdateOrInsert;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TestScriptRepository {

	private static final String SELECT_SCRIPT = """
			select id, event_id, keyword, title, fhir_version, action_count, file_name, uploaded_by_name, uploaded_at
			from test_scripts""";

	private final JdbcClient jdbc;

	TestScriptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<EventTestScript> findInEvent(long eventId) {
		return this.jdbc.sql(SELECT_SCRIPT + " where event_id = :eventId order by keyword")
			.param("eventId", eventId)
			.query(RecordRowMapper.of(EventTestScript.class))
			.list();
	}

	Optional<EventTestScript> find(long id) {
		return this.jdbc.sql(SELECT_SCRIPT + " where id = :id")
			.param("id", id)
			.query(RecordRowMapper.of(EventTestScript.class))
			.optional();
	}

	Optional<EventTestScript> findByKeyword(long eventId, String keyword) {
		return this.jdbc.sql(SELECT_SCRIPT + " where event_id = :eventId and keyword = :keyword")
			.param("eventId", eventId)
			.param("keyword", keyword)
			.query(RecordRowMapper.of(EventTestScript.class))
			.optional();
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
			byte[] content, String uploadedByName) {
		UpdateOrInsert.save(this.jdbc, """
				update test_scripts set title = :title, fhir_version = :fhirVersion, action_count = :actionCount,
				file_name = :fileName, content = :content, uploaded_by_name = :uploadedByName,
				uploaded_at = current_timestamp
				where event_id = :eventId and keyword = :keyword""",
				"""
						insert into test_scripts (event_id, keyword, title, fhir_version, action_count, file_name, content,
						uploaded_by_name)
						values (:eventId, :keyword, :title, :fhirVersion, :actionCount, :fileName, :content, :uploadedByName)""",
				new MapSqlParameterSource().addValue("eventId", eventId)
					.addValue("keyword", keyword)
					.addValue("title", title)
					.addValue("fhirVersion", fhirVersion)
					.addValue("actionCount", actionCount)
					.addValue("fileName", fileName)
					.addValue("content", content)
					.addValue("uploadedByName", uploadedByName));
	}

	int delete(long id) {
		return this.jdbc.sql("delete from test_scripts where id = :id").param("id", id).update();
	}

}
