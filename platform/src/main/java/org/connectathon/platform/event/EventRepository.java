package org.connectathon.platform.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class EventRepository {

	private static final String SELECT_EVENT = """
			select id, name, description, location, start_date, end_date, registration_deadline, status,
			allow_private_addresses
			from events""";

	private final JdbcClient jdbc;

	EventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every event, or the published ones and the drafts the user organizes. */
	List<Event> findAll(boolean includeDrafts, long userId) {
		return this.jdbc.sql(SELECT_EVENT + (includeDrafts ? ""
				: " where status <> 'DRAFT' or id in (select event_id from event_organizers where user_id = :userId)")
				+ " order by start_date desc, id desc")
			.param("userId", userId)
			.query(this::event)
			.list();
	}

	boolean isOrganizer(long eventId, long userId) {
		return this.jdbc.sql("select count(*) from event_organizers where event_id = :eventId and user_id = :userId")
			.param("eventId", eventId)
			.param("userId", userId)
			.query(Long.class)
			.single() > 0;
	}

	void insertOrganizer(long eventId, long userId) {
		this.jdbc.sql("insert into event_organizers (event_id, user_id) values (:eventId, :userId)")
			.param("eventId", eventId)
			.param("userId", userId)
			.update();
	}

	void insertProfile(long eventId, long profileId) {
		this.jdbc.sql("insert into event_profiles (event_id, profile_id) values (:eventId, :profileId)")
			.param("eventId", eventId)
			.param("profileId", profileId)
			.update();
	}

	Optional<Event> find(long id) {
		return this.jdbc.sql(SELECT_EVENT + " where id = :id").param("id", id).query(this::event).optional();
	}

	boolean nameTaken(String name, long exceptId) {
		return this.jdbc.sql("select count(*) from events where name = :name and id <> :id")
			.param("name", name)
			.param("id", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	long insert(EventForm form, EventStatus status) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		bind(this.jdbc.sql("""
				insert into events (name, description, location, start_date, end_date, registration_deadline, status,
				allow_private_addresses)
				values (:name, :description, :location, :startDate, :endDate, :deadline, :status,
				:allowPrivateAddresses)"""), form, status).update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void update(long id, EventForm form, EventStatus status) {
		bind(this.jdbc.sql("""
				update events set name = :name, description = :description, location = :location,
				start_date = :startDate, end_date = :endDate, registration_deadline = :deadline, status = :status,
				allow_private_addresses = :allowPrivateAddresses
				where id = :id"""), form, status).param("id", id).update();
	}

	void replaceProfiles(long eventId, List<Long> profileIds) {
		this.jdbc.sql("delete from event_profiles where event_id = :eventId").param("eventId", eventId).update();
		for (long profileId : profileIds) {
			this.jdbc.sql("insert into event_profiles (event_id, profile_id) values (:eventId, :profileId)")
				.param("eventId", eventId)
				.param("profileId", profileId)
				.update();
		}
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, EventForm form,
			EventStatus status) {
		return statement.param("name", form.name().strip())
			.param("description", form.description())
			.param("location", form.location())
			.param("startDate", form.startDate())
			.param("endDate", form.endDate())
			.param("deadline", form.registrationDeadline())
			.param("status", status.name())
			.param("allowPrivateAddresses", Boolean.TRUE.equals(form.allowPrivateAddresses()));
	}

	private Event event(ResultSet row, int number) throws SQLException {
		long id = row.getLong("id");
		List<String> profiles = this.jdbc.sql("""
				select p.keyword from event_profiles e join profiles p on p.id = e.profile_id
				where e.event_id = :id order by p.keyword""").param("id", id).query(String.class).list();
		return new Event(id, row.getString("name"), row.getString("description"), row.getString("location"),
				row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class),
				row.getObject("registration_deadline", OffsetDateTime.class),
				EventStatus.valueOf(row.getString("status")), profiles, row.getBoolean("allow_private_addresses"));
	}

}
