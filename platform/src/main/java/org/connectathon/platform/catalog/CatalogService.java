package org.connectathon.platform.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.catalog.Catalog.CatalogProfile;
import org.connectathon.platform.catalog.CatalogFile.ActorEntry;
import org.connectathon.platform.catalog.CatalogFile.OptionEntry;
import org.connectathon.platform.catalog.CatalogFile.ProfileEntry;
import org.connectathon.platform.catalog.CatalogFile.TransactionEntry;
import org.connectathon.platform.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalog of profiles, actors, options and transactions: browse, import, export. */
@Service
public class CatalogService {

	/** How old {@link #recentCatalog()} may be. */
	public static final Duration RECENT = Duration.ofSeconds(5);

	private final CatalogRepository repository;

	/**
	 * HL7 v2 conformance profiles as HAPI read them, by their XML: reading one costs a
	 * DOM parse (whose parser writes a warning to the console), and every HL7 v2 capture
	 * of the transaction needs it.
	 */
	private final Cache<String, Hl7v2ConformanceProfile> parsedHl7v2Profiles = Caffeine.newBuilder()
		.maximumSize(100)
		.build();

	/**
	 * The catalog as last read, for {@link #recentCatalog()}: one entry, under
	 * {@link Boolean#TRUE}.
	 */
	private final Cache<Boolean, Catalog> recent = Caffeine.newBuilder().expireAfterWrite(RECENT).build();

	private final CatalogImporter importer;

	CatalogService(CatalogRepository repository, CatalogImporter importer) {
		this.repository = repository;
		this.importer = importer;
	}

	public Catalog catalog() {
		return this.repository.load();
	}

	/**
	 * The catalog as read at most {@link #RECENT} ago, for work that runs many times a
	 * second: the capture pipeline reads it for each batch, which at a few hundred
	 * exchanges a second cost more than the batch's insert. An import on this node is
	 * seen at once, one on another node that much later.
	 */
	public Catalog recentCatalog() {
		return this.recent.get(Boolean.TRUE, (key) -> this.repository.load());
	}

	public CatalogProfile profile(String keyword) {
		return catalog().profile(keyword).orElseThrow(() -> new NotFoundException("Profile", keyword));
	}

	/**
	 * The ids of the profiles with these keywords.
	 * @throws InvalidInputException naming every unknown keyword
	 */
	public List<Long> profileIds(Collection<String> keywords) {
		List<Long> ids = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String keyword : keywords) {
			this.repository.findProfileId(keyword).ifPresentOrElse(ids::add, () -> unknown.add(keyword));
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("Unknown profile: " + String.join(", ", unknown) + ".");
		}
		return ids;
	}

	/**
	 * Imports a catalog file (YAML or JSON, see docs/catalog-format.md); organizers only.
	 */
	public ImportSummary importCatalog(byte[] content, SignedInUser user) {
		user.requireAdmin();
		try {
			return this.importer.importFile(CatalogFormat.read(content), catalog());
		}
		finally {
			this.recent.invalidateAll();
		}
	}

	/**
	 * Adds the profile of an approved FHIR track, kind {@link ProfileKind#FHIR_IG}, with
	 * one actor per role of the track; the caller has checked that a reviewer approved
	 * it.
	 * @param actorNames the actors' names by keyword, in order
	 * @return the actors' ids by keyword, in the same order
	 */
	@Transactional
	public Map<String, Long> addTrackProfile(String keyword, String name, @Nullable String version,
			@Nullable String description, Map<String, String> actorNames) {
		if (this.repository.findProfileId(keyword).isPresent()) {
			throw new RuleViolationException("The catalog already has a profile " + keyword + ".");
		}
		long profileId = this.repository.saveProfile(keyword, name, ProfileKind.FHIR_IG, version, description, null);
		Map<String, Long> actorIds = new LinkedHashMap<>();
		actorNames.forEach((actorKeyword, actorName) -> actorIds.put(actorKeyword,
				this.repository.saveActor(profileId, actorKeyword, actorName, null)));
		this.recent.invalidateAll();
		return actorIds;
	}

	public String exportYaml() {
		return CatalogFormat.writeYaml(toFile(catalog()));
	}

	public String exportJson() {
		return CatalogFormat.writeJson(toFile(catalog()));
	}

	/**
	 * The HL7 v2 conformance profiles of a transaction named {@code PROFILE:KEYWORD};
	 * none when the catalog has no such transaction or it names none.
	 */
	public List<Hl7v2ConformanceProfile> hl7v2Profiles(String qualifiedTransaction) {
		int colon = qualifiedTransaction.indexOf(':');
		if (colon < 0) {
			return List.of();
		}
		return this.repository
			.findHl7v2Profiles(qualifiedTransaction.substring(0, colon), qualifiedTransaction.substring(colon + 1))
			.stream()
			.map((xml) -> this.parsedHl7v2Profiles.get(xml, Hl7v2ConformanceProfile::parse))
			.toList();
	}

	private CatalogFile toFile(Catalog catalog) {
		return new CatalogFile(CatalogFile.FORMAT, catalog.profiles().stream().map(this::toEntry).toList());
	}

	private ProfileEntry toEntry(CatalogProfile entry) {
		Profile profile = entry.profile();
		String keyword = profile.keyword();
		return new ProfileEntry(keyword, profile.name(), profile.kind(), profile.version(), profile.referenceUrl(),
				profile.description(),
				entry.actors()
					.stream()
					.map((actor) -> new ActorEntry(actor.keyword(), actor.name(), actor.description(),
							actor.options()
								.stream()
								.map((option) -> new OptionEntry(option.keyword(), option.name()))
								.toList(),
							actor.requires().stream().map((required) -> required.format(keyword)).toList()))
					.toList(),
				entry.transactions()
					.stream()
					.map((transaction) -> new TransactionEntry(transaction.keyword(), transaction.name(),
							transaction.initiator().format(keyword), transaction.responder().format(keyword),
							transaction.description(), transaction.matches(),
							this.repository.findHl7v2Profiles(keyword, transaction.keyword())))
					.toList());
	}

}
