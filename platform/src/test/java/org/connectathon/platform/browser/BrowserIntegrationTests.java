package org.connectathon.platform.browser;

import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
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

/** What a new participant and a new organizer do first, in a real browser. */
@PlatformIntegrationTest
class BrowserIntegrationTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldSignInAndSeeTheEvents() {
		Event event = this.fixtures.openEvent();
		User participant = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());

		browser.visit("/");
		assertThat(browser.currentPath()).isEqualTo("/login");
		browser.signInAs(participant);

		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Events");
		assertThat(browser.pageText()).contains(event.name()).contains("Sign out");
	}

	@Test
	void shouldShowTheReferenceServersOfTheEventsReleases() {
		Event event = this.fixtures.openEvent();
		Organization acme = this.fixtures.organization();
		String port = String.valueOf(this.fixtures.port());

		browser.signInAs(this.fixtures.user(Role.PARTICIPANT, acme)).visit("/events/" + event.id());
		assertThat(browser.text(By.id("reference-servers"))).as("an event that names no release is shown R4")
			.contains("http://localhost:" + port + "/reference/r4/fhir")
			.doesNotContain("/reference/r5/fhir")
			.contains("partner for tests without a peer");

		ApiClient alice = this.fixtures.participantOf(acme);
		long system = TestingFixtures.publishedSystem(alice, event, "Acme Records", "IPS:REPOSITORY");
		alice.post("/api/systems/" + system + "/endpoints", Map.of("profile", "IPS", "actor", "REPOSITORY", "baseUrl",
				"https://records.example.org/fhir", "fhirVersion", "R5"));
		browser.visit("/events/" + event.id());
		assertThat(browser.text(By.id("reference-servers"))).contains("/reference/r5/fhir")
			.doesNotContain("/reference/r4/fhir");
	}

	@Test
	void shouldTellAWrongPasswordApart() {
		User participant = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		browser.visit("/login");
		browser.type(By.id("username"), participant.username());
		browser.type(By.id("password"), "not-my-password");
		browser.click(By.id("sign-in"));
		browser.waitForText(By.tagName("main"), "Wrong user name or password.");
	}

	@Test
	void shouldRegisterASystemWithTwoActorsAndSeeItListed() {
		Event event = this.fixtures.openEvent();
		Organization acme = this.fixtures.organization();
		User alice = this.fixtures.user(Role.PARTICIPANT, acme);
		browser.signInAs(alice);

		browser.visit("/events/" + event.id());
		browser.click(By.id("register-system"));
		browser.type(By.id("system-name"), "Acme Patient Summary");
		browser.type(By.id("system-version"), "2.4");
		browser.click(By.id("create-system"));

		browser.waitForText(By.tagName("main"), "Now choose its actors");
		browser.click(By.id("actor-IPS-CREATOR"));
		browser.click(By.id("actor-MHD-DOCUMENT_SOURCE"));
		browser.click(By.id("register-actors"));

		browser.waitForText(By.id("registrations"), "IPS Creator");
		assertThat(browser.text(By.id("registrations"))).contains("IPS Creator").contains("Document Source");

		browser.visit("/organization");
		assertThat(browser.text(By.id("organization-systems"))).contains("Acme Patient Summary").contains(event.name());
		browser.visit("/events/" + event.id());
		browser.waitForText(By.id("event-systems"), "Acme Patient Summary");
		assertThat(browser.text(By.id("event-systems"))).contains("IPS:CREATOR").contains("MHD:DOCUMENT_SOURCE");
	}

	@Test
	void shouldShowWhyARegistrationIsRefused() {
		Event event = this.fixtures.openEvent();
		User alice = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		browser.signInAs(alice);
		browser.visit("/events/" + event.id());
		browser.click(By.id("register-system"));
		browser.type(By.id("system-name"), "Acme Viewer");
		browser.click(By.id("create-system"));

		browser.click(By.id("actor-IPS-CONSUMER"));
		browser.click(By.id("register-actors"));

		browser.waitForText(By.cssSelector(".flash.error"), "IPS:CONSUMER requires PDQm:CONSUMER");
		assertThat(browser.pageText()).contains("Not registered for any actor yet.");
	}

	@Test
	void shouldLetAnOrganizerImportACatalogAndCreateAnEvent() {
		User organizer = this.fixtures.user(Role.ADMIN, null);
		String keyword = "QEDM" + Fixtures.unique("").strip();
		String eventName = Fixtures.unique("Spring Connectathon");
		browser.signInAs(organizer);

		browser.visit("/admin/catalog");
		browser.type(By.id("catalog-content"), """
				profiles:
				  - keyword: %s
				    name: Query for Existing Data for Mobile
				    kind: IHE_PROFILE
				    actors:
				      - { keyword: CONSUMER, name: Clinical Data Consumer }
				      - { keyword: SOURCE, name: Clinical Data Source }
				    transactions:
				      - { keyword: PCC-44, name: Mobile Query Existing Data, initiator: CONSUMER, responder: SOURCE }
				""".formatted(keyword));
		browser.click(By.id("import-catalog"));
		browser.waitForText(By.tagName("main"), "Imported 1 profiles, 2 actors and 1 transactions.");
		assertThat(browser.pageText()).contains(keyword);

		browser.visit("/admin/events");
		browser.click(By.id("new-event"));
		browser.type(By.name("name"), eventName);
		browser.setValue(By.name("startDate"), "2031-03-10");
		browser.setValue(By.name("endDate"), "2031-03-13");
		browser.setValue(By.name("registrationDeadline"), "2031-02-28T18:00");
		browser.choose(By.name("status"), "OPEN");
		browser.click(By.cssSelector("input[name=profiles][value='" + keyword + "']"));
		browser.click(By.id("save-event"));

		browser.waitForText(By.tagName("h1"), eventName);
		assertThat(browser.pageText()).contains(keyword).contains("2031-03-10").contains("open");
	}

	@Test
	void shouldShowTheProblemsOfAMalformedCatalogFile() {
		User organizer = this.fixtures.user(Role.ADMIN, null);
		browser.signInAs(organizer);
		browser.visit("/admin/catalog");
		browser.type(By.id("catalog-content"), """
				profiles:
				  - { keyword: BROKEN, name: Broken, kind: IHE_PROFILE,
				      transactions: [ { keyword: T, name: T, initiator: GHOST, responder: GHOST } ] }
				""");
		browser.click(By.id("import-catalog"));

		browser.waitForText(By.cssSelector(".flash.error"), "nothing was imported");
		assertThat(browser.text(By.cssSelector(".flash.error"))).contains("unknown actor 'BROKEN:GHOST'");
		browser.visit("/catalog");
		assertThat(browser.pageText()).doesNotContain("BROKEN");
	}

	@Test
	void shouldShowValidationIssuesBesideTheHighlightedLines() {
		User participant = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		browser.signInAs(participant);
		browser.visit("/validate");
		browser.type(By.id("resource-content"), """
				{
				  "resourceType": "Patient",
				  "birthDate": "1972-13-45"
				}""");
		browser.click(By.id("validate"));

		browser.waitForText(By.id("validation-result"), "errors");
		assertThat(browser.text(By.id("issues"))).contains("Patient.birthDate").contains("line 3");
		assertThat(browser.attribute(By.id("line-3"), "class")).contains("error");
		assertThat(browser.attribute(By.id("line-2"), "class")).doesNotContain("error");
	}

}
