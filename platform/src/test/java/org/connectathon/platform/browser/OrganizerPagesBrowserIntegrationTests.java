package org.connectathon.platform.browser;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestPlanIntegrationTests;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What organizers set up on the floor and in the rules, as participants then see it. */
@PlatformIntegrationTest
class OrganizerPagesBrowserIntegrationTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldShowPartnersTheTableWhereTheOrganizerPlacedASystem() {
		Event event = this.fixtures.openEvent();
		TestingFixtures.importedTest(this.fixtures.admin(), event, TestPlanIntegrationTests.PEER_TO_PEER_PLAN,
				"PDQM-QUERY");
		Organization acme = this.fixtures.organization();
		User alice = this.fixtures.user(Role.PARTICIPANT, acme);
		long acmeConsumer = TestingFixtures.publishedSystem(this.fixtures.participantOf(acme), event, "Acme Viewer",
				"PDQm:CONSUMER");
		long globexSupplier = TestingFixtures.publishedSystem(this.fixtures.participantOf(this.fixtures.organization()),
				event, "Globex MPI", "PDQm:SUPPLIER");

		browser.signInAs(this.fixtures.user(Role.ADMIN, null));
		browser.visit("/events/" + event.id() + "/systems");
		browser.type(By.id("table-location-" + globexSupplier), "B12");
		browser.click(By.id("assign-table-" + globexSupplier));
		browser.waitForText(By.tagName("main"), "Globex MPI sits at table B12");

		browser.signInAs(alice);
		browser.visit("/systems/" + acmeConsumer + "/partners");
		assertThat(browser.text(By.id("finding-PDQm-CONSUMER"))).contains("Globex MPI").contains("table B12");
	}

	@Test
	void shouldLetOrganizersChangeTheGradingRulesWhileParticipantsReadThem() {
		Event event = this.fixtures.openEvent();
		ApiClient organizerApi = this.fixtures.admin();
		User alice = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());

		browser.signInAs(this.fixtures.user(Role.ADMIN, null));
		browser.visit("/events/" + event.id() + "/results");
		browser.click(By.id("grading-rules-link"));
		browser.type(By.id("rule-0-partners"), "2");
		browser.choose(By.id("new-rule-scope"), "PDQm:CONSUMER");
		browser.type(By.id("new-rule-partners"), "1");
		browser.type(By.id("new-rule-supportive"), "2");
		browser.click(By.id("save-grading-rules"));
		browser.waitForText(By.tagName("main"), "Saved the grading rules");

		JsonNode rules = organizerApi.get("/api/events/" + event.id() + "/grading-rules").json();
		assertThat(rules.size()).isEqualTo(2);
		assertThat(rules.get(0).path("distinctPartnerOrganizations").asInt()).isEqualTo(2);
		assertThat(rules.get(1).path("actor").asString()).isEqualTo("CONSUMER");
		assertThat(rules.get(1).path("supportiveVerifiedInstances").asInt()).isEqualTo(2);

		browser.click(By.id("rule-1-remove"));
		browser.click(By.id("save-grading-rules"));
		browser.waitForText(By.tagName("main"), "Saved the grading rules");
		assertThat(organizerApi.get("/api/events/" + event.id() + "/grading-rules").json().size()).isEqualTo(1);

		browser.signInAs(alice);
		browser.visit("/events/" + event.id() + "/grading-rules");
		assertThat(browser.text(By.id("grading-rules"))).contains("Whole event");
		assertThat(browser.pageText()).doesNotContain("add a rule for");
	}

}
