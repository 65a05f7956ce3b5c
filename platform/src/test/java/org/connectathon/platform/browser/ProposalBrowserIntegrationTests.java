package org.connectathon.platform.browser;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A track lead proposes a track from the event's page, a reviewer finds it in the queue
 * with its criteria and approves it, and the event then lists the track's tests.
 */
@PlatformIntegrationTest
class ProposalBrowserIntegrationTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldProposeReviewAndApproveATrackIntoTheEventsTests() {
		Event event = this.fixtures.openEvent();
		User lead = this.fixtures.user(Role.TRACK_LEAD, null);
		String name = Fixtures.unique("IPS track");

		browser.signInAs(lead);
		browser.visit("/events/" + event.id());
		browser.click(By.id("propose-track"));
		browser.type(By.id("name"), name);
		browser.type(By.id("workGroup"), "Patient Care");
		browser.type(By.id("justification"), "Summaries must cross borders.");
		browser.type(By.id("packageName"), "hl7.fhir.uv.ips");
		browser.type(By.id("packageVersion"), "2.0.0");
		browser.type(By.name("roles[0].keyword"), "client");
		browser.type(By.name("roles[0].name"), "IPS Client");
		browser.type(By.name("roles[1].keyword"), "server");
		browser.type(By.name("roles[1].name"), "IPS Server");
		browser.type(By.name("scenarios[0].action"), "Fetch a patient summary");
		browser.type(By.name("scenarios[0].successCriteria"), "The bundle validates");
		browser.click(By.id("submit-proposal"));
		browser.waitForText(By.tagName("main"), "Your proposal is submitted");
		String proposalPath = browser.currentPath();
		long id = Long.parseLong(proposalPath.substring(proposalPath.lastIndexOf('/') + 1));

		browser.signInAs(this.fixtures.user(Role.REVIEWER, null));
		browser.visit("/proposals");
		assertThat(browser.text(By.id("review-queue"))).contains(name).contains("A justification");
		browser.click(By.linkText(name));
		browser.choose(By.id("decision"), "APPROVED");
		browser.type(By.id("comment"), "Welcome aboard.");
		browser.click(By.id("decide"));
		browser.waitForText(By.tagName("main"), "The proposal is approved.");
		assertThat(browser.text(By.id("reviews"))).contains("Welcome aboard.");

		browser.signInAs(lead);
		browser.visit(proposalPath);
		assertThat(browser.text(By.id("proposal-status"))).isEqualTo("approved");
		browser.click(By.linkText("See the event's tests"));
		browser.waitForText(By.tagName("main"), "TRACK-" + id + "-1");
	}

}
