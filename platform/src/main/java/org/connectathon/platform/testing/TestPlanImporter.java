package org.connectathon.platform.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.catalog.Actor;
import org.connectathon.platform.catalog.ActorOption;
import org.connectathon.platform.catalog.ActorReference;
import org.connectathon.platform.catalog.Catalog;
import org.connectathon.platform.catalog.QualifiedKeyword;
import org.connectathon.platform.catalog.Transaction;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.testing.TestPlanFile.MetaTestEntry;
import org.connectathon.platform.testing.TestPlanFile.RoleEntry;
import org.connectathon.platform.testing.TestPlanFile.StepEntry;
import org.connectathon.platform.testing.TestPlanFile.TestEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.connectathon.platform.ImportChecks.checkKeyword;
import static org.connectathon.platform.ImportChecks.checkKeywordAndName;

/**
 * Imports a test plan into an event: checks the whole file against the catalog and the
 * event's scope first and reports every problem at once, then adds and updates
 * meta-tests, tests, roles and steps by keyword (steps by position) in one transaction.
 */
@Component
class TestPlanImporter {

	private final TestRepository repository;

	private final TestInstanceRepository instances;

	TestPlanImporter(TestRepository repository, TestInstanceRepository instances) {
		this.repository = repository;
		this.instances = instances;
	}

	@Transactional
	TestPlanSummary importFile(TestPlanFile file, Event event, Catalog catalog) {
		Set<String> knownMetaTests = new HashSet<>();
		this.repository.findMetaTests(event.id()).forEach((metaTest) -> knownMetaTests.add(metaTest.keyword()));
		List<String> problems = check(file, event, catalog, knownMetaTests);
		problems.addAll(checkKeepsWhatInstancesUse(file, this.repository.findInEvent(event.id())));
		if (!problems.isEmpty()) {
			throw new InvalidInputException("The test plan is inconsistent; nothing was imported.", problems);
		}
		for (MetaTestEntry metaTest : file.metaTests()) {
			this.repository.saveMetaTest(event.id(), metaTest.keyword(), metaTest.name(), metaTest.description());
		}
		int roles = 0;
		int steps = 0;
		for (TestEntry test : file.tests()) {
			Long metaTestId = (test.metaTest() != null)
					? this.repository.findMetaTestId(event.id(), test.metaTest()).orElseThrow() : null;
			long testId = this.repository.saveTest(event.id(), test.keyword(), test.name(), test.description(),
					test.type(), metaTestId, Boolean.TRUE.equals(test.sameOrganizationAllowed()),
					Boolean.TRUE.equals(test.automatedPassVerifies()));
			List<String> roleKeywords = new ArrayList<>();
			for (RoleEntry role : test.roles()) {
				Actor actor = catalog.actor(reference(role.actor())).orElseThrow();
				Long optionId = option(actor, role.option()).map(ActorOption::id).orElse(null);
				int minSystems = (role.minSystems() != null) ? role.minSystems() : 1;
				this.repository.saveRole(testId, role.keyword(), actor.id(), optionId, minSystems,
						(role.maxSystems() != null) ? role.maxSystems() : minSystems,
						(role.required() != null) ? role.required() : true, (role.verifiedInstancesNeeded() != null)
								? role.verifiedInstancesNeeded() : test.type().defaultVerifiedInstancesNeeded());
				roleKeywords.add(role.keyword());
				roles++;
			}
			for (int s = 0; s < test.steps().size(); s++) {
				StepEntry step = test.steps().get(s);
				Long transactionId = (step.transaction() != null)
						? transaction(catalog, step.transaction()).orElseThrow().id() : null;
				this.repository.saveStep(testId, s + 1,
						(step.initiator() != null) ? this.repository.findRoleId(testId, step.initiator()) : null,
						(step.responder() != null) ? this.repository.findRoleId(testId, step.responder()) : null,
						transactionId, step.description(), step.testScript());
				steps++;
			}
			this.repository.deleteStepsAfter(testId, test.steps().size());
			this.repository.deleteRolesExcept(testId, roleKeywords);
		}
		return new TestPlanSummary(file.metaTests().size(), file.tests().size(), roles, steps);
	}

	/**
	 * Every problem of the file, each naming where it is; empty when the file can be
	 * imported.
	 */
	static List<String> check(TestPlanFile file, Event event, Catalog catalog, Set<String> knownMetaTests) {
		List<String> problems = new ArrayList<>();
		if (file.format() != null && !TestPlanFile.FORMAT.equals(file.format())) {
			problems.add("format: expected '" + TestPlanFile.FORMAT + "', found '" + file.format() + "'");
		}
		if (file.tests().isEmpty()) {
			problems.add("tests: the file lists no test");
		}
		Set<String> metaTests = new HashSet<>(knownMetaTests);
		Set<String> metaTestsInFile = new HashSet<>();
		for (int m = 0; m < file.metaTests().size(); m++) {
			MetaTestEntry metaTest = file.metaTests().get(m);
			String where = "metaTests[" + m + "]";
			checkKeywordAndName(where, metaTest.keyword(), metaTest.name(), problems);
			if (metaTest.keyword() != null && !metaTestsInFile.add(metaTest.keyword())) {
				problems.add(where + ".keyword: meta-test '" + metaTest.keyword() + "' appears twice in the file");
			}
			metaTests.add(metaTest.keyword());
		}
		Set<String> testKeywords = new HashSet<>();
		for (int t = 0; t < file.tests().size(); t++) {
			TestEntry test = file.tests().get(t);
			String where = "tests[" + t + "]";
			checkKeywordAndName(where, test.keyword(), test.name(), problems);
			if (test.keyword() != null && !testKeywords.add(test.keyword())) {
				problems.add(where + ".keyword: test '" + test.keyword() + "' appears twice in the file");
			}
			if (test.type() == null) {
				problems.add(where + ".type: missing; one of NO_PEER, PEER_TO_PEER, GROUP");
			}
			if (test.metaTest() != null && !metaTests.contains(test.metaTest())) {
				problems
					.add(where + ".metaTest: unknown meta-test '" + test.metaTest() + "'; declare it under metaTests");
			}
			checkRoles(where, test, event, catalog, problems);
			checkSteps(where, test, catalog, problems);
			checkAutomatedPassVerifies(where, test, problems);
		}
		return problems;
	}

	/**
	 * Instances point at their test's roles and steps, so a test with instances keeps
	 * them.
	 */
	private List<String> checkKeepsWhatInstancesUse(TestPlanFile file, List<TestDefinition> existing) {
		List<String> problems = new ArrayList<>();
		for (int t = 0; t < file.tests().size(); t++) {
			TestEntry entry = file.tests().get(t);
			TestDefinition test = existing.stream()
				.filter((candidate) -> candidate.keyword().equals(entry.keyword()))
				.findFirst()
				.orElse(null);
			if (test == null || !this.instances.testHasInstances(test.id())) {
				continue;
			}
			List<String> removed = test.roles()
				.stream()
				.map(TestRole::keyword)
				.filter((keyword) -> entry.roles().stream().noneMatch((role) -> keyword.equals(role.keyword())))
				.toList();
			if (!removed.isEmpty()) {
				problems.add("tests[" + t + "].roles: test '" + test.keyword()
						+ "' has instances, so it keeps its roles; missing " + String.join(", ", removed));
			}
			if (entry.steps().size() < test.steps().size()) {
				problems.add("tests[" + t + "].steps: test '" + test.keyword() + "' has instances, so it keeps its "
						+ test.steps().size() + " steps; found " + entry.steps().size());
			}
		}
		return problems;
	}

	private static void checkRoles(String testWhere, TestEntry test, Event event, Catalog catalog,
			List<String> problems) {
		if (test.type() == TestType.NO_PEER && test.roles().size() != 1) {
			problems.add(testWhere + ".roles: a no-peer test has exactly one role, found " + test.roles().size());
		}
		else if (test.type() == TestType.PEER_TO_PEER && test.roles().size() < 2) {
			problems
				.add(testWhere + ".roles: a peer-to-peer test has at least two roles, found " + test.roles().size());
		}
		else if (test.roles().isEmpty()) {
			problems.add(testWhere + ".roles: the test has no role");
		}
		Set<String> roleKeywords = new HashSet<>();
		for (int r = 0; r < test.roles().size(); r++) {
			RoleEntry role = test.roles().get(r);
			String where = testWhere + ".roles[" + r + "]";
			if (checkKeyword(where, role.keyword(), problems) && !roleKeywords.add(role.keyword())) {
				problems.add(where + ".keyword: role '" + role.keyword() + "' appears twice in test '" + test.keyword()
						+ "'");
			}
			checkActor(where, role, event, catalog, problems);
			int minSystems = (role.minSystems() != null) ? role.minSystems() : 1;
			if (minSystems < 1) {
				problems.add(where + ".minSystems: at least 1, found " + minSystems);
			}
			if (role.maxSystems() != null && role.maxSystems() < minSystems) {
				problems
					.add(where + ".maxSystems: at least minSystems (" + minSystems + "), found " + role.maxSystems());
			}
			if (role.verifiedInstancesNeeded() != null && role.verifiedInstancesNeeded() < 1) {
				problems.add(where + ".verifiedInstancesNeeded: at least 1, found " + role.verifiedInstancesNeeded());
			}
		}
	}

	private static void checkActor(String where, RoleEntry role, Event event, Catalog catalog, List<String> problems) {
		if (role.actor() == null || role.actor().isBlank()) {
			problems.add(where + ".actor: missing; write it PROFILE:ACTOR");
			return;
		}
		ActorReference reference = reference(role.actor());
		if (reference == null) {
			problems.add(where + ".actor: '" + role.actor() + "' must be written PROFILE:ACTOR");
			return;
		}
		Optional<Actor> actor = catalog.actor(reference);
		if (actor.isEmpty()) {
			problems.add(where + ".actor: unknown actor '" + reference + "'");
		}
		else if (!event.profiles().contains(reference.profileKeyword())) {
			problems.add(where + ".actor: profile " + reference.profileKeyword() + " is not in the scope of "
					+ event.name());
		}
		else if (role.option() != null && option(actor.get(), role.option()).isEmpty()) {
			problems.add(where + ".option: actor " + reference + " has no option '" + role.option() + "'");
		}
	}

	/**
	 * The engine verifies alone only what it ran entirely; a step left to people needs a
	 * monitor.
	 */
	private static void checkAutomatedPassVerifies(String testWhere, TestEntry test, List<String> problems) {
		if (!Boolean.TRUE.equals(test.automatedPassVerifies())) {
			return;
		}
		List<String> manualSteps = new ArrayList<>();
		for (int s = 0; s < test.steps().size(); s++) {
			if (test.steps().get(s).testScript() == null) {
				manualSteps.add(String.valueOf(s));
			}
		}
		if (!manualSteps.isEmpty()) {
			problems.add(testWhere + ".automatedPassVerifies: only a test whose every step names a testScript is "
					+ "verified without a monitor; steps[" + String.join("], steps[", manualSteps) + "] name none");
		}
	}

	private static void checkSteps(String testWhere, TestEntry test, Catalog catalog, List<String> problems) {
		if (test.steps().isEmpty()) {
			problems.add(testWhere + ".steps: the test has no step");
		}
		for (int s = 0; s < test.steps().size(); s++) {
			StepEntry step = test.steps().get(s);
			String where = testWhere + ".steps[" + s + "]";
			RoleEntry initiator = roleOf(test, step.initiator());
			if (step.initiator() == null && step.responder() == null) {
				problems.add(where + ": name the initiator, the responder or both; a tool plays the other");
			}
			else if (step.initiator() != null && initiator == null) {
				problems.add(where + ".initiator: unknown role '" + step.initiator() + "'");
			}
			RoleEntry responder = roleOf(test, step.responder());
			if (step.responder() != null) {
				if (responder == null) {
					problems.add(where + ".responder: unknown role '" + step.responder() + "'");
				}
				else if (step.responder().equals(step.initiator())) {
					problems.add(where + ".responder: the initiator cannot respond to itself");
				}
			}
			if (step.transaction() == null) {
				continue;
			}
			Optional<Transaction> transaction = transaction(catalog, step.transaction());
			if (transaction.isEmpty()) {
				problems.add(where + ".transaction: unknown transaction '" + step.transaction()
						+ "'; write it PROFILE:TRANSACTION");
				continue;
			}
			checkPlays(where + ".initiator", initiator, transaction.get().initiator(), step.transaction(), "initiated",
					problems);
			checkPlays(where + ".responder", responder, transaction.get().responder(), step.transaction(), "answered",
					problems);
		}
	}

	/**
	 * A transaction's actor must be the role's, so that the step reads true to the
	 * profile.
	 */
	private static void checkPlays(String where, @Nullable RoleEntry role, ActorReference expected, String transaction,
			String verb, List<String> problems) {
		if (role == null || role.actor() == null) {
			return;
		}
		ActorReference actual = reference(role.actor());
		if (actual != null && !actual.equals(expected)) {
			problems.add(where + ": " + transaction + " is " + verb + " by " + expected + ", but role '"
					+ role.keyword() + "' plays " + actual);
		}
	}

	private static @Nullable RoleEntry roleOf(TestEntry test, @Nullable String keyword) {
		if (keyword == null) {
			return null;
		}
		return test.roles().stream().filter((role) -> keyword.equals(role.keyword())).findFirst().orElse(null);
	}

	/** An actor written {@code PROFILE:ACTOR}; null when the text lacks either part. */
	private static @Nullable ActorReference reference(@Nullable String text) {
		return QualifiedKeyword.parse(text).map(QualifiedKeyword::actor).orElse(null);
	}

	private static Optional<ActorOption> option(Actor actor, @Nullable String keyword) {
		return actor.options().stream().filter((option) -> option.keyword().equals(keyword)).findFirst();
	}

	private static Optional<Transaction> transaction(Catalog catalog, String text) {
		return QualifiedKeyword.parse(text)
			.flatMap((reference) -> catalog.profile(reference.profileKeyword())
				.flatMap((profile) -> profile.transactions()
					.stream()
					.filter((transaction) -> transaction.keyword().equals(reference.keyword()))
					.findFirst()));
	}

}
