package org.connectathon.platform.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.ReferenceServerExtension;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole small event in a real browser, from registration to the published results: a
 * peer-to-peer test, a no-peer test with evidence, and a no-peer test that the engine
 * runs against the system's endpoint (a reference server started here) and a monitor
 * confirms in one action.
 */
@PlatformIntegrationTest
class EventBrowserIntegrationTests {

	static final String PLAN = """
			tests:
			  - keyword: IPS-VALIDATION
			    name: The IPS document validates
			    type: NO_PEER
			    roles:
			      - { keyword: CREATOR, actor: "IPS:CREATOR" }
			    steps:
			      - { initiator: CREATOR, transaction: "IPS:IPS-SUBMIT", testScript: ips-document-validation }
			  - keyword: PDQM-QUERY
			    name: A consumer finds the patient
			    type: PEER_TO_PEER
			    roles:
			      - { keyword: CONSUMER, actor: "PDQm:CONSUMER", verifiedInstancesNeeded: 1 }
			      - { keyword: SUPPLIER, actor: "PDQm:SUPPLIER", verifiedInstancesNeeded: 1 }
			    steps:
			      - { initiator: CONSUMER, responder: SUPPLIER, transaction: "PDQm:ITI-78" }
			  - keyword: IPS-SUMMARY
			    name: The repository generates an IPS with $summary
			    type: NO_PEER
			    roles:
			      - { keyword: REPOSITORY, actor: "IPS:REPOSITORY" }
			    steps:
			      - { responder: REPOSITORY, transaction: "IPS:IPS-SUMMARY", testScript: ips-summary-operation }
			""";

	/** The engine's first run warms FHIRPath up: seconds, or more on a busy machine. */
	static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

	@RegisterExtension
	static final ReferenceServerExtension referenceServer = new ReferenceServerExtension();

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldPlayASmallEventFromRegistrationToThePublishedResults() throws IOException {
		// the step's endpoint is the reference server, on the loopback address
		Event event = this.fixtures.openEventAllowingPrivateAddresses();
		ApiClient organizerApi = this.fixtures.admin();
		long validation = TestingFixtures.importedTest(organizerApi, event, PLAN, "IPS-VALIDATION").path("id").asLong();
		long query = TestingFixtures.importedTest(organizerApi, event, PLAN, "PDQM-QUERY").path("id").asLong();
		long summary = TestingFixtures.importedTest(organizerApi, event, PLAN, "IPS-SUMMARY").path("id").asLong();
		organizerApi.postBytes("/api/events/" + event.id() + "/test-scripts?fileName=ips-summary-operation.json",
				new ClassPathResource("demo/ips-summary-operation.testscript.json").getContentAsByteArray(),
				"application/fhir+json");
		User monitor = this.fixtures.user(Role.MONITOR, null);
		for (long test : List.of(validation, query, summary)) {
			organizerApi.put("/api/tests/" + test + "/monitors", List.of(monitor.id()));
		}
		Organization acme = this.fixtures.organization();
		User alice = this.fixtures.user(Role.PARTICIPANT, acme);
		ApiClient bob = this.fixtures.participantOf(this.fixtures.organization());
		long globexSupplier = TestingFixtures.publishedSystem(bob, event, "Globex MPI", "PDQm:SUPPLIER");

		browser.signInAs(alice);
		browser.visit("/events/" + event.id());
		browser.click(By.id("register-system"));
		browser.type(By.id("system-name"), "Acme Summary Viewer");
		browser.click(By.id("create-system"));
		browser.waitForText(By.tagName("main"), "Now choose its actors");
		long acmeSystem = Long.parseLong(browser.currentPath().substring("/systems/".length()));
		browser.click(By.id("actor-IPS-CREATOR"));
		browser.click(By.id("actor-PDQm-CONSUMER"));
		browser.click(By.id("actor-IPS-REPOSITORY"));
		browser.click(By.id("register-actors"));
		browser.waitForText(By.id("registrations"), "IPS Creator");
		browser.click(By.xpath("//summary[contains(., 'endpoint')]"));
		browser.choose(By.cssSelector("form[action$='/endpoints'] select[name=actor]"), "IPS:REPOSITORY");
		browser.type(By.cssSelector("form[action$='/endpoints'] input[name=baseUrl]"), referenceServer.baseUrl());
		browser.click(By.cssSelector("form[action$='/endpoints'] button[type=submit]"));
		browser.waitForText(By.id("endpoints"), referenceServer.baseUrl());

		browser.visit("/tests/" + query + "/instances/new");
		browser.choose(By.id("role-CONSUMER"), String.valueOf(acmeSystem));
		browser.choose(By.id("role-SUPPLIER"), String.valueOf(globexSupplier));
		browser.click(By.id("start-instance"));
		browser.waitForText(By.id("instance-status"), "running");
		browser.click(By.id("move-TO_BE_VERIFIED"));
		browser.waitForText(By.id("instance-status"), "to be verified");

		browser.visit("/tests/" + validation + "/instances/new");
		browser.choose(By.id("role-CREATOR"), String.valueOf(acmeSystem));
		browser.click(By.id("start-instance"));
		browser.waitForText(By.id("instance-status"), "running");
		browser.type(By.id("evidence-url"), "https://validator.example/report/42");
		browser.choose(By.id("evidence-kind"), "LINK");
		browser.click(By.id("add-evidence"));
		browser.waitForText(By.id("evidence"), "https://validator.example/report/42");
		browser.click(By.id("move-TO_BE_VERIFIED"));
		browser.waitForText(By.id("instance-status"), "to be verified");

		browser.visit("/tests/" + summary + "/instances/new");
		browser.choose(By.id("role-REPOSITORY"), String.valueOf(acmeSystem));
		browser.click(By.id("start-instance"));
		browser.waitForText(By.id("instance-status"), "running");
		browser.click(By.id("run-step-1"));
		browser.waitForText(By.id("automated-steps"), "of 15 actions");
		// The panel follows the run, then reloads the page: the engine handed the
		// instance over.
		browser.waitForText(By.id("instance-status"), "to be verified", RUN_TIMEOUT);
		assertThat(browser.text(By.id("run-status-1"))).isEqualTo("passed");
		assertThat(browser.text(By.id("run-progress-1"))).isEqualTo("15 of 15 actions");
		assertThat(browser.text(By.id("evidence"))).contains("ips-summary-operation.testreport.json");

		browser.signInAs(monitor);
		for (int verified = 0; verified < 2; verified++) {
			browser.visit("/events/" + event.id() + "/worklist");
			browser.click(By.cssSelector("#worklist button[id^=claim-]"));
			browser.type(By.id("verdict-comment"), "Evidence checked");
			browser.click(By.id("verdict-VERIFIED"));
			browser.waitForText(By.id("instance-status"), "verified");
		}
		browser.visit("/events/" + event.id() + "/worklist");
		assertThat(browser.text(By.id("worklist"))).contains("IPS-SUMMARY");
		browser.click(By.cssSelector("#worklist button[id^=claim-]"));
		browser.click(By.id("confirm-passing-report"));
		browser.waitForText(By.id("instance-status"), "verified");

		browser.signInAs(this.fixtures.user(Role.ADMIN, null));
		browser.visit("/events/" + event.id());
		browser.click(By.id("event-results"));
		browser.click(By.id("results-list-link"));
		assertThat(browser.text(By.id("results"))).contains("IPS:CREATOR thorough pass")
			.contains("PDQm:CONSUMER thorough pass")
			.contains("IPS:REPOSITORY thorough pass");
		browser.click(By.cssSelector("#results a[id^=history-]"));
		assertThat(browser.text(By.id("grade-history"))).contains(monitor.displayName()).contains("at risk → pass");
		browser.visit("/events/" + event.id() + "/results");
		browser.click(By.id("publish-results"));
		browser.waitForText(By.cssSelector(".flash.success"), "Published the results.");

		browser.signOut();
		browser.visit("/public/events/" + event.id() + "/results");
		assertThat(browser.currentPath()).isEqualTo("/public/events/" + event.id() + "/results");
		assertThat(browser.text(By.id("results-matrix"))).contains("Acme Summary Viewer")
			.contains("CREATOR")
			.contains("CONSUMER")
			.contains("REPOSITORY");
		browser.click(By.id("results-list-link"));
		assertThat(browser.text(By.id("public-results"))).contains("Acme Summary Viewer")
			.contains("IPS:CREATOR")
			.contains("PDQm:CONSUMER")
			.contains("IPS:REPOSITORY")
			.contains("pass");
	}

}
