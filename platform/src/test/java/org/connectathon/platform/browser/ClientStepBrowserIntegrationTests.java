package org.connectathon.platform.browser;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.automation.ClientStepFixtures;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.participants;

/**
 * A participant runs a no-peer client step from the instance page: the page says what the
 * script waits for, shows the address once the run listens, a Java HTTP client plays the
 * participant's client there, and the run passes with its TestReport and the forwarded
 * exchanges attached to the step.
 */
@PlatformIntegrationTest
class ClientStepBrowserIntegrationTests {

	/** The engine's first run warms FHIRPath and the validator up. */
	private static final Duration RUN = Duration.ofMinutes(3);

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldShowTheAddressPassWhenTheClientCallsItAndAttachTheReportAndExchanges() {
		Event event = this.fixtures.openEvent();
		ApiClient admin = this.fixtures.admin();
		Response uploaded = admin.postBytes(
				"/api/events/" + event.id() + "/test-scripts?fileName=" + ClientStepFixtures.SCRIPT + ".json",
				ClientStepFixtures.clientScript(), "application/fhir+json");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		long test = TestingFixtures.importedTest(admin, event, ClientStepFixtures.plan(), "CLIENT-NO-PEER")
			.path("id")
			.asLong();
		Organization acme = this.fixtures.organization();
		User alice = this.fixtures.user(Role.PARTICIPANT, acme);
		ApiClient api = this.fixtures.apiAs(alice);
		long creator = TestingFixtures.publishedSystem(api, event, "Acme IPS Creator", "IPS:CREATOR");
		Response started = api.post("/api/tests/" + test + "/instances", participants("CLIENT", creator));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long instance = started.json().path("id").asLong();

		browser.signInAs(alice);
		browser.visit("/test-instances/" + instance);
		browser.waitForText(By.id("client-waits-1"), "POST Patient, GET Patient (read)");
		assertThat(browser.text(By.id("client-step-1"))).contains("Acme IPS Creator");
		browser.click(By.id("run-step-1"));
		browser.waitForText(By.id("run-current-1"), "Waiting for the client at", RUN);
		URI address = ClientStepFixtures.addressIn(browser.text(By.id("run-current-1")));
		assertThat(address).as("the page shows the address").isNotNull();

		HttpResponse<String>[] answers = ClientStepFixtures.createThenRead(address);

		assertThat(answers[0].statusCode()).as(answers[0].body()).isEqualTo(201);
		assertThat(answers[1].statusCode()).as(answers[1].body()).isEqualTo(200);
		browser.waitForText(By.id("run-status-1"), "passed", RUN);
		browser.waitForText(By.id("evidence"), ClientStepFixtures.SCRIPT + ".testreport.json", RUN);
		browser.waitForText(By.id("instance-captures"), "/Patient", RUN);
		assertThat(browser.text(By.id("instance-captures"))).contains("POST").contains("GET").contains("201");
	}

}
