package org.connectathon.platform.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.connectathon.platform.RecordRowMapper;
import org.connectathon.platform.UpdateOrInsert;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class GradeRepository {

	private static final String SELECT = """
			select registration_id, computed_grade, override_grade, override_reason, required_roles, satisfied_roles,
			verified_instances, needed_instances, waiting, partially_verified, failed, partners_used, partners_available
			from grades""";

	private final JdbcClient jdbc;

	GradeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored grade: computed, possibly overridden, with its indicators. */
	record StoredGrade(long registrationId, Grade computedGrade, @Nullable Grade overrideGrade,
			@Nullable String overrideReason, Indicators indicators) {

	}

	Map<Long, StoredGrade> findInEvent(long eventId) {
		return this.jdbc.sql(SELECT + " where event_id = :eventId")
			.param("eventId", eventId)
			.query(GradeRepository::map)
			.list()
			.stream()
			.collect(Collectors.toMap(StoredGrade::registrationId, Function.identity()));
	}

	Optional<StoredGrade> find(long registrationId) {
		return this.jdbc.sql(SELECT + " where registration_id = :registrationId")
			.param("registrationId", registrationId)
			.query(GradeRepository::map)
			.optional();
	}

	private static StoredGrade map(ResultSet row, int number) throws SQLException {
		String override = row.getString("override_grade");
		return new StoredGrade(row.getLong("registration_id"), Grade.valueOf(row.getString("computed_grade")),
				(override != null) ? Grade.valueOf(override) : null, row.getString("override_reason"),
				new Indicators(row.getInt("required_roles"), row.getInt("satisfied_roles"),
						row.getInt("verified_instances"), row.getInt("needed_instances"), row.getInt("waiting"),
						row.getInt("partially_verified"), row.getInt("failed"), row.getInt("partners_used"),
						row.getInt("partners_available")));
	}

	/** Updates the registration's stored grade, or inserts it when it has none yet. */
	void saveComputed(long registrationId, long eventId, ComputedGrade computed) {
		Indicators indicators = computed.indicators();
		UpdateOrInsert.save(this.jdbc, """
				update grades set computed_grade = :grade, required_roles = :requiredRoles,
				satisfied_roles = :satisfiedRoles, verified_instances = :verified, needed_instances = :needed,
				waiting = :waiting, partially_verified = :partial, failed = :failed, partners_used = :partnersUsed,
				partners_available = :partnersAvailable, computed_at = current_timestamp
				where registration_id = :registrationId""", """
				insert into grades (registration_id, event_id, computed_grade, required_roles, satisfied_roles,
				verified_instances, needed_instances, waiting, partially_verified, failed, partners_used,
				partners_available) values (:registrationId, :eventId, :grade, :requiredRoles, :satisfiedRoles,
				:verified, :needed, :waiting, :partial, :failed, :partnersUsed, :partnersAvailable)""",
				new MapSqlParameterSource().addValue("registrationId", registrationId)
					.addValue("eventId", eventId)
					.addValue("grade", computed.grade().name())
					.addValue("requiredRoles", indicators.requiredRoles())
					.addValue("satisfiedRoles", indicators.satisfiedRoles())
					.addValue("verified", indicators.verifiedInstances())
					.addValue("needed", indicators.neededInstances())
					.addValue("waiting", indicators.waiting())
					.addValue("partial", indicators.partiallyVerified())
					.addValue("failed", indicators.failed())
					.addValue("partnersUsed", indicators.partnersUsed())
					.addValue("partnersAvailable", indicators.partnersAvailable()));
	}

	void saveOverride(long registrationId, @Nullable Grade grade, @Nullable String reason) {
		this.jdbc.sql("""
				update grades set override_grade = :grade, override_reason = :reason
				where registration_id = :registrationId""")
			.param("registrationId", registrationId)
			.param("grade", (grade != null) ? grade.name() : null)
			.param("reason", reason)
			.update();
	}

	void insertChange(long registrationId, long userId, String userName, @Nullable Grade fromGrade,
			@Nullable Grade toGrade, @Nullable String reason) {
		this.jdbc.sql("""
				insert into grade_changes (registration_id, user_id, user_name, from_grade, to_grade, reason)
				values (:registrationId, :userId, :userName, :fromGrade, :toGrade, :reason)""")
			.param("registrationId", registrationId)
			.param("userId", userId)
			.param("userName", userName)
			.param("fromGrade", (fromGrade != null) ? fromGrade.name() : null)
			.param("toGrade", (toGrade != null) ? toGrade.name() : null)
			.param("reason", reason)
			.update();
	}

	List<GradeChange> findChanges(long registrationId) {
		return this.jdbc.sql("""
				select id, changed_at, user_name, from_grade, to_grade, reason from grade_changes
				where registration_id = :registrationId order by id""")
			.param("registrationId", registrationId)
			.query(RecordRowMapper.of(GradeChange.class))
			.list();
	}

	List<GradingRuleForm> findRules(long eventId) {
		return this.jdbc.sql("""
				select profile_keyword as profile, actor_keyword as actor, distinct_partner_organizations,
				supportive_verified_instances from grading_rules where event_id = :eventId order by id""")
			.param("eventId", eventId)
			.query(RecordRowMapper.of(GradingRuleForm.class))
			.list();
	}

	void replaceRules(long eventId, List<GradingRuleForm> rules) {
		this.jdbc.sql("delete from grading_rules where event_id = :eventId").param("eventId", eventId).update();
		for (GradingRuleForm rule : rules) {
			this.jdbc.sql("""
					insert into grading_rules (event_id, profile_keyword, actor_keyword, distinct_partner_organizations,
					supportive_verified_instances) values (:eventId, :profile, :actor, :distinct, :supportive)""")
				.param("eventId", eventId)
				.param("profile", rule.profile())
				.param("actor", rule.actor())
				.param("distinct", rule.distinctPartnerOrganizations())
				.param("supportive", rule.supportiveVerifiedInstances())
				.update();
		}
	}

	void replacePublication(long eventId, String eventName, String publishedByName, List<PublishedResult> results) {
		deletePublication(eventId);
		this.jdbc.sql("""
				insert into result_publications (event_id, event_name, published_by_name)
				values (:eventId, :eventName, :publishedBy)""")
			.param("eventId", eventId)
			.param("eventName", eventName)
			.param("publishedBy", publishedByName)
			.update();
		for (PublishedResult result : results) {
			this.jdbc.sql("""
					insert into published_results (event_id, organization_name, system_name, profile_keyword,
					actor_keyword, option_keyword, testing_type, grade, satisfied_roles, required_roles,
					verified_instances, needed_instances, partners_used, partners_available)
					values (:eventId, :organizationName, :systemName, :profileKeyword, :actorKeyword, :optionKeyword,
					:testingType, :grade, :satisfiedRoles, :requiredRoles, :verified, :needed, :partnersUsed,
					:partnersAvailable)""")
				.param("eventId", eventId)
				.param("organizationName", result.organizationName())
				.param("systemName", result.systemName())
				.param("profileKeyword", result.profileKeyword())
				.param("actorKeyword", result.actorKeyword())
				.param("optionKeyword", result.optionKeyword())
				.param("testingType", result.testingType())
				.param("grade", result.grade().name())
				.param("satisfiedRoles", result.satisfiedRoles())
				.param("requiredRoles", result.requiredRoles())
				.param("verified", result.verifiedInstances())
				.param("needed", result.neededInstances())
				.param("partnersUsed", result.partnersUsed())
				.param("partnersAvailable", result.partnersAvailable())
				.update();
		}
	}

	/** Takes the results off the public page; the changes record stays. */
	boolean deletePublication(long eventId) {
		this.jdbc.sql("delete from published_results where event_id = :eventId").param("eventId", eventId).update();
		return this.jdbc.sql("delete from result_publications where event_id = :eventId")
			.param("eventId", eventId)
			.update() > 0;
	}

	void insertPublicationChange(long eventId, long userId, String userName, PublicationAction action,
			@Nullable String reason) {
		this.jdbc.sql("""
				insert into result_publication_changes (event_id, user_id, user_name, action, reason)
				values (:eventId, :userId, :userName, :action, :reason)""")
			.param("eventId", eventId)
			.param("userId", userId)
			.param("userName", userName)
			.param("action", action.name())
			.param("reason", reason)
			.update();
	}

	List<PublicationChange> findPublicationChanges(long eventId) {
		return this.jdbc.sql("""
				select id, changed_at, user_name, action, reason from result_publication_changes
				where event_id = :eventId order by id""")
			.param("eventId", eventId)
			.query(RecordRowMapper.of(PublicationChange.class))
			.list();
	}

	boolean isPublished(long eventId) {
		return this.jdbc.sql("select count(*) from result_publications where event_id = :eventId")
			.param("eventId", eventId)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<Publication> findPublication(long eventId) {
		List<PublishedResult> results = this.jdbc
			.sql("""
					select organization_name, system_name, profile_keyword, actor_keyword, option_keyword, testing_type, grade,
					satisfied_roles, required_roles, verified_instances, needed_instances, partners_used, partners_available
					from published_results where event_id = :eventId order by id""")
			.param("eventId", eventId)
			.query(RecordRowMapper.of(PublishedResult.class))
			.list();
		return this.jdbc.sql("""
				select event_id, event_name, published_at, published_by_name from result_publications
				where event_id = :eventId""")
			.param("eventId", eventId)
			.query((row, number) -> new Publication(row.getLong("event_id"), row.getString("event_name"),
					row.getObject("published_at", OffsetDateTime.class), row.getString("published_by_name"), results))
			.optional();
	}

}
