package org.connectathon.platform.tracks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Pre-event topics, their threads and their organizations' interest marks. */
@Repository
class TopicRepository {

	private static final String SELECT_TOPIC = """
			select t.id, t.event_id, t.author_id, u.display_name, t.title, t.description, t.systems, t.pinned_to,
			t.created_at
			from topics t join users u on u.id = t.author_id""";

	private final JdbcClient jdbc;

	TopicRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Topic> find(long topicId) {
		List<Topic> topics = withInterests(
				this.jdbc.sql(SELECT_TOPIC + " where t.id = :id").param("id", topicId).query(this::topic).list());
		return topics.stream().findFirst();
	}

	/** Pinned topics first, by where they are pinned, then the newest. */
	List<Topic> findByEvent(long eventId) {
		return withInterests(
				this.jdbc.sql(SELECT_TOPIC + " where t.event_id = :eventId order by t.pinned_to nulls last, t.id desc")
					.param("eventId", eventId)
					.query(this::topic)
					.list());
	}

	long insert(long eventId, long authorId, TopicForm form) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into topics (event_id, author_id, title, description, systems)
				values (:eventId, :authorId, :title, :description, :systems)""")
			.param("eventId", eventId)
			.param("authorId", authorId)
			.param("title", form.title().strip())
			.param("description", form.description().strip())
			.param("systems", blankAsNull(form.systems()))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void update(long topicId, TopicForm form) {
		this.jdbc.sql("update topics set title = :title, description = :description, systems = :systems where id = :id")
			.param("id", topicId)
			.param("title", form.title().strip())
			.param("description", form.description().strip())
			.param("systems", blankAsNull(form.systems()))
			.update();
	}

	void pin(long topicId, String pinnedTo) {
		this.jdbc.sql("update topics set pinned_to = :pinnedTo where id = :id")
			.param("id", topicId)
			.param("pinnedTo", pinnedTo)
			.update();
	}

	List<TopicPost> findPosts(long topicId) {
		return this.jdbc.sql("""
				select p.id, p.topic_id, p.author_id, u.display_name, p.text, p.created_at
				from topic_posts p join users u on u.id = p.author_id
				where p.topic_id = :topicId order by p.id""")
			.param("topicId", topicId)
			.query((row, number) -> new TopicPost(row.getLong("id"), row.getLong("topic_id"), row.getLong("author_id"),
					row.getString("display_name"), row.getString("text"),
					row.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	long insertPost(long topicId, long authorId, String text) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("insert into topic_posts (topic_id, author_id, text) values (:topicId, :authorId, :text)")
			.param("topicId", topicId)
			.param("authorId", authorId)
			.param("text", text)
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	/** Marking twice keeps the first mark. */
	void markInterest(long topicId, long organizationId, long userId) {
		this.jdbc.sql("""
				insert into topic_interests (topic_id, organization_id, marked_by)
				select :topicId, :organizationId, :userId where not exists
				(select 1 from topic_interests where topic_id = :topicId and organization_id = :organizationId)""")
			.param("topicId", topicId)
			.param("organizationId", organizationId)
			.param("userId", userId)
			.update();
	}

	void withdrawInterest(long topicId, long organizationId) {
		this.jdbc.sql("delete from topic_interests where topic_id = :topicId and organization_id = :organizationId")
			.param("topicId", topicId)
			.param("organizationId", organizationId)
			.update();
	}

	private List<Topic> withInterests(List<Topic> topics) {
		if (topics.isEmpty()) {
			return topics;
		}
		Map<Long, List<Topic.InterestedOrganization>> interests = new HashMap<>();
		this.jdbc.sql("""
				select i.topic_id, o.id, o.name from topic_interests i join organizations o on o.id = i.organization_id
				where i.topic_id in (:topicIds) order by o.name""")
			.param("topicIds", topics.stream().map(Topic::id).toList())
			.query((ResultSet row) -> {
				interests.computeIfAbsent(row.getLong("topic_id"), (id) -> new ArrayList<>())
					.add(new Topic.InterestedOrganization(row.getLong("id"), row.getString("name")));
			});
		return topics.stream()
			.map((topic) -> new Topic(topic.id(), topic.eventId(), topic.authorId(), topic.authorName(), topic.title(),
					topic.description(), topic.systems(), topic.pinnedTo(), topic.createdAt(),
					List.copyOf(interests.getOrDefault(topic.id(), List.of()))))
			.toList();
	}

	private Topic topic(ResultSet row, int number) throws SQLException {
		return new Topic(row.getLong("id"), row.getLong("event_id"), row.getLong("author_id"),
				row.getString("display_name"), row.getString("title"), row.getString("description"),
				row.getString("systems"), row.getString("pinned_to"), row.getObject("created_at", OffsetDateTime.class),
				List.of());
	}

	private static String blankAsNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
