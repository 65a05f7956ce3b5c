package org.connectathon.platform.browser;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What organizers and participants do with tests and test instances, in a real browser. */
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
		this.browser.close();
	}

	@Test
	void shouldLetAnOrganizerImportATestPlanAndShowItsTests() {
		Event event = this.fixtures.openEvent();
		User organizer = this.fixtures.user(Role.ADMIN, null);
		this.browser.signIn(organizer.username(), Fixtures.PASSWORD);

		this.browser.visit("/events/" + event.id());
		this.browser.click(By.id("event-tests"));
		this.browser.click(By.id("import-test-plan"));
		this.browser.type(By.id("test-plan-content"), """
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
		assertThat(this.browser.text(By.id("tests"))).contains("PDQM-QUERY").contains("peer-to-peer")
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

}
