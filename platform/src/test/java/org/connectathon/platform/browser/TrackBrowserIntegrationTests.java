package org.connectathon.platform.browser;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.tracks.TrackFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A FHIR track from proposal to report-out in a real browser: its lead proposes it from
 * the event's page, a reviewer finds it in the queue with its criteria and approves it, a
 * client and a server sign up to it (the server's CapabilityStatement fetched from the
 * platform's R4 reference server), scenario results are recorded, a comment on the
 * specification is triaged by the lead, and the report-out shows it all, in Markdown too.
 */
@PlatformIntegrationTest
class TrackBrowserIntegrationTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldGoFromTheProposalThroughApprovalSignUpsResultsAndFeedbackToTheReportOut() {
		Event event = this.fixtures.openEventAllowingPrivateAddresses();
		User lead = this.fixtures.user(Role.TRACK_LEAD, null);
		String referenceServer = new TrackFixtures(this.context).referenceServer();
		Organization acme = this.fixtures.organization();
		User alice = this.fixtures.user(Role.PARTICIPANT, acme);
		long client = TrackFixtures.system(this.fixtures.apiAs(alice), event, "Acme App");
		Organization globex = this.fixtures.organization();
		User bob = this.fixtures.user(Role.PARTICIPANT, globex);
		long server = TrackFixtures.system(this.fixtures.apiAs(bob), event, "Globex Server");
		String name = Fixtures.unique("Patient track");

		browser.signInAs(lead);
		browser.visit("/events/" + event.id());
		browser.click(By.id("propose-track"));
		browser.type(By.id("name"), name);
		browser.type(By.id("workGroup"), "Patient Administration");
		browser.type(By.id("justification"), "Read and search patients");
		browser.type(By.id("packageName"), "hl7.fhir.us.core");
		browser.type(By.id("packageVersion"), "6.1.0");
		browser.type(By.name("roles[0].keyword"), "client");
		browser.type(By.name("roles[0].name"), "Patient client");
		browser.type(By.name("roles[1].keyword"), "server");
		browser.type(By.name("roles[1].name"), "Patient server");
		browser.type(By.name("scenarios[0].action"), "Read a patient by id");
		browser.type(By.name("scenarios[0].successCriteria"), "200 OK");
		browser.type(By.name("scenarios[1].action"), "Search patients by name");
		browser.type(By.name("scenarios[1].successCriteria"), "A searchset");
		browser.click(By.id("submit-proposal"));
		browser.waitForText(By.tagName("main"), "Your proposal is submitted");
		String proposalPath = browser.currentPath();
		long proposal = Long.parseLong(proposalPath.substring(proposalPath.lastIndexOf('/') + 1));

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
		browser.waitForText(By.tagName("main"), "TRACK-" + proposal + "-1");

		browser.signInAs(alice);
		browser.visit("/events/" + event.id());
		browser.click(By.id("event-tracks"));
		browser.click(By.cssSelector("#tracks a.track-link"));
		String trackPath = browser.currentPath();
		assertThat(browser.text(By.tagName("h1"))).contains(name);
		assertThat(browser.text(By.id("track-leads"))).contains(lead.displayName());
		browser.choose(By.id("sign-up-system"), String.valueOf(client));
		browser.choose(By.id("sign-up-role"), "client");
		browser.click(By.id("sign-up"));
		browser.waitForText(By.id("role-client"), "Acme App");

		browser.signInAs(bob);
		browser.visit(trackPath);
		browser.choose(By.id("sign-up-system"), String.valueOf(server));
		browser.choose(By.id("sign-up-role"), "server");
		browser.type(By.id("sign-up-base-url"), referenceServer);
		browser.click(By.id("sign-up"));
		browser.waitForText(By.id("role-server"), "Globex Server");
		assertThat(browser.text(By.id("role-server"))).contains(referenceServer).contains("FHIR 4.0");
		browser.click(By.cssSelector("#role-server details.capabilities summary"));
		assertThat(browser.text(By.cssSelector("#role-server details.capabilities"))).contains("Patient")
			.contains("search-type");

		assertThat(browser.text(By.id("result-scenario"))).contains("scenario-1: Read a patient by id")
			.contains("scenario-2: Search patients by name");
		browser.choose(By.id("result-scenario"), "scenario-1");
		browser.choose(By.id("result-client"), String.valueOf(client));
		browser.choose(By.id("result-server"), String.valueOf(server));
		browser.choose(By.id("result-outcome"), "PASS");
		browser.click(By.id("record-result"));
		browser.waitForText(By.cssSelector(".flash.success"), "Recorded PASS for scenario-1");
		browser.choose(By.id("result-scenario"), "scenario-2");
		browser.choose(By.id("result-outcome"), "FAIL");
		browser.type(By.id("result-comment"), "Searching by family name finds nothing");
		browser.type(By.id("result-link"), "https://jira.hl7.org/browse/FHIR-1");
		browser.click(By.id("record-result"));
		browser.waitForText(By.cssSelector(".flash.success"), "Recorded FAIL for scenario-2");
		assertThat(browser.text(By.id("cell-scenario-1-" + client + "-" + server))).contains("pass");
		assertThat(browser.text(By.id("cell-scenario-2-" + client + "-" + server))).contains("fail")
			.contains("Searching by family name finds nothing");
		assertThat(browser.attribute(By.id("results-chart"), "data-rendered")).isEqualTo("true");

		browser.choose(By.id("feedback-scenario"), "scenario-2");
		browser.choose(By.id("feedback-type"), "CLARIFICATION");
		browser.type(By.id("feedback-element"), "Patient.name");
		browser.type(By.id("feedback-summary"), "Which parts of the name does name search?");
		browser.type(By.id("feedback-description"), "The search parameter's description does not say.");
		browser.click(By.id("submit-feedback"));
		browser.waitForText(By.id("feedback"), "Which parts of the name does name search?");

		browser.signInAs(lead);
		browser.visit(trackPath);
		browser.choose(By.cssSelector("#feedback select[name=triage]"), "CHANGE_REQUEST");
		browser.click(By.cssSelector("#feedback .triage-button"));
		browser.waitForText(By.id("feedback"), "change request");

		browser.click(By.id("track-report"));
		assertThat(browser.text(By.cssSelector(".report-participants"))).contains("Acme App").contains("Globex Server");
		assertThat(browser.text(By.cssSelector(".report-findings"))).contains("Searching by family name finds nothing");
		assertThat(browser.text(By.cssSelector(".report-feedback"))).contains("change request");
		assertThat(browser.text(By.id("report-markdown"))).contains("# " + name)
			.contains("## Participants")
			.contains("| Patient client | Acme App")
			.contains("| scenario-1: Read a patient by id | 1 | 1 | 0 | 0 | 0 |")
			.contains("| **All scenarios** | 2 | 1 | 1 | 0 | 0 |")
			.contains("- CLARIFICATION: Which parts of the name does name search? - CHANGE_REQUEST");
		browser.visit("/events/" + event.id() + "/track-reports");
		assertThat(browser.text(By.id("counts-by-specification"))).contains("hl7.fhir.us.core#6.1.0 1 1 0 0");
	}

}
