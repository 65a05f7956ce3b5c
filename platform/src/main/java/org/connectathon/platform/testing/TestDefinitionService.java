package org.connectathon.platform.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ListFilterReader;
import org.connectathon.platform.ListFilters;
import org.connectathon.platform.ListSort;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestPlanFile.MetaTestEntry;
import org.connectathon.platform.testing.TestPlanFile.RoleEntry;
import org.connectathon.platform.testing.TestPlanFile.StepEntry;
import org.connectathon.platform.testing.TestPlanFile.TestEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The tests of an event: everyone who sees the event sees its tests; organizers import
 * and export them as a test plan file.
 */
@Service
@Validated
public class TestDefinitionService {

	private final TestRepository tests;

	private final TestPlanImporter importer;

	private final EventService events;

	private final CatalogService catalog;

	TestDefinitionService(TestRepository tests, TestPlanImporter importer, EventService events,
			CatalogService catalog) {
		this.tests = tests;
		this.importer = importer;
		this.events = events;
		this.catalog = catalog;
	}

	public List<TestDefinition> findInEvent(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.tests.findInEvent(eventId);
	}

	/**
	 * The event's tests that pass the filters, by keyword unless they ask for another
	 * order.
	 * @throws InvalidInputException naming each filter that does not read
	 */
	public List<TestDefinition> findInEvent(long eventId, ListFilters filters, SignedInUser user) {
		Event event = this.events.find(eventId, user);
		ListFilterReader read = filters.reader("test", Set.of(ListFilters.TEXT, ListFilters.TYPE, ListFilters.PROFILE));
		return this.tests.findInEvent(eventId,
				read.finish(new TestFilter(read.text(), read.type(TestType.class), read.profile(event.profiles()),
						read.sort(TestRepository.SORT_COLUMNS.keySet(), ListSort.ascending("keyword")))));
	}

	/**
	 * Refuses, as not found, a user who may not see the test: the check before reading or
	 * changing what belongs to it.
	 */
	public void requireVisible(long id, SignedInUser user) {
		find(id, user);
	}

	public TestDefinition find(long id, SignedInUser user) {
		TestDefinition test = this.tests.find(id).orElseThrow(() -> new NotFoundException("Test", id));
		this.events.requireVisible(test.eventId(), user);
		return test;
	}

	public List<MetaTest> findMetaTests(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.tests.findMetaTests(eventId);
	}

	/**
	 * Imports a test plan (YAML or JSON, see docs/test-plan-format.md) into the event;
	 * organizers only.
	 */
	public TestPlanSummary importPlan(long eventId, byte[] content, SignedInUser user) {
		user.requireAdmin();
		Event event = this.events.find(eventId, user);
		return this.importer.importFile(TestPlanFormat.read(content), event, this.catalog.catalog());
	}

	/**
	 * Changes the test's settings; organizers only. The engine may verify instances
	 * without a monitor only when it runs every step of the test.
	 */
	@Transactional
	public TestDefinition changeSettings(long id, @Valid TestSettingsForm form, SignedInUser user) {
		user.requireAdmin();
		TestDefinition test = find(id, user);
		if (form.automatedPassVerifies() && !test.fullyAutomated()) {
			throw new RuleViolationException(test.keyword() + " has steps without a TestScript; a monitor verifies "
					+ "its instances, so an automated pass cannot verify them alone.");
		}
		this.tests.updateAutomatedPassVerifies(id, form.automatedPassVerifies());
		return find(id, user);
	}

	/**
	 * Adds a peer-to-peer test of an approved FHIR track's scenario: one role per track
	 * role it involves, played by one system each, and one step from the first role to
	 * the second that the scenario's steps describe. The caller has checked that a
	 * reviewer approved the track.
	 * @param actorIdsByRole the actors playing the test's roles, by role keyword, in
	 * order
	 * @return the test's id
	 */
	@Transactional
	public long addTrackScenarioTest(long eventId, String keyword, String name, @Nullable String description,
			Map<String, Long> actorIdsByRole, @Nullable String steps) {
		long testId = this.tests.saveTest(eventId, keyword, name, description, TestType.PEER_TO_PEER, null, false,
				false);
		actorIdsByRole.forEach((role, actorId) -> this.tests.saveRole(testId, role, actorId, null, 1, 1, true,
				TestType.PEER_TO_PEER.defaultVerifiedInstancesNeeded()));
		List<String> roles = List.copyOf(actorIdsByRole.keySet());
		this.tests.saveStep(testId, 1, this.tests.findRoleId(testId, roles.get(0)),
				this.tests.findRoleId(testId, roles.get(1)), null, steps, null);
		return testId;
	}

	public String exportYaml(long eventId, SignedInUser user) {
		return TestPlanFormat.writeYaml(toFile(eventId, user));
	}

	public String exportJson(long eventId, SignedInUser user) {
		return TestPlanFormat.writeJson(toFile(eventId, user));
	}

	private TestPlanFile toFile(long eventId, SignedInUser user) {
		List<MetaTestEntry> metaTests = findMetaTests(eventId, user).stream()
			.map((metaTest) -> new MetaTestEntry(metaTest.keyword(), metaTest.name(), metaTest.description()))
			.toList();
		return new TestPlanFile(TestPlanFile.FORMAT, metaTests,
				findInEvent(eventId, user).stream().map(TestDefinitionService::toEntry).toList());
	}

	private static TestEntry toEntry(TestDefinition test) {
		return new TestEntry(test.keyword(), test.name(), test.type(), test.metaTestKeyword(),
				test.sameOrganizationAllowed() ? Boolean.TRUE : null,
				test.automatedPassVerifies() ? Boolean.TRUE : null, test.description(),
				test.roles()
					.stream()
					.map((role) -> new RoleEntry(role.keyword(), role.actor().toString(), role.optionKeyword(),
							role.minSystems(), role.maxSystems(), role.required(), role.verifiedInstancesNeeded()))
					.toList(),
				test.steps()
					.stream()
					.map((step) -> new StepEntry(step.initiatorRole(), step.responderRole(), step.transaction(),
							step.description(), step.testScript()))
					.toList());
	}

}
