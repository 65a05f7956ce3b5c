package org.connectathon.platform.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.connectathon.platform.RecordRowMapper;
import org.connectathon.platform.UpdateOrInsert;
import org.connectathon.platform.catalog.Catalog.CatalogProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CatalogRepository {

	private final JdbcClient jdbc;

	CatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Catalog load() {
		List<Profile> profiles = this.jdbc
			.sql("select id, keyword, name, kind, version, description, reference_url from profiles order by keyword")
			.query(RecordRowMapper.of(Profile.class))
			.list();
		Map<Long, String> profileKeywords = new LinkedHashMap<>();
		profiles.forEach((profile) -> profileKeywords.put(profile.id(), profile.keyword()));

		Map<Long, List<ActorOption>> options = new LinkedHashMap<>();
		this.jdbc.sql("select id, actor_id, keyword, name from actor_options order by keyword").query((row) -> {
			options.computeIfAbsent(row.getLong("actor_id"), (id) -> new ArrayList<>())
				.add(new ActorOption(row.getLong("id"), row.getString("keyword"), row.getString("name")));
		});
		Map<Long, List<ActorReference>> requires = new LinkedHashMap<>();
		this.jdbc.sql("""
				select d.actor_id, p.keyword as profile_keyword, a.keyword as actor_keyword
				from actor_dependencies d join actors a on a.id = d.required_actor_id
				join profiles p on p.id = a.profile_id order by p.keyword, a.keyword""").query((row) -> {
			requires.computeIfAbsent(row.getLong("actor_id"), (id) -> new ArrayList<>())
				.add(new ActorReference(row.getString("profile_keyword"), row.getString("actor_keyword")));
		});

		Map<Long, List<Actor>> actorsByProfile = new LinkedHashMap<>();
		Map<Long, ActorReference> references = new LinkedHashMap<>();
		this.jdbc.sql("select id, profile_id, keyword, name, description from actors order by keyword").query((row) -> {
			long id = row.getLong("id");
			long profileId = row.getLong("profile_id");
			Actor actor = new Actor(id, profileId, profileKeywords.get(profileId), row.getString("keyword"),
					row.getString("name"), row.getString("description"), options.getOrDefault(id, List.of()),
					requires.getOrDefault(id, List.of()));
			actorsByProfile.computeIfAbsent(profileId, (key) -> new ArrayList<>()).add(actor);
			references.put(id, actor.reference());
		});

		Map<Long, List<String>> matches = new LinkedHashMap<>();
		this.jdbc.sql("select transaction_id, pattern from transaction_matches order by transaction_id, position")
			.query((row) -> {
				matches.computeIfAbsent(row.getLong("transaction_id"), (id) -> new ArrayList<>())
					.add(row.getString("pattern"));
			});
		Map<Long, List<Transaction>> transactionsByProfile = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, profile_id, keyword, name, description, initiator_actor_id, responder_actor_id
				from transactions order by keyword""").query((row) -> {
			long profileId = row.getLong("profile_id");
			long id = row.getLong("id");
			transactionsByProfile.computeIfAbsent(profileId, (key) -> new ArrayList<>())
				.add(new Transaction(id, profileId, row.getString("keyword"), row.getString("name"),
						row.getString("description"), references.get(row.getLong("initiator_actor_id")),
						references.get(row.getLong("responder_actor_id")), matches.getOrDefault(id, List.of())));
		});

		return new Catalog(profiles.stream()
			.map((profile) -> new CatalogProfile(profile, actorsByProfile.getOrDefault(profile.id(), List.of()),
					transactionsByProfile.getOrDefault(profile.id(), List.of())))
			.toList());
	}

	Optional<Long> findProfileId(String keyword) {
		return this.jdbc.sql("select id from profiles where keyword = :keyword")
			.param("keyword", keyword)
			.query(Long.class)
			.optional();
	}

	Optional<Long> findActorId(long profileId, String keyword) {
		return this.jdbc.sql("select id from actors where profile_id = :profileId and keyword = :keyword")
			.param("profileId", profileId)
			.param("keyword", keyword)
			.query(Long.class)
			.optional();
	}

	long saveProfile(String keyword, String name, ProfileKind kind, @Nullable String version,
			@Nullable String description, @Nullable String referenceUrl) {
		Optional<Long> existing = findProfileId(keyword);
		JdbcClient.StatementSpec statement = this.jdbc.sql(existing.isPresent() ? """
				update profiles set name = :name, kind = :kind, version = :version, description = :description,
				reference_url = :url where id = :id""" : """
				insert into profiles (keyword, name, kind, version, description, reference_url)
				values (:keyword, :name, :kind, :version, :description, :url)""")
			.param("keyword", keyword)
			.param("name", name)
			.param("kind", kind.name())
			.param("version", version)
			.param("description", description)
			.param("url", referenceUrl)
			.param("id", existing.orElse(null));
		return save(existing, statement);
	}

	long saveActor(long profileId, String keyword, String name, @Nullable String description) {
		Optional<Long> existing = findActorId(profileId, keyword);
		JdbcClient.StatementSpec statement = this.jdbc
			.sql(existing.isPresent() ? "update actors set name = :name, description = :description where id = :id"
					: "insert into actors (profile_id, keyword, name, description) "
							+ "values (:profileId, :keyword, :name, :description)")
			.param("profileId", profileId)
			.param("keyword", keyword)
			.param("name", name)
			.param("description", description)
			.param("id", existing.orElse(null));
		return save(existing, statement);
	}

	void saveOption(long actorId, String keyword, String name) {
		UpdateOrInsert.save(this.jdbc,
				"update actor_options set name = :name where actor_id = :actorId and keyword = :keyword",
				"insert into actor_options (actor_id, keyword, name) values (:actorId, :keyword, :name)",
				new MapSqlParameterSource().addValue("actorId", actorId)
					.addValue("keyword", keyword)
					.addValue("name", name));
	}

	void replaceDependencies(long actorId, List<Long> requiredActorIds) {
		this.jdbc.sql("delete from actor_dependencies where actor_id = :actorId").param("actorId", actorId).update();
		for (long required : requiredActorIds) {
			this.jdbc.sql("insert into actor_dependencies (actor_id, required_actor_id) values (:actorId, :required)")
				.param("actorId", actorId)
				.param("required", required)
				.update();
		}
	}

	/**
	 * Updates the profile's transaction of this keyword, or adds it; its id either way.
	 */
	long saveTransaction(long profileId, String keyword, String name, @Nullable String description,
			long initiatorActorId, long responderActorId) {
		Optional<Long> existing = this.jdbc
			.sql("select id from transactions where profile_id = :profileId and keyword = :keyword")
			.param("profileId", profileId)
			.param("keyword", keyword)
			.query(Long.class)
			.optional();
		JdbcClient.StatementSpec statement = this.jdbc
			.sql(existing.isPresent() ? """
					update transactions set name = :name, description = :description,
					initiator_actor_id = :initiator, responder_actor_id = :responder where id = :id"""
					: """
							insert into transactions (profile_id, keyword, name, description, initiator_actor_id, responder_actor_id)
							values (:profileId, :keyword, :name, :description, :initiator, :responder)""")
			.param("profileId", profileId)
			.param("keyword", keyword)
			.param("name", name)
			.param("description", description)
			.param("initiator", initiatorActorId)
			.param("responder", responderActorId)
			.param("id", existing.orElse(null));
		return save(existing, statement);
	}

	/** The transaction's HL7 v2 conformance profiles become these, in this order. */
	void replaceHl7v2Profiles(long transactionId, List<String> profiles) {
		replaceTransactionList("transaction_hl7v2_profiles", "profile", transactionId, profiles);
	}

	/**
	 * The HL7 v2 conformance profiles of a transaction, in their order: read apart from
	 * the catalog, which every capture batch loads, since they are long and only the
	 * validation of HL7 v2 captures needs them.
	 */
	List<String> findHl7v2Profiles(String profileKeyword, String transactionKeyword) {
		return this.jdbc.sql("""
				select p.profile from transaction_hl7v2_profiles p
				join transactions t on t.id = p.transaction_id
				join profiles pr on pr.id = t.profile_id
				where pr.keyword = :profileKeyword and t.keyword = :transactionKeyword
				order by p.position""")
			.param("profileKeyword", profileKeyword)
			.param("transactionKeyword", transactionKeyword)
			.query(String.class)
			.list();
	}

	/** The transaction's request declarations become these, in this order. */
	void replaceMatches(long transactionId, List<String> patterns) {
		replaceTransactionList("transaction_matches", "pattern", transactionId, patterns);
	}

	/**
	 * A list of the transaction's, kept in a table of its own with the position of each
	 * item, becomes these items.
	 * @param table the table, a constant
	 * @param column the table's column of the item, a constant
	 */
	private void replaceTransactionList(String table, String column, long transactionId, List<String> items) {
		this.jdbc.sql("delete from " + table + " where transaction_id = :transactionId")
			.param("transactionId", transactionId)
			.update();
		for (int position = 0; position < items.size(); position++) {
			this.jdbc
				.sql("insert into " + table + " (transaction_id, position, " + column
						+ ") values (:transactionId, :position, :item)")
				.param("transactionId", transactionId)
				.param("position", position)
				.param("item", items.get(position))
				.update();
		}
	}

	/**
	 * Runs the update of an existing row, or the insert of a new one and returns its
	 * generated id.
	 */
	private static long save(Optional<Long> existing, JdbcClient.StatementSpec statement) {
		if (existing.isPresent()) {
			statement.update();
			return existing.get();
		}
		return insert(statement);
	}

	private static long insert(JdbcClient.StatementSpec statement) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		statement.update(key, "id");
		return key.getKeyAs(Long.class);
	}

}
