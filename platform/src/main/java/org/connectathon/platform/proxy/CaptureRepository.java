package org.connectathon.platform.proxy;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.connectathon.platform.ListPage;
import org.connectathon.platform.RecordRowMapper;
import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores captures, in batches, and reads them back for lists and detail views. */
@Repository
public class CaptureRepository {

	private static final String SUMMARY_COLUMNS = """
			id, event_id, endpoint_id, receiver_system_id, sender_system_id, sender_identified_by, client_address,
			started_at, upstream_millis, total_millis, method, url, upstream_url, status, failure, resource_type,
			interaction, request_body_size, request_body_truncated, response_body_size, response_body_truncated,
			test_instance_id, step_index, attached_by, validation_status, validation_errors, validation_warnings,
			protocol, message_type, transaction_keyword""";

	private static final TypeReference<List<List<String>>> HEADER_PAIRS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batches;

	private final JsonMapper json = JsonMapper.builder().build();

	CaptureRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/**
	 * Stores the captures in one batch, in their order, and gives them back as stored:
	 * new, so attached to no step and pending validation. Built from what was inserted
	 * rather than read back, which would cost the capture writer a query per batch.
	 */
	public List<Capture> insertAll(List<NewCapture> captures) {
		if (captures.isEmpty()) {
			return List.of();
		}
		SqlParameterSource[] rows = captures.stream().map(this::row).toArray(SqlParameterSource[]::new);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.batches.batchUpdate("""
				insert into captures (event_id, endpoint_id, receiver_system_id, sender_system_id,
				sender_identified_by, client_address, started_at, upstream_millis, total_millis, method, url,
				upstream_url, status, failure, resource_type, interaction, request_headers, request_content_type,
				request_body, request_body_size, request_body_truncated, response_headers, response_content_type,
				response_body, response_body_size, response_body_truncated, protocol, message_type,
				transaction_keyword)
				values (:eventId, :endpointId, :receiverSystemId, :senderSystemId, :senderIdentifiedBy,
				:clientAddress, :startedAt, :upstreamMillis, :totalMillis, :method, :url, :upstreamUrl, :status,
				:failure, :resourceType, :interaction, :requestHeaders, :requestContentType, :requestBody,
				:requestBodySize, :requestBodyTruncated, :responseHeaders, :responseContentType, :responseBody,
				:responseBodySize, :responseBodyTruncated, :protocol, :messageType, :transactionKeyword)""", rows, keys,
				new String[] { "id" });
		List<Map<String, Object>> keyList = keys.getKeyList();
		List<Capture> stored = new ArrayList<>(captures.size());
		for (int index = 0; index < captures.size(); index++) {
			stored.add(stored(((Number) keyList.get(index).get("id")).longValue(), captures.get(index)));
		}
		return stored;
	}

	private static Capture stored(long id, NewCapture capture) {
		return new Capture(id, capture.eventId(), capture.endpointId(), capture.receiverSystemId(),
				capture.senderSystemId(), capture.senderIdentifiedBy(), capture.clientAddress(),
				// as the databases keep it: to the nearest microsecond
				capture.startedAt().plusNanos(500).truncatedTo(ChronoUnit.MICROS), capture.upstreamMillis(),
				capture.totalMillis(), capture.method(), capture.url(), capture.upstreamUrl(), capture.status(),
				capture.failure(), capture.resourceType(), capture.interaction(), capture.request().bodySize(),
				capture.request().bodyTruncated(), capture.response().bodySize(), capture.response().bodyTruncated(),
				null, null, null, CaptureValidationStatus.PENDING, null, null, capture.protocol(),
				capture.messageType(), capture.transactionKeyword());
	}

	public Optional<Capture> find(long id) {
		return this.jdbc.sql("select " + SUMMARY_COLUMNS + " from captures where id = :id")
			.param("id", id)
			.query(RecordRowMapper.of(Capture.class))
			.optional();
	}

	/** The captures of those ids that exist, by id. */
	public List<Capture> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + SUMMARY_COLUMNS + " from captures where id in (:ids) order by id")
			.param("ids", ids)
			.query(RecordRowMapper.of(Capture.class))
			.list();
	}

	/** The request of the capture as stored, empty for an unknown capture. */
	public Optional<CapturedMessage> findRequest(long id) {
		return findMessage(id, "request");
	}

	/** The response of the capture as stored, empty for an unknown capture. */
	public Optional<CapturedMessage> findResponse(long id) {
		return findMessage(id, "response");
	}

	/**
	 * The capture, if the visibility lets its reader see it; empty for an unknown capture
	 * too, so that a page cannot tell the two apart.
	 */
	public Optional<Capture> find(long id, CaptureVisibility visibility) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("id", id);
		return this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from captures where id = :id" + visible(visibility, parameters))
			.paramSource(parameters)
			.query(RecordRowMapper.of(Capture.class))
			.optional();
	}

	/**
	 * The issues of the capture's validation as stored (JSON), empty when it has none.
	 */
	public Optional<String> findValidationIssues(long id) {
		return this.jdbc.sql("select validation_issues from captures where id = :id and validation_issues is not null")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** A page of the event's captures that pass the filter, newest first. */
	public ListPage<Capture> findPage(long eventId, CaptureFilter filter, int number, int size) {
		return findPage(eventId, filter, CaptureVisibility.everything(), number, size);
	}

	/**
	 * A page of the event's captures that pass the filter and that the visibility lets
	 * its reader see, newest first.
	 */
	public ListPage<Capture> findPage(long eventId, CaptureFilter filter, CaptureVisibility visibility, int number,
			int size) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = where(eventId, filter, visibility, parameters);
		int total = this.jdbc.sql("select count(*) from captures" + where)
			.paramSource(parameters)
			.query(Integer.class)
			.single();
		parameters.addValue("limit", size).addValue("offset", ListPage.offset(number, size));
		List<Capture> items = this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from captures" + where + " order by "
					+ filter.sort().orderBy(CaptureFilterForm.SORT_COLUMNS, "id desc") + " limit :limit offset :offset")
			.paramSource(parameters)
			.query(RecordRowMapper.of(Capture.class))
			.list();
		return new ListPage<>(items, number, size, total);
	}

	/**
	 * The first captures, oldest first, that pass the filter and that the visibility lets
	 * its reader see: the entries of a HAR file.
	 */
	public List<Capture> findOldestFirst(long eventId, CaptureFilter filter, CaptureVisibility visibility, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
		return this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from captures" + where(eventId, filter, visibility, parameters)
					+ " order by id limit :limit")
			.paramSource(parameters)
			.query(RecordRowMapper.of(Capture.class))
			.list();
	}

	private static String where(long eventId, CaptureFilter filter, CaptureVisibility visibility,
			MapSqlParameterSource parameters) {
		StringBuilder where = new StringBuilder(" where event_id = :eventId");
		parameters.addValue("eventId", eventId);
		if (filter.systemId() != null) {
			where.append(" and (sender_system_id = :systemId or receiver_system_id = :systemId)");
			parameters.addValue("systemId", filter.systemId());
		}
		if (filter.testInstanceId() != null) {
			where.append(" and test_instance_id = :testInstanceId");
			parameters.addValue("testInstanceId", filter.testInstanceId());
		}
		if (filter.status() != null) {
			where.append((filter.status() == 0) ? " and failure is not null" : " and status = :status");
			parameters.addValue("status", filter.status());
		}
		if (filter.from() != null) {
			where.append(" and started_at >= :from");
			parameters.addValue("from", filter.from());
		}
		if (filter.to() != null) {
			where.append(" and started_at < :to");
			parameters.addValue("to", filter.to());
		}
		if (filter.resourceType() != null) {
			where.append(" and resource_type = :resourceType");
			parameters.addValue("resourceType", filter.resourceType());
		}
		if (filter.validationStatus() != null) {
			where.append(" and validation_status = :validationStatus");
			parameters.addValue("validationStatus", filter.validationStatus().name());
		}
		if (filter.text() != null) {
			where.append(" and lower(url) like :text escape '\\'");
			parameters.addValue("text", filter.text());
		}
		if (filter.organizationId() != null) {
			where.append(" and (sender_system_id in (select id from systems where organization_id = :organizationId)"
					+ " or receiver_system_id in (select id from systems where organization_id = :organizationId))");
			parameters.addValue("organizationId", filter.organizationId());
		}
		return where.append(visible(visibility, parameters)).toString();
	}

	/**
	 * The condition that keeps what the visibility lets see. It reads the tables of
	 * registration, testing and monitoring, as the testing feature's queries read those
	 * of registration: filtering tens of thousands of captures needs the join in SQL.
	 */
	private static String visible(CaptureVisibility visibility, MapSqlParameterSource parameters) {
		if (visibility.all()) {
			return "";
		}
		List<String> seen = new ArrayList<>();
		if (visibility.organizationId() != null) {
			seen.add("sender_system_id in (select id from systems where organization_id = :visibleToOrganization)");
			seen.add("receiver_system_id in (select id from systems where organization_id = :visibleToOrganization)");
			parameters.addValue("visibleToOrganization", visibility.organizationId());
		}
		if (visibility.monitorUserId() != null) {
			seen.add("""
					exists (select 1 from test_instances i join monitor_assignments m on m.test_id = i.test_id
					where i.id = captures.test_instance_id and m.user_id = :visibleToMonitor)""");
			parameters.addValue("visibleToMonitor", visibility.monitorUserId());
		}
		if (visibility.unattached()) {
			seen.add("test_instance_id is null");
		}
		return seen.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", seen) + ")";
	}

	private Optional<CapturedMessage> findMessage(long id, String side) {
		return this.jdbc
			.sql("select %1$s_headers, %1$s_content_type, %1$s_body, %1$s_body_size, %1$s_body_truncated"
				.formatted(side) + " from captures where id = :id")
			.param("id", id)
			.query((row, number) -> new CapturedMessage(headers(row.getString(1)), row.getString(2), row.getBytes(3),
					row.getLong(4), row.getBoolean(5)))
			.optional();
	}

	private SqlParameterSource row(NewCapture capture) {
		return new MapSqlParameterSource().addValue("eventId", capture.eventId())
			.addValue("endpointId", capture.endpointId())
			.addValue("receiverSystemId", capture.receiverSystemId())
			.addValue("senderSystemId", capture.senderSystemId())
			.addValue("senderIdentifiedBy",
					(capture.senderIdentifiedBy() != null) ? capture.senderIdentifiedBy().name() : null)
			.addValue("clientAddress", capture.clientAddress())
			.addValue("startedAt", capture.startedAt())
			.addValue("upstreamMillis", capture.upstreamMillis())
			.addValue("totalMillis", capture.totalMillis())
			.addValue("method", capture.method())
			.addValue("url", capture.url())
			.addValue("upstreamUrl", capture.upstreamUrl())
			.addValue("status", capture.status())
			.addValue("failure", capture.failure())
			.addValue("resourceType", capture.resourceType())
			.addValue("interaction", capture.interaction())
			.addValue("requestHeaders", headersJson(capture.request().headers()))
			.addValue("requestContentType", capture.request().contentType())
			.addValue("requestBody", capture.request().body())
			.addValue("requestBodySize", capture.request().bodySize())
			.addValue("requestBodyTruncated", capture.request().bodyTruncated())
			.addValue("responseHeaders", headersJson(capture.response().headers()))
			.addValue("responseContentType", capture.response().contentType())
			.addValue("responseBody", capture.response().body())
			.addValue("responseBodySize", capture.response().bodySize())
			.addValue("responseBodyTruncated", capture.response().bodyTruncated())
			.addValue("protocol", capture.protocol().name())
			.addValue("messageType", capture.messageType())
			.addValue("transactionKeyword", capture.transactionKeyword());
	}

	private String headersJson(List<Header> headers) {
		return this.json
			.writeValueAsString(headers.stream().map((header) -> List.of(header.name(), header.value())).toList());
	}

	private List<Header> headers(String stored) {
		List<Header> headers = new ArrayList<>();
		for (List<String> pair : this.json.readValue(stored, HEADER_PAIRS)) {
			headers.add(new Header(pair.get(0), pair.get(1)));
		}
		return headers;
	}

}
