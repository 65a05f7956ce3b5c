package org.connectathon.platform.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.connectathon.platform.RecordRowMapper;
import org.connectathon.platform.UpdateOrInsert;
import org.connectathon.platform.catalog.ActorReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TestRepository {

	private static final String SELECT_TEST = """
			select t.id, t.event_id, t.keyword, t.name, t.description, t.test_type, m.keyword as meta_test_keyword,
			t.same_organization_allowed, t.automated_pass_verifies
			from tests t left join meta_tests m on m.id = t.meta_test_id""";

	private final JdbcClient jdbc;

	TestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The event's tests with their roles and steps, in three queries whatever their
	 * number.
	 */
	List<TestDefinition> findInEvent(long eventId) {
		return load("t.event_id = :eventId", Map.of("eventId", eventId), "t.keyword");
	}

	/**
	 * The columns a test list sorts by, by their names in the address: the allow-list
	 * that keeps the address out of the SQL.
	 */
	static final Map<String, String> SORT_COLUMNS = sortColumns();

	/**
	 * The event's tests that pass the filter, in its order, with their roles and steps.
	 */
	List<TestDefinition> findInEvent(long eventId, TestFilter filter) {
		StringBuilder condition = new StringBuilder("t.event_id = :eventId");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("eventId", eventId);
		if (filter.text() != null) {
			condition.append(" and (lower(t.keyword) like :text escape '\\' or lower(t.name) like :text escape '\\')");
			parameters.put("text", filter.text());
		}
		if (filter.type() != null) {
			condition.append(" and t.test_type = :type");
			parameters.put("type", filter.type().name());
		}
		if (filter.profile() != null) {
			condition.append("""
					 and t.id in (select tr.test_id from test_roles tr join actors ta on ta.id = tr.actor_id
					join profiles tp on tp.id = ta.profile_id where tp.keyword = :profile)""");
			parameters.put("profile", filter.profile());
		}
		return load(condition.toString(), parameters, filter.sort().orderBy(SORT_COLUMNS, "t.keyword"));
	}

	Optional<TestDefinition> find(long id) {
		return load("t.id = :id", Map.of("id", id), "t.keyword").stream().findFirst();
	}

	private static Map<String, String> sortColumns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("keyword", "t.keyword");
		columns.put("name", "lower(t.name)");
		columns.put("type", "t.test_type");
		return Collections.unmodifiableMap(columns);
	}

	/**
	 * Tests matching the condition on {@code t} (tests), in the order given, roles and
	 * steps included.
	 */
	private List<TestDefinition> load(String condition, Map<String, ?> parameters, String order) {
		Map<Long, List<TestRole>> roles = new LinkedHashMap<>();
		this.jdbc.sql("""
				select r.id, r.test_id, r.keyword, r.actor_id, p.keyword as profile_keyword, a.keyword as actor_keyword,
				a.name as actor_name, o.keyword as option_keyword, r.min_systems, r.max_systems, r.required,
				r.verified_instances_needed
				from test_roles r join tests t on t.id = r.test_id join actors a on a.id = r.actor_id
				join profiles p on p.id = a.profile_id left join actor_options o on o.id = r.option_id
				""" + " where " + condition + " order by r.id").params(parameters).query((row) -> {
			roles.computeIfAbsent(row.getLong("test_id"), (id) -> new ArrayList<>())
				.add(new TestRole(row.getLong("id"), row.getString("keyword"), row.getLong("actor_id"),
						new ActorReference(row.getString("profile_keyword"), row.getString("actor_keyword")),
						row.getString("actor_name"), row.getString("option_keyword"), row.getInt("min_systems"),
						row.getInt("max_systems"), row.getBoolean("required"),
						row.getInt("verified_instances_needed")));
		});
		Map<Long, List<TestStep>> steps = new LinkedHashMap<>();
		this.jdbc.sql("""
				select s.id, s.test_id, s.step_index, i.keyword as initiator, r.keyword as responder,
				p.keyword as transaction_profile, x.keyword as transaction_keyword, s.description, s.test_script
				from test_steps s join tests t on t.id = s.test_id left join test_roles i on i.id = s.initiator_role_id
				left join test_roles r on r.id = s.responder_role_id left join transactions x on x.id = s.transaction_id
				left join profiles p on p.id = x.profile_id
				""" + " where " + condition + " order by s.step_index").params(parameters).query((row) -> {
			String transaction = (row.getString("transaction_keyword") != null)
					? row.getString("transaction_profile") + ":" + row.getString("transaction_keyword") : null;
			steps.computeIfAbsent(row.getLong("test_id"), (id) -> new ArrayList<>())
				.add(new TestStep(row.getLong("id"), row.getInt("step_index"), row.getString("initiator"),
						row.getString("responder"), transaction, row.getString("description"),
						row.getString("test_script")));
		});
		return this.jdbc.sql(SELECT_TEST + " where " + condition + " order by " + order)
			.params(parameters)
			.query((row, number) -> new TestDefinition(row.getLong("id"), row.getLong("event_id"),
					row.getString("keyword"), row.getString("name"), row.getString("description"),
					TestType.valueOf(row.getString("test_type")), row.getString("meta_test_keyword"),
					row.getBoolean("same_organization_allowed"), row.getBoolean("automated_pass_verifies"),
					roles.getOrDefault(row.getLong("id"), List.of()), steps.getOrDefault(row.getLong("id"), List.of())))
			.list();
	}

	List<MetaTest> findMetaTests(long eventId) {
		return this.jdbc
			.sql("select id, event_id, keyword, name, description from meta_tests where event_id = :eventId "
					+ "order by keyword")
			.param("eventId", eventId)
			.query(RecordRowMapper.of(MetaTest.class))
			.list();
	}

	Optional<Long> findMetaTestId(long eventId, String keyword) {
		return this.jdbc.sql("select id from meta_tests where event_id = :eventId and keyword = :keyword")
			.param("eventId", eventId)
			.param("keyword", keyword)
			.query(Long.class)
			.optional();
	}

	void saveMetaTest(long eventId, String keyword, String name, @Nullable String description) {
		Optional<Long> existing = findMetaTestId(eventId, keyword);
		JdbcClient.StatementSpec statement = this.jdbc
			.sql(existing.isPresent() ? "update meta_tests set name = :name, description = :description where id = :id"
					: "insert into meta_tests (event_id, keyword, name, description) "
							+ "values (:eventId, :keyword, :name, :description)")
			.param("eventId", eventId)
			.param("keyword", keyword)
			.param("name", name)
			.param("description", description)
			.param("id", existing.orElse(null));
		statement.update();
	}

	long saveTest(long eventId, String keyword, String name, @Nullable String description, TestType type,
			@Nullable Long metaTestId, boolean sameOrganizationAllowed, boolean automatedPassVerifies) {
		Optional<Long> existing = this.jdbc.sql("select id from tests where event_id = :eventId and keyword = :keyword")
			.param("eventId", eventId)
			.param("keyword", keyword)
			.query(Long.class)
			.optional();
		JdbcClient.StatementSpec statement = this.jdbc
			.sql(existing.isPresent() ? """
					update tests set name = :name, description = :description, test_type = :type,
					meta_test_id = :metaTestId, same_organization_allowed = :sameOrganization,
					automated_pass_verifies = :automatedPassVerifies where id = :id"""
					: """
							insert into tests (event_id, keyword, name, description, test_type, meta_test_id, same_organization_allowed,
							automated_pass_verifies)
							values (:eventId, :keyword, :name, :description, :type, :metaTestId, :sameOrganization,
							:automatedPassVerifies)""")
			.param("eventId", eventId)
			.param("keyword", keyword)
			.param("name", name)
			.param("description", description)
			.param("type", type.name())
			.param("metaTestId", metaTestId)
			.param("sameOrganization", sameOrganizationAllowed)
			.param("automatedPassVerifies", automatedPassVerifies)
			.param("id", existing.orElse(null));
		if (existing.isPresent()) {
			statement.update();
			return existing.get();
		}
		return insert(statement);
	}

	void updateAutomatedPassVerifies(long testId, boolean automatedPassVerifies) {
		this.jdbc.sql("update tests set automated_pass_verifies = :automatedPassVerifies where id = :id")
			.param("id", testId)
			.param("automatedPassVerifies", automatedPassVerifies)
			.update();
	}

	long findRoleId(long testId, String keyword) {
		return this.jdbc.sql("select id from test_roles where test_id = :testId and keyword = :keyword")
			.param("testId", testId)
			.param("keyword", keyword)
			.query(Long.class)
			.single();
	}

	/**
	 * Updates a role in place, so that instances already playing it keep pointing at it.
	 */
	void saveRole(long testId, String keyword, long actorId, @Nullable Long optionId, int minSystems, int maxSystems,
			boolean required, int verifiedInstancesNeeded) {
		UpdateOrInsert.save(this.jdbc, """
				update test_roles set actor_id = :actorId, option_id = :optionId, min_systems = :minSystems,
				max_systems = :maxSystems, required = :required, verified_instances_needed = :verified
				where test_id = :testId and keyword = :keyword""", """
				insert into test_roles (test_id, keyword, actor_id, option_id, min_systems, max_systems, required,
				verified_instances_needed)
				values (:testId, :keyword, :actorId, :optionId, :minSystems, :maxSystems, :required, :verified)""",
				new MapSqlParameterSource().addValue("testId", testId)
					.addValue("keyword", keyword)
					.addValue("actorId", actorId)
					.addValue("optionId", optionId)
					.addValue("minSystems", minSystems)
					.addValue("maxSystems", maxSystems)
					.addValue("required", required)
					.addValue("verified", verifiedInstancesNeeded));
	}

	void deleteRolesExcept(long testId, List<String> keywords) {
		this.jdbc.sql("delete from test_roles where test_id = :testId and keyword not in (:keywords)")
			.param("testId", testId)
			.param("keywords", keywords)
			.update();
	}

	/**
	 * Updates the step at this position in place, so that step instances keep pointing at
	 * it.
	 */
	void saveStep(long testId, int index, @Nullable Long initiatorRoleId, @Nullable Long responderRoleId,
			@Nullable Long transactionId, @Nullable String description, @Nullable String testScript) {
		UpdateOrInsert.save(this.jdbc, """
				update test_steps set initiator_role_id = :initiator, responder_role_id = :responder,
				transaction_id = :transactionId, description = :description, test_script = :testScript
				where test_id = :testId and step_index = :index""", """
				insert into test_steps (test_id, step_index, initiator_role_id, responder_role_id, transaction_id,
				description, test_script)
				values (:testId, :index, :initiator, :responder, :transactionId, :description, :testScript)""",
				new MapSqlParameterSource().addValue("testId", testId)
					.addValue("index", index)
					.addValue("initiator", initiatorRoleId)
					.addValue("responder", responderRoleId)
					.addValue("transactionId", transactionId)
					.addValue("description", description)
					.addValue("testScript", testScript));
	}

	void deleteStepsAfter(long testId, int lastIndex) {
		this.jdbc.sql("delete from test_steps where test_id = :testId and step_index > :lastIndex")
			.param("testId", testId)
			.param("lastIndex", lastIndex)
			.update();
	}

	private static long insert(JdbcClient.StatementSpec statement) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		statement.update(key, "id");
		return key.getKeyAs(Long.class);
	}

}
