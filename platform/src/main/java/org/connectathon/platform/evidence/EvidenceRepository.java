package org.connectathon.platform.evidence;

import java.util.List;
import java.util.Optional;

import org.connectathon.platform.RecordRowMapper;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class EvidenceRepository {

	private final JdbcClient jdbc;

	EvidenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The instance's evidence without its content, oldest first. */
	List<Evidence> findOfInstance(long instanceId) {
		return this.jdbc.sql("""
				select id, test_instance_id, step_index, kind, text, url, file_name, content_type, size_bytes,
				added_by_name, added_at from evidence where test_instance_id = :instanceId order by id""")
			.param("instanceId", instanceId)
			.query(RecordRowMapper.of(Evidence.class))
			.list();
	}

	Optional<Evidence> find(long id) {
		return this.jdbc.sql("""
				select id, test_instance_id, step_index, kind, text, url, file_name, content_type, size_bytes,
				added_by_name, added_at from evidence where id = :id""")
			.param("id", id)
			.query(RecordRowMapper.of(Evidence.class))
			.optional();
	}

	Optional<EvidenceContent> findContent(long id) {
		return this.jdbc
			.sql("select file_name, content_type, content from evidence where id = :id and content is not null")
			.param("id", id)
			.query((row, number) -> new EvidenceContent(row.getString("file_name"), row.getString("content_type"),
					row.getBytes("content")))
			.optional();
	}

	long insert(long instanceId, @Nullable Integer stepIndex, EvidenceKind kind, @Nullable String text,
			@Nullable String url, @Nullable String fileName, @Nullable String contentType, byte @Nullable [] content,
			long addedBy, String addedByName) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into evidence (test_instance_id, step_index, kind, text, url, file_name, content_type, content,
				size_bytes, added_by, added_by_name)
				values (:instanceId, :stepIndex, :kind, :text, :url, :fileName, :contentType, :content, :size,
				:addedBy, :addedByName)""")
			.param("instanceId", instanceId)
			.param("stepIndex", stepIndex)
			.param("kind", kind.name())
			.param("text", text)
			.param("url", url)
			.param("fileName", fileName)
			.param("contentType", contentType)
			.param("content", content)
			.param("size", (content != null) ? (long) content.length : null)
			.param("addedBy", addedBy)
			.param("addedByName", addedByName)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

}
