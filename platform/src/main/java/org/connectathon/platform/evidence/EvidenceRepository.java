package org.connectathon.platform.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.connectathon.platform.ListPage;
import org.connectathon.platform.RecordRowMapper;
import org.connectathon.platform.testing.InstanceConditions;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class EvidenceRepository {

	/**
	 * The columns the event's evidence list sorts by, by their names in the address, and
	 * their expressions in SQL: the allow-list that keeps the address out of the SQL.
	 */
	static final Map<String, String> SORT_COLUMNS = sortColumns();

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

	/**
	 * One page of the event's evidence that passes the filter and that its reader may
	 * see, without content. It reads the tables of testing, registration and monitoring,
	 * as the capture lists do, so that the filters and the visibility apply in SQL to an
	 * event with tens of thousands of instances.
	 */
	ListPage<ListedEvidence> findPage(long eventId, EvidenceFilter filter, int number, int size) {
		Map<String, Object> parameters = new HashMap<>();
		String from = " from evidence e join test_instances i on i.id = e.test_instance_id"
				+ " join tests t on t.id = i.test_id" + where(eventId, filter, parameters);
		int total = this.jdbc.sql("select count(*)" + from).params(parameters).query(Integer.class).single();
		List<ListedEvidence> page = this.jdbc
			.sql("""
					select e.id, e.test_instance_id, t.keyword as test_keyword, t.name as test_name,
					i.status as instance_status, e.step_index, e.kind, e.text, e.url, e.file_name, e.content_type,
					e.size_bytes, e.added_by_name, e.added_at""" + from + " order by "
					+ filter.sort().orderBy(SORT_COLUMNS, "e.id desc") + " limit :limit offset :offset")
			.params(parameters)
			.param("limit", size)
			.param("offset", ListPage.offset(number, size))
			.query(RecordRowMapper.of(ListedEvidence.class))
			.list();
		return new ListPage<>(page, number, size, total);
	}

	private static String where(long eventId, EvidenceFilter filter, Map<String, Object> parameters) {
		StringBuilder where = new StringBuilder(" where i.event_id = :eventId");
		parameters.put("eventId", eventId);
		if (filter.text() != null) {
			where.append("""
					 and (lower(e.file_name) like :text escape '\\' or lower(e.text) like :text escape '\\'
					or lower(e.url) like :text escape '\\' or lower(t.keyword) like :text escape '\\'
					or lower(t.name) like :text escape '\\')""");
			parameters.put("text", filter.text());
		}
		if (filter.kind() != null) {
			where.append(" and e.kind = :kind");
			parameters.put("kind", filter.kind().name());
		}
		InstanceConditions.append(where, parameters, filter.status(), filter.profile(), filter.organizationId(),
				filter.table());
		return where.append(visible(filter.visibility(), parameters)).toString();
	}

	/**
	 * The condition that keeps what the visibility lets see; nothing when it lets none.
	 */
	private static String visible(EvidenceVisibility visibility, Map<String, Object> parameters) {
		if (visibility.all()) {
			return "";
		}
		List<String> seen = new ArrayList<>();
		if (visibility.organizationId() != null) {
			seen.add("i.id in (select test_instance_id from test_instance_systems"
					+ " where organization_id = :visibleToOrganization)");
			parameters.put("visibleToOrganization", visibility.organizationId());
		}
		if (visibility.monitorUserId() != null) {
			seen.add("i.test_id in (select test_id from monitor_assignments where user_id = :visibleToMonitor)");
			parameters.put("visibleToMonitor", visibility.monitorUserId());
		}
		return seen.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", seen) + ")";
	}

	private static Map<String, String> sortColumns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("id", "e.id");
		columns.put("instance", "e.test_instance_id");
		columns.put("test", "t.keyword");
		columns.put("status", "i.status");
		columns.put("kind", "e.kind");
		columns.put("name", "lower(e.file_name)");
		columns.put("added", "e.added_at");
		return Collections.unmodifiableMap(columns);
	}

}
