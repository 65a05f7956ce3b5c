package org.connectathon.platform.browser;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.tracks.TrackFixtures;
import org.connectathon.platform.tracks.TrackFixtures.SeededTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A FHIR track at the event in a real browser: from the event page to the track, a client
 * and a server signed up (the server's CapabilityStatement fetched from the platform's R4
 * reference server), scenario results recorded, a comment on the specification triaged by
 * the lead, and the report-out with its Markdown.
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
	void shouldGoFromSignUpsThroughResultsAndFeedbackToTheReportOut() {
		TrackFixtures tracks = new TrackFixtures(this.context);
		User lead = this.fixtures.user(Role.TRACK_LEAD, null);
		SeededTrack track = tracks.track(lead);
		String referenceServer = tracks.referenceServer();
		Organization acme = this.fixtures.organization();
		User alice = this.fixtures.user(Role.PARTICIPANT, acme);
		long client = TrackFixtures.system(this.fixtures.apiAs(alice), track.event(), "Acme App");
		Organization globex = this.fixtures.organization();
		User bob = this.fixtures.user(Role.PARTICIPANT, globex);
		long server = TrackFixtures.system(this.fixtures.apiAs(bob), track.event(), "Globex Server");

		browser.signInAs(alice);
		browser.visit("/events/" + track.event().id());
		browser.click(By.id("event-tracks"));
		browser.click(By.cssSelector("#tracks a.track-link"));
		assertThat(browser.text(By.id("track-leads"))).contains(lead.displayName());
		browser.choose(By.id("sign-up-system"), String.valueOf(client));
		browser.choose(By.id("sign-up-role"), "client");
		browser.click(By.id("sign-up"));
		browser.waitForText(By.id("role-client"), "Acme App");

		browser.signInAs(bob);
		browser.visit("/tracks/" + track.trackId());
		browser.choose(By.id("sign-up-system"), String.valueOf(server));
		browser.choose(By.id("sign-up-role"), "server");
		browser.type(By.id("sign-up-base-url"), referenceServer);
		browser.click(By.id("sign-up"));
		browser.waitForText(By.id("role-server"), "Globex Server");
		assertThat(browser.text(By.id("role-server"))).contains(referenceServer).contains("FHIR 4.0");
		browser.click(By.cssSelector("#role-server details.capabilities summary"));
		assertThat(browser.text(By.cssSelector("#role-server details.capabilities"))).contains("Patient")
			.contains("search-type");

		browser.choose(By.id("result-scenario"), "read");
		browser.choose(By.id("result-client"), String.valueOf(client));
		browser.choose(By.id("result-server"), String.valueOf(server));
		browser.choose(By.id("result-outcome"), "PASS");
		browser.click(By.id("record-result"));
		browser.waitForText(By.cssSelector(".flash.success"), "Recorded PASS for read");
		browser.choose(By.id("result-scenario"), "search");
		browser.choose(By.id("result-outcome"), "FAIL");
		browser.type(By.id("result-comment"), "Searching by family name finds nothing");
		browser.type(By.id("result-link"), "https://jira.hl7.org/browse/FHIR-1");
		browser.click(By.id("record-result"));
		browser.waitForText(By.cssSelector(".flash.success"), "Recorded FAIL for search");
		assertThat(browser.text(By.id("cell-read-" + client + "-" + server))).contains("pass");
		assertThat(browser.text(By.id("cell-search-" + client + "-" + server))).contains("fail")
			.contains("Searching by family name finds nothing");
		assertThat(browser.attribute(By.id("results-chart"), "data-rendered")).isEqualTo("true");

		browser.choose(By.id("feedback-scenario"), "search");
		browser.choose(By.id("feedback-type"), "CLARIFICATION");
		browser.type(By.id("feedback-element"), "Patient.name");
		browser.type(By.id("feedback-summary"), "Which parts of the name does name search?");
		browser.type(By.id("feedback-description"), "The search parameter's description does not say.");
		browser.click(By.id("submit-feedback"));
		browser.waitForText(By.id("feedback"), "Which parts of the name does name search?");

		browser.signInAs(lead);
		browser.visit("/tracks/" + track.trackId());
		browser.choose(By.cssSelector("#feedback select[name=triage]"), "CHANGE_REQUEST");
		browser.click(By.cssSelector("#feedback .triage-button"));
		browser.waitForText(By.id("feedback"), "change request");

		browser.click(By.id("track-report"));
		assertThat(browser.text(By.cssSelector(".report-participants"))).contains("Acme App").contains("Globex Server");
		assertThat(browser.text(By.cssSelector(".report-findings"))).contains("Searching by family name finds nothing");
		assertThat(browser.text(By.cssSelector(".report-feedback"))).contains("change request");
		assertThat(browser.text(By.id("report-markdown"))).contains("## Participants")
			.contains("| Patient client | Acme App")
			.contains("| **All scenarios** | 2 | 1 | 1 | 0 | 0 |")
			.contains("- CLARIFICATION: Which parts of the name does name search? - CHANGE_REQUEST");
		browser.visit("/events/" + track.event().id() + "/track-reports");
		assertThat(browser.text(By.id("counts-by-specification"))).contains("hl7.fhir.us.core#6.1.0 1 1 0 0");
	}

}
