package org.connectathon.platform.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.catalog.Catalog.CatalogProfile;
import org.connectathon.platform.catalog.CatalogFile.ActorEntry;
import org.connectathon.platform.catalog.CatalogFile.OptionEntry;
import org.connectathon.platform.catalog.CatalogFile.ProfileEntry;
import org.connectathon.platform.catalog.CatalogFile.TransactionEntry;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.stereotype.Service;

/** The catalog of profiles, actors, options and transactions: browse, import, export. */
@Service
public class CatalogService {

	private final CatalogRepository repository;

	private final CatalogImporter importer;

	CatalogService(CatalogRepository repository, CatalogImporter importer) {
		this.repository = repository;
		this.importer = importer;
	}

	public Catalog catalog() {
		return this.repository.load();
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
		return this.importer.importFile(CatalogFormat.read(content), catalog());
	}

	public String exportYaml() {
		return CatalogFormat.writeYaml(toFile(catalog()));
	}

	public String exportJson() {
		return CatalogFormat.writeJson(toFile(catalog()));
	}

	private static CatalogFile toFile(Catalog catalog) {
		return new CatalogFile(CatalogFile.FORMAT, catalog.profiles().stream().map(CatalogService::toEntry).toList());
	}

	private static ProfileEntry toEntry(CatalogProfile entry) {
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
							transaction.description(), transaction.matches()))
					.toList());
	}

}
