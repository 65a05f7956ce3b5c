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
import org.junit.jupiter.api.AfterEach;
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

	@Autowired
	Fixtures fixtures;

	Browser browser;

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

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

		signInAs(alice);
		this.browser.visit("/events/" + event.id());
		this.browser.click(By.id("register-system"));
		this.browser.type(By.id("system-name"), "Acme Summary Viewer");
		this.browser.click(By.id("create-system"));
		this.browser.waitForText(By.tagName("main"), "Now choose its actors");
		long acmeSystem = Long.parseLong(this.browser.currentPath().substring("/systems/".length()));
		this.browser.click(By.id("actor-IPS-CREATOR"));
		this.browser.click(By.id("actor-PDQm-CONSUMER"));
		this.browser.click(By.id("actor-IPS-REPOSITORY"));
		this.browser.click(By.id("register-actors"));
		this.browser.waitForText(By.id("registrations"), "IPS Creator");
		this.browser.click(By.xpath("//summary[contains(., 'endpoint')]"));
		this.browser.choose(By.cssSelector("form[action$='/endpoints'] select[name=actor]"), "IPS:REPOSITORY");
		this.browser.type(By.cssSelector("form[action$='/endpoints'] input[name=baseUrl]"), referenceServer.baseUrl());
		this.browser.click(By.cssSelector("form[action$='/endpoints'] button[type=submit]"));
		this.browser.waitForText(By.id("endpoints"), referenceServer.baseUrl());

		this.browser.visit("/tests/" + query + "/instances/new");
		this.browser.choose(By.id("role-CONSUMER"), String.valueOf(acmeSystem));
		this.browser.choose(By.id("role-SUPPLIER"), String.valueOf(globexSupplier));
		this.browser.click(By.id("start-instance"));
		this.browser.waitForText(By.id("instance-status"), "running");
		this.browser.click(By.id("move-TO_BE_VERIFIED"));
		this.browser.waitForText(By.id("instance-status"), "to be verified");

		this.browser.visit("/tests/" + validation + "/instances/new");
		this.browser.choose(By.id("role-CREATOR"), String.valueOf(acmeSystem));
		this.browser.click(By.id("start-instance"));
		this.browser.waitForText(By.id("instance-status"), "running");
		this.browser.type(By.id("evidence-url"), "https://validator.example/report/42");
		this.browser.choose(By.id("evidence-kind"), "LINK");
		this.browser.click(By.id("add-evidence"));
		this.browser.waitForText(By.id("evidence"), "https://validator.example/report/42");
		this.browser.click(By.id("move-TO_BE_VERIFIED"));
		this.browser.waitForText(By.id("instance-status"), "to be verified");

		this.browser.visit("/tests/" + summary + "/instances/new");
		this.browser.choose(By.id("role-REPOSITORY"), String.valueOf(acmeSystem));
		this.browser.click(By.id("start-instance"));
		this.browser.waitForText(By.id("instance-status"), "running");
		this.browser.click(By.id("run-step-1"));
		this.browser.waitForText(By.id("automated-steps"), "of 15 actions");
		// The panel follows the run, then reloads the page: the engine handed the
		// instance over.
		this.browser.waitForText(By.id("instance-status"), "to be verified", RUN_TIMEOUT);
		assertThat(this.browser.text(By.id("run-status-1"))).isEqualTo("passed");
		assertThat(this.browser.text(By.id("run-progress-1"))).isEqualTo("15 of 15 actions");
		assertThat(this.browser.text(By.id("evidence"))).contains("ips-summary-operation.testreport.json");

		signInAs(monitor);
		for (int verified = 0; verified < 2; verified++) {
			this.browser.visit("/events/" + event.id() + "/worklist");
			this.browser.click(By.cssSelector("#worklist button[id^=claim-]"));
			this.browser.type(By.id("verdict-comment"), "Evidence checked");
			this.browser.click(By.id("verdict-VERIFIED"));
			this.browser.waitForText(By.id("instance-status"), "verified");
		}
		this.browser.visit("/events/" + event.id() + "/worklist");
		assertThat(this.browser.text(By.id("worklist"))).contains("IPS-SUMMARY");
		this.browser.click(By.cssSelector("#worklist button[id^=claim-]"));
		this.browser.click(By.id("confirm-passing-report"));
		this.browser.waitForText(By.id("instance-status"), "verified");

		signInAs(this.fixtures.user(Role.ADMIN, null));
		this.browser.visit("/events/" + event.id());
		this.browser.click(By.id("event-results"));
		assertThat(this.browser.text(By.id("results"))).contains("IPS:CREATOR thorough pass")
			.contains("PDQm:CONSUMER thorough pass")
			.contains("IPS:REPOSITORY thorough pass");
		this.browser.click(By.cssSelector("#results a[id^=history-]"));
		assertThat(this.browser.text(By.id("grade-history"))).contains(monitor.displayName())
			.contains("at risk → pass");
		this.browser.visit("/events/" + event.id() + "/results");
		this.browser.click(By.id("publish-results"));
		this.browser.waitForText(By.cssSelector(".flash.success"), "Published the results.");

		this.browser.close();
		this.browser = Browser.open(this.fixtures.port());
		this.browser.visit("/public/events/" + event.id() + "/results");
		assertThat(this.browser.currentPath()).isEqualTo("/public/events/" + event.id() + "/results");
		assertThat(this.browser.text(By.id("public-results"))).contains("Acme Summary Viewer")
			.contains("IPS:CREATOR")
			.contains("PDQm:CONSUMER")
			.contains("IPS:REPOSITORY")
			.contains("pass");
	}

	private void signInAs(User user) {
		if (this.browser != null) {
			this.browser.close();
		}
		this.browser = Browser.open(this.fixtures.port());
		this.browser.signIn(user.username(), Fixtures.PASSWORD);
	}

}
