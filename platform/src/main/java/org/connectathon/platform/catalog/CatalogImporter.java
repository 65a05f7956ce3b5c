package org.connectathon.platform.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.catalog.CatalogFile.ActorEntry;
import org.connectathon.platform.catalog.CatalogFile.OptionEntry;
import org.connectathon.platform.catalog.CatalogFile.ProfileEntry;
import org.connectathon.platform.catalog.CatalogFile.TransactionEntry;
import org.connectathon.platform.web.WebAddresses;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.connectathon.platform.ImportChecks.checkKeywordAndName;

/**
 * Imports a catalog file: checks the whole file first and reports every problem at once,
 * then adds and updates by keyword in one transaction. Nothing is deleted, since
 * registrations may refer to what is already in the catalog.
 */
@Component
class CatalogImporter {

	private final CatalogRepository repository;

	CatalogImporter(CatalogRepository repository) {
		this.repository = repository;
	}

	@Transactional
	ImportSummary importFile(CatalogFile file, Catalog existing) {
		List<String> problems = check(file, existing);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("The catalog file is inconsistent; nothing was imported.", problems);
		}
		int actors = 0;
		int transactions = 0;
		for (ProfileEntry profile : file.profiles()) {
			long profileId = this.repository.saveProfile(profile.keyword(), profile.name(), profile.kind(),
					profile.version(), profile.description(), profile.url());
			for (ActorEntry actor : profile.actors()) {
				long actorId = this.repository.saveActor(profileId, actor.keyword(), actor.name(), actor.description());
				for (OptionEntry option : actor.options()) {
					this.repository.saveOption(actorId, option.keyword(), option.name());
				}
				actors++;
			}
		}
		// Second pass: dependencies and transactions may name actors of profiles later in
		// the file.
		for (ProfileEntry profile : file.profiles()) {
			long profileId = this.repository.findProfileId(profile.keyword()).orElseThrow();
			for (ActorEntry actor : profile.actors()) {
				long actorId = this.repository.findActorId(profileId, actor.keyword()).orElseThrow();
				this.repository.replaceDependencies(actorId,
						actor.requires().stream().map((text) -> actorId(text, profile.keyword())).toList());
			}
			for (TransactionEntry transaction : profile.transactions()) {
				long transactionId = this.repository.saveTransaction(profileId, transaction.keyword(),
						transaction.name(), transaction.description(),
						actorId(transaction.initiator(), profile.keyword()),
						actorId(transaction.responder(), profile.keyword()));
				this.repository.replaceMatches(transactionId,
						transaction.matches().stream().map(RequestPattern::parse).map(RequestPattern::text).toList());
				this.repository.replaceHl7v2Profiles(transactionId, transaction.hl7v2Profiles());
				transactions++;
			}
		}
		return new ImportSummary(file.profiles().size(), actors, transactions);
	}

	/**
	 * Each HL7 v2 conformance profile must read, and define a message type that one of
	 * the transaction's {@code hl7v2:} matches declares: else no capture would meet it.
	 */
	private static void checkHl7v2Profiles(String transactionWhere, TransactionEntry transaction,
			List<String> problems) {
		for (int h = 0; h < transaction.hl7v2Profiles().size(); h++) {
			String profileWhere = transactionWhere + ".hl7v2Profiles[" + h + "]: ";
			Hl7v2ConformanceProfile profile;
			try {
				profile = Hl7v2ConformanceProfile.parse(transaction.hl7v2Profiles().get(h));
			}
			catch (IllegalArgumentException problem) {
				problems.add(profileWhere + problem.getMessage());
				continue;
			}
			boolean declared = transaction.matches()
				.stream()
				.filter((text) -> RequestPattern.problem(text).isEmpty())
				.map(RequestPattern::parse)
				.anyMatch((pattern) -> pattern.matches(Protocol.HL7V2, profile.messageType()));
			if (!declared) {
				problems.add(profileWhere + "the profile defines " + profile.messageType()
						+ ", which none of the transaction's matches declares (add 'hl7v2:" + profile.messageType()
						+ "')");
			}
		}
	}

	private long actorId(String text, String currentProfile) {
		ActorReference reference = QualifiedKeyword.parse(text, currentProfile).orElseThrow().actor();
		long profileId = this.repository.findProfileId(reference.profileKeyword()).orElseThrow();
		return this.repository.findActorId(profileId, reference.actorKeyword()).orElseThrow();
	}

	/**
	 * Every problem of the file, each naming where it is; empty when the file can be
	 * imported.
	 */
	static List<String> check(CatalogFile file, Catalog existing) {
		List<String> problems = new ArrayList<>();
		if (file.format() != null && !CatalogFile.FORMAT.equals(file.format())) {
			problems.add("format: expected '" + CatalogFile.FORMAT + "', found '" + file.format() + "'");
		}
		if (file.profiles().isEmpty()) {
			problems.add("profiles: the file lists no profile");
		}
		Set<ActorReference> known = new HashSet<>();
		existing.profiles().forEach((entry) -> entry.actors().forEach((actor) -> known.add(actor.reference())));
		Set<String> profileKeywords = new HashSet<>();
		for (int p = 0; p < file.profiles().size(); p++) {
			ProfileEntry profile = file.profiles().get(p);
			String where = "profiles[" + p + "]";
			checkKeywordAndName(where, profile.keyword(), profile.name(), problems);
			if (profile.url() != null && !WebAddresses.isWebAddress(profile.url())) {
				problems.add(where + ".url: '" + profile.url() + "' is not an http or https address");
			}
			if (profile.kind() == null) {
				problems.add(where + ".kind: missing; one of IHE_PROFILE, FHIR_IG");
			}
			if (profile.keyword() != null && !profileKeywords.add(profile.keyword())) {
				problems.add(where + ".keyword: profile '" + profile.keyword() + "' appears twice in the file");
			}
			Set<String> actorKeywords = new HashSet<>();
			for (int a = 0; a < profile.actors().size(); a++) {
				ActorEntry actor = profile.actors().get(a);
				String actorWhere = where + ".actors[" + a + "]";
				checkKeywordAndName(actorWhere, actor.keyword(), actor.name(), problems);
				if (actor.keyword() != null && !actorKeywords.add(actor.keyword())) {
					problems.add(actorWhere + ".keyword: actor '" + actor.keyword() + "' appears twice in profile '"
							+ profile.keyword() + "'");
				}
				if (profile.keyword() != null && actor.keyword() != null) {
					known.add(new ActorReference(profile.keyword(), actor.keyword()));
				}
				Set<String> optionKeywords = new HashSet<>();
				for (int o = 0; o < actor.options().size(); o++) {
					OptionEntry option = actor.options().get(o);
					String optionWhere = actorWhere + ".options[" + o + "]";
					checkKeywordAndName(optionWhere, option.keyword(), option.name(), problems);
					if (option.keyword() != null && !optionKeywords.add(option.keyword())) {
						problems.add(optionWhere + ".keyword: option '" + option.keyword() + "' appears twice");
					}
				}
			}
			Set<String> transactionKeywords = new HashSet<>();
			for (int t = 0; t < profile.transactions().size(); t++) {
				TransactionEntry transaction = profile.transactions().get(t);
				String transactionWhere = where + ".transactions[" + t + "]";
				checkKeywordAndName(transactionWhere, transaction.keyword(), transaction.name(), problems);
				if (transaction.keyword() != null && !transactionKeywords.add(transaction.keyword())) {
					problems.add(transactionWhere + ".keyword: transaction '" + transaction.keyword()
							+ "' appears twice in profile '" + profile.keyword() + "'");
				}
				for (int m = 0; m < transaction.matches().size(); m++) {
					String matchWhere = transactionWhere + ".matches[" + m + "]: ";
					RequestPattern.problem(transaction.matches().get(m))
						.ifPresent((problem) -> problems.add(matchWhere + problem));
				}
				checkHl7v2Profiles(transactionWhere, transaction, problems);
			}
		}
		// References are checked once every actor of the file is known.
		for (int p = 0; p < file.profiles().size(); p++) {
			ProfileEntry profile = file.profiles().get(p);
			if (profile.keyword() == null) {
				continue;
			}
			for (int a = 0; a < profile.actors().size(); a++) {
				List<String> requires = profile.actors().get(a).requires();
				for (int r = 0; r < requires.size(); r++) {
					checkReference("profiles[" + p + "].actors[" + a + "].requires[" + r + "]", requires.get(r),
							profile.keyword(), known, problems);
				}
			}
			for (int t = 0; t < profile.transactions().size(); t++) {
				TransactionEntry transaction = profile.transactions().get(t);
				String where = "profiles[" + p + "].transactions[" + t + "]";
				checkReference(where + ".initiator", transaction.initiator(), profile.keyword(), known, problems);
				checkReference(where + ".responder", transaction.responder(), profile.keyword(), known, problems);
			}
		}
		return problems;
	}

	private static void checkReference(String where, String text, String currentProfile, Set<ActorReference> known,
			List<String> problems) {
		if (text == null || text.isBlank()) {
			problems.add(where + ": missing actor");
			return;
		}
		Optional<ActorReference> reference = QualifiedKeyword.parse(text, currentProfile).map(QualifiedKeyword::actor);
		if (reference.isEmpty()) {
			problems.add(where + ": '" + text + "' must be written PROFILE:ACTOR or ACTOR");
		}
		else if (!known.contains(reference.get())) {
			problems.add(where + ": unknown actor '" + reference.get() + "'");
		}
	}

}
