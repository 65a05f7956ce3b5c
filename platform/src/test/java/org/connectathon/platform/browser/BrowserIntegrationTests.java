package org.connectathon.platform.browser;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What a new participant and a new organizer do first, in a real browser. */
@PlatformIntegrationTest
class BrowserIntegrationTests {

	@Autowired
	Fixtures fixtures;

	Browser browser;

	@BeforeEach
	void openTheBrowser() {
		this.browser = Browser.open(this.fixtures.port());
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void shouldSignInAndSeeTheEvents() {
		Event event = this.fixtures.openEvent();
		User participant = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());

		this.browser.visit("/");
		assertThat(this.browser.currentPath()).isEqualTo("/login");
		this.browser.signIn(participant.username(), Fixtures.PASSWORD);

		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Events");
		assertThat(this.browser.pageText()).contains(event.name()).contains("Sign out");
	}

	@Test
	void shouldTellAWrongPasswordApart() {
		User participant = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		this.browser.visit("/login");
		this.browser.type(By.id("username"), participant.username());
		this.browser.type(By.id("password"), "not-my-password");
		this.browser.click(By.id("sign-in"));
		this.browser.waitForText(By.tagName("main"), "Wrong user name or password.");
	}

	@Test
	void shouldRegisterASystemWithTwoActorsAndSeeItListed() {
		Event event = this.fixtures.openEvent();
		Organization acme = this.fixtures.organization();
		User alice = this.fixtures.user(Role.PARTICIPANT, acme);
		this.browser.signIn(alice.username(), Fixtures.PASSWORD);

		this.browser.visit("/events/" + event.id());
		this.browser.click(By.id("register-system"));
		this.browser.type(By.id("system-name"), "Acme Patient Summary");
		this.browser.type(By.id("system-version"), "2.4");
		this.browser.click(By.id("create-system"));

		this.browser.waitForText(By.tagName("main"), "Now choose its actors");
		this.browser.click(By.id("actor-IPS-CREATOR"));
		this.browser.click(By.id("actor-MHD-DOCUMENT_SOURCE"));
		this.browser.click(By.id("register-actors"));

		this.browser.waitForText(By.id("registrations"), "IPS Creator");
		assertThat(this.browser.text(By.id("registrations"))).contains("IPS Creator").contains("Document Source");

		this.browser.visit("/organization");
		assertThat(this.browser.text(By.id("organization-systems"))).contains("Acme Patient Summary")
			.contains(event.name());
		this.browser.visit("/events/" + event.id());
		this.browser.waitForText(By.id("event-systems"), "Acme Patient Summary");
		assertThat(this.browser.text(By.id("event-systems"))).contains("IPS:CREATOR").contains("MHD:DOCUMENT_SOURCE");
	}

	@Test
	void shouldShowWhyARegistrationIsRefused() {
		Event event = this.fixtures.openEvent();
		User alice = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		this.browser.signIn(alice.username(), Fixtures.PASSWORD);
		this.browser.visit("/events/" + event.id());
		this.browser.click(By.id("register-system"));
		this.browser.type(By.id("system-name"), "Acme Viewer");
		this.browser.click(By.id("create-system"));

		this.browser.click(By.id("actor-IPS-CONSUMER"));
		this.browser.click(By.id("register-actors"));

		this.browser.waitForText(By.cssSelector(".flash.error"), "IPS:CONSUMER requires PDQm:CONSUMER");
		assertThat(this.browser.pageText()).contains("Not registered for any actor yet.");
	}

	@Test
	void shouldLetAnOrganizerImportACatalogAndCreateAnEvent() {
		User organizer = this.fixtures.user(Role.ADMIN, null);
		String keyword = "QEDM" + Fixtures.unique("").strip();
		String eventName = Fixtures.unique("Spring Connectathon");
		this.browser.signIn(organizer.username(), Fixtures.PASSWORD);

		this.browser.visit("/admin/catalog");
		this.browser.type(By.id("catalog-content"), """
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
		this.browser.click(By.id("import-catalog"));
		this.browser.waitForText(By.tagName("main"), "Imported 1 profiles, 2 actors and 1 transactions.");
		assertThat(this.browser.pageText()).contains(keyword);

		this.browser.visit("/admin/events");
		this.browser.click(By.id("new-event"));
		this.browser.type(By.name("name"), eventName);
		this.browser.setValue(By.name("startDate"), "2031-03-10");
		this.browser.setValue(By.name("endDate"), "2031-03-13");
		this.browser.setValue(By.name("registrationDeadline"), "2031-02-28T18:00");
		this.browser.choose(By.name("status"), "OPEN");
		this.browser.click(By.cssSelector("input[name=profiles][value='" + keyword + "']"));
		this.browser.click(By.id("save-event"));

		this.browser.waitForText(By.tagName("h1"), eventName);
		assertThat(this.browser.pageText()).contains(keyword).contains("2031-03-10").contains("open");
	}

	@Test
	void shouldShowTheProblemsOfAMalformedCatalogFile() {
		User organizer = this.fixtures.user(Role.ADMIN, null);
		this.browser.signIn(organizer.username(), Fixtures.PASSWORD);
		this.browser.visit("/admin/catalog");
		this.browser.type(By.id("catalog-content"), """
				profiles:
				  - { keyword: BROKEN, name: Broken, kind: IHE_PROFILE,
				      transactions: [ { keyword: T, name: T, initiator: GHOST, responder: GHOST } ] }
				""");
		this.browser.click(By.id("import-catalog"));

		this.browser.waitForText(By.cssSelector(".flash.error"), "nothing was imported");
		assertThat(this.browser.text(By.cssSelector(".flash.error"))).contains("unknown actor 'BROKEN:GHOST'");
		this.browser.visit("/catalog");
		assertThat(this.browser.pageText()).doesNotContain("BROKEN");
	}

	@Test
	void shouldShowValidationIssuesBesideTheHighlightedLines() {
		User participant = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		this.browser.signIn(participant.username(), Fixtures.PASSWORD);
		this.browser.visit("/validate");
		this.browser.type(By.id("resource-content"), """
				{
				  "resourceType": "Patient",
				  "birthDate": "1972-13-45"
				}""");
		this.browser.click(By.id("validate"));

		this.browser.waitForText(By.id("validation-result"), "errors");
		assertThat(this.browser.text(By.id("issues"))).contains("Patient.birthDate").contains("line 3");
		assertThat(this.browser.attribute(By.id("line-3"), "class")).contains("error");
		assertThat(this.browser.attribute(By.id("line-2"), "class")).doesNotContain("error");
	}

}
