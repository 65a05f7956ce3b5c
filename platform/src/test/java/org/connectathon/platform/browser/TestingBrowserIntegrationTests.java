package org.connectathon.platform.browser;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.testing.TestPlanIntegrationTests;
import org.connectathon.platform.testing.PeerToPeerTestBuilder;
import org.connectathon.platform.testing.TestingFixtures;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What organizers and participants do with tests and test instances, in a real browser.
 */
@PlatformIntegrationTest
class TestingBrowserIntegrationTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldLetAnOrganizerImportATestPlanAndShowItsTests() {
		Event event = this.fixtures.openEvent();
		User organizer = this.fixtures.user(Role.ADMIN, null);
		browser.signInAs(organizer);

		browser.visit("/events/" + event.id());
		browser.click(By.id("event-tests"));
		browser.click(By.id("import-test-plan"));
		browser.type(By.id("test-plan-content"),
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
		browser.click(By.id("import-plan"));

		browser.waitForText(By.cssSelector(".flash.success"), "Imported 1 tests with 2 roles and 1 steps");
		assertThat(browser.text(By.id("tests"))).contains("PDQM-QUERY")
			.contains("peer-to-peer")
			.contains("PDQm:SUPPLIER");
		browser.click(By.linkText("PDQM-QUERY"));
		assertThat(browser.text(By.id("roles"))).contains("Patient Demographics Consumer").contains("required");
		assertThat(browser.text(By.id("steps"))).contains("PDQm:ITI-78").contains("Search by name");
	}

	@Test
	void shouldShowWhereATestPlanIsWrong() {
		Event event = this.fixtures.openEvent();
		User organizer = this.fixtures.user(Role.ADMIN, null);
		browser.signInAs(organizer);

		browser.visit("/admin/events/" + event.id() + "/test-plan");
		browser.type(By.id("test-plan-content"), "tests:\n  - keyword: [unclosed\n");
		browser.click(By.id("import-plan"));

		browser.waitForText(By.cssSelector(".flash.error"), "The test plan file cannot be read.");
		assertThat(browser.text(By.cssSelector(".flash.error"))).contains("line 2, column");
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
		browser.signInAs(alice);

		browser.visit("/tests/" + test);
		browser.click(By.id("start-instance-link"));
		browser.choose(By.id("role-CONSUMER"), String.valueOf(viewer));
		browser.choose(By.id("role-SUPPLIER"), String.valueOf(partner));
		browser.click(By.id("start-instance"));

		browser.waitForText(By.cssSelector(".flash.success"), "Started PDQM-QUERY.");
		assertThat(browser.text(By.id("instance-status"))).isEqualTo("running");
		browser.click(By.id("step-1-DONE"));
		browser.waitForText(By.id("instance-steps"), "done");
		browser.type(By.id("evidence-text"), "Found the patient on the first query");
		browser.click(By.id("add-evidence"));
		browser.waitForText(By.id("evidence"), "Found the patient on the first query");
		browser.type(By.id("status-reason"), "All steps done");
		browser.click(By.id("move-TO_BE_VERIFIED"));

		browser.waitForText(By.id("instance-status"), "to be verified");
		assertThat(browser.text(By.id("history"))).contains("All steps done");
		browser.visit("/systems/" + viewer);
		browser.click(By.id("find-partners"));
		assertThat(browser.text(By.id("finding-PDQm-CONSUMER"))).contains("PDQM-QUERY")
			.contains("SUPPLIER: 1/1")
			.contains("Globex MPI")
			.contains("tested");
	}

	@Test
	void shouldLetAMonitorClaimAndVerifyAnInstanceFromTheWorklist() {
		Event event = this.fixtures.openEvent();
		PeerToPeerTestBuilder pdqmQuery = PeerToPeerTestBuilder.pdqmQuery(this.fixtures, event);
		long instance = pdqmQuery.handedOver();
		User monitor = this.fixtures.user(Role.MONITOR, null);
		pdqmQuery.monitoredBy(monitor.id());
		browser.signInAs(monitor);

		browser.visit("/events/" + event.id());
		browser.click(By.id("event-worklist"));
		assertThat(browser.text(By.id("worklist"))).contains("PDQM-QUERY").contains("to be verified");
		browser.click(By.id("claim-" + instance));
		browser.click(By.id("step-1-verdict-PASSED"));
		browser.waitForText(By.id("verify-steps"), "passed");
		browser.type(By.id("verdict-comment"), "Checked the proxy log");
		browser.click(By.id("verdict-VERIFIED"));

		browser.waitForText(By.id("instance-status"), "verified");
		assertThat(browser.text(By.id("history"))).contains(monitor.displayName()).contains("Checked the proxy log");
	}

	@Test
	void shouldShowANewInstanceOnTheOpenWorklistWithoutReloading() {
		Event event = this.fixtures.openEvent();
		PeerToPeerTestBuilder pdqmQuery = PeerToPeerTestBuilder.pdqmQuery(this.fixtures, event);
		User monitor = this.fixtures.user(Role.MONITOR, null);
		pdqmQuery.monitoredBy(monitor.id());
		browser.signInAs(monitor);
		browser.visit("/events/" + event.id() + "/worklist");
		browser.waitForText(By.id("worklist-content"), "Nothing waits");

		pdqmQuery.handedOver();

		browser.waitForText(By.id("worklist-content"), "PDQM-QUERY");
		assertThat(browser.currentPath()).isEqualTo("/events/" + event.id() + "/worklist");
	}

}
