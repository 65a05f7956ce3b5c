package org.connectathon.platform.browser;

import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.testing.TestPlanIntegrationTests;
import org.connectathon.platform.testing.TestingFixtures;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What organizers and participants do with tests and test instances, in a real browser.
 */
@PlatformIntegrationTest
class TestingBrowserIntegrationTests {

	@Autowired
	Fixtures fixtures;

	Browser browser;

	@BeforeEach
	void openTheBrowser() {
		this.browser = Browser.open(this.fixtures.port());
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void shouldLetAnOrganizerImportATestPlanAndShowItsTests() {
		Event event = this.fixtures.openEvent();
		User organizer = this.fixtures.user(Role.ADMIN, null);
		this.browser.signIn(organizer.username(), Fixtures.PASSWORD);

		this.browser.visit("/events/" + event.id());
		this.browser.click(By.id("event-tests"));
		this.browser.click(By.id("import-test-plan"));
		this.browser.type(By.id("test-plan-content"),
				"""
						tests:
						  - keyword: PDQM-QUERY
						    name: A consumer finds the patient
						    type: PEER_TO_PEER
						    roles:
						      - { keyword: CONSUMER, actor: "PDQm:CONSUMER" }
						      - { keyword: SUPPLIER, actor: "PDQm:SUPPLIER" }
						    steps:
						      - { initiator: CONSUMER, responder: SUPPLIER, transaction: "PDQm:ITI-78", description: Search by name }
						""");
		this.browser.click(By.id("import-plan"));

		this.browser.waitForText(By.cssSelector(".flash.success"), "Imported 1 tests with 2 roles and 1 steps");
		assertThat(this.browser.text(By.id("tests"))).contains("PDQM-QUERY")
			.contains("peer-to-peer")
			.contains("PDQm:SUPPLIER");
		this.browser.click(By.linkText("PDQM-QUERY"));
		assertThat(this.browser.text(By.id("roles"))).contains("Patient Demographics Consumer").contains("required");
		assertThat(this.browser.text(By.id("steps"))).contains("PDQm:ITI-78").contains("Search by name");
	}

	@Test
	void shouldShowWhereATestPlanIsWrong() {
		Event event = this.fixtures.openEvent();
		User organizer = this.fixtures.user(Role.ADMIN, null);
		this.browser.signIn(organizer.username(), Fixtures.PASSWORD);

		this.browser.visit("/admin/events/" + event.id() + "/test-plan");
		this.browser.type(By.id("test-plan-content"), "tests:\n  - keyword: [unclosed\n");
		this.browser.click(By.id("import-plan"));

		this.browser.waitForText(By.cssSelector(".flash.error"), "The test plan file cannot be read.");
		assertThat(this.browser.text(By.cssSelector(".flash.error"))).contains("line 2, column");
	}

	@Test
	void shouldLetAParticipantStartAnInstanceWithAPartnerAndDocumentIt() {
		Event event = this.fixtures.openEvent();
		long test = TestingFixtures
			.importedTest(this.fixtures.admin(), event, TestPlanIntegrationTests.PEER_TO_PEER_PLAN, "PDQM-QUERY")
			.path("id")
			.asLong();
		Organization acme = this.fixtures.organization();
		User alice = this.fixtures.user(Role.PARTICIPANT, acme);
		long viewer = TestingFixtures.publishedSystem(this.fixtures.apiAs(alice), event, "Acme Viewer",
				"PDQm:CONSUMER");
		ApiClient bob = this.fixtures.participantOf(this.fixtures.organization());
		long partner = TestingFixtures.publishedSystem(bob, event, "Globex MPI", "PDQm:SUPPLIER");
		this.browser.signIn(alice.username(), Fixtures.PASSWORD);

		this.browser.visit("/tests/" + test);
		this.browser.click(By.id("start-instance-link"));
		this.browser.choose(By.id("role-CONSUMER"), String.valueOf(viewer));
		this.browser.choose(By.id("role-SUPPLIER"), String.valueOf(partner));
		this.browser.click(By.id("start-instance"));

		this.browser.waitForText(By.cssSelector(".flash.success"), "Started PDQM-QUERY.");
		assertThat(this.browser.text(By.id("instance-status"))).isEqualTo("running");
		this.browser.click(By.id("step-1-DONE"));
		this.browser.waitForText(By.id("instance-steps"), "done");
		this.browser.type(By.id("evidence-text"), "Found the patient on the first query");
		this.browser.click(By.id("add-evidence"));
		this.browser.waitForText(By.id("evidence"), "Found the patient on the first query");
		this.browser.type(By.id("status-reason"), "All steps done");
		this.browser.click(By.id("move-TO_BE_VERIFIED"));

		this.browser.waitForText(By.id("instance-status"), "to be verified");
		assertThat(this.browser.text(By.id("history"))).contains("All steps done");
		this.browser.visit("/systems/" + viewer);
		this.browser.click(By.id("find-partners"));
		assertThat(this.browser.text(By.id("finding-PDQm-CONSUMER"))).contains("PDQM-QUERY")
			.contains("SUPPLIER: 1/1")
			.contains("Globex MPI")
			.contains("tested");
	}

	@Test
	void shouldLetAMonitorClaimAndVerifyAnInstanceFromTheWorklist() {
		Event event = this.fixtures.openEvent();
		ApiClient admin = this.fixtures.admin();
		long test = TestingFixtures.importedTest(admin, event, TestPlanIntegrationTests.PEER_TO_PEER_PLAN, "PDQM-QUERY")
			.path("id")
			.asLong();
		ApiClient alice = this.fixtures.participantOf(this.fixtures.organization());
		long viewer = TestingFixtures.publishedSystem(alice, event, "Acme Viewer", "PDQm:CONSUMER");
		long partner = TestingFixtures.publishedSystem(this.fixtures.participantOf(this.fixtures.organization()), event,
				"Globex MPI", "PDQm:SUPPLIER");
		long instance = alice
			.post("/api/tests/" + test + "/instances",
					TestingFixtures.participants("CONSUMER", viewer, "SUPPLIER", partner))
			.json()
			.path("id")
			.asLong();
		alice.post("/api/test-instances/" + instance + "/status", Map.of("status", "TO_BE_VERIFIED"));
		User monitor = this.fixtures.user(Role.MONITOR, null);
		admin.put("/api/tests/" + test + "/monitors", List.of(monitor.id()));
		this.browser.signIn(monitor.username(), Fixtures.PASSWORD);

		this.browser.visit("/events/" + event.id());
		this.browser.click(By.id("event-worklist"));
		assertThat(this.browser.text(By.id("worklist"))).contains("PDQM-QUERY").contains("to be verified");
		this.browser.click(By.id("claim-" + instance));
		this.browser.click(By.id("step-1-verdict-PASSED"));
		this.browser.waitForText(By.id("verify-steps"), "passed");
		this.browser.type(By.id("verdict-comment"), "Checked the proxy log");
		this.browser.click(By.id("verdict-VERIFIED"));

		this.browser.waitForText(By.id("instance-status"), "verified");
		assertThat(this.browser.text(By.id("history"))).contains(monitor.displayName())
			.contains("Checked the proxy log");
	}

	@Test
	void shouldShowANewInstanceOnTheOpenWorklistWithoutReloading() {
		Event event = this.fixtures.openEvent();
		ApiClient admin = this.fixtures.admin();
		long test = TestingFixtures.importedTest(admin, event, TestPlanIntegrationTests.PEER_TO_PEER_PLAN, "PDQM-QUERY")
			.path("id")
			.asLong();
		ApiClient alice = this.fixtures.participantOf(this.fixtures.organization());
		long viewer = TestingFixtures.publishedSystem(alice, event, "Acme Viewer", "PDQm:CONSUMER");
		long partner = TestingFixtures.publishedSystem(this.fixtures.participantOf(this.fixtures.organization()), event,
				"Globex MPI", "PDQm:SUPPLIER");
		User monitor = this.fixtures.user(Role.MONITOR, null);
		admin.put("/api/tests/" + test + "/monitors", List.of(monitor.id()));
		this.browser.signIn(monitor.username(), Fixtures.PASSWORD);
		this.browser.visit("/events/" + event.id() + "/worklist");
		this.browser.waitForText(By.id("worklist-content"), "Nothing waits");

		long instance = alice
			.post("/api/tests/" + test + "/instances",
					TestingFixtures.participants("CONSUMER", viewer, "SUPPLIER", partner))
			.json()
			.path("id")
			.asLong();
		alice.post("/api/test-instances/" + instance + "/status", Map.of("status", "TO_BE_VERIFIED"));

		this.browser.waitForText(By.id("worklist-content"), "PDQM-QUERY");
		assertThat(this.browser.currentPath()).isEqualTo("/events/" + event.id() + "/worklist");
	}

}
