package org.connectathon.platform.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The results matrix in a real browser, on a laptop and on a phone: headings and the
 * systems stay in view while it scrolls, the filters, the grades' colours, and the public
 * matrix. Leaves pictures of the pages in {@code target/screenshots}.
 */
@PlatformIntegrationTest
class ResultsMatrixBrowserIntegrationTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	@Autowired
	Fixtures fixtures;

	Event event;

	ApiClient admin;

	@BeforeEach
	void anEventOfThreeOrganizationsWithEveryGrade() {
		this.event = this.fixtures.openEvent();
		this.admin = this.fixtures.admin();
		Organization acme = this.fixtures.organization();
		Organization globex = this.fixtures.organization();
		Organization initech = this.fixtures.organization();
		ApiClient alice = this.fixtures.participantOf(acme);
		ApiClient bob = this.fixtures.participantOf(globex);
		ApiClient carol = this.fixtures.participantOf(initech);
		long ehr = TestingFixtures.publishedSystem(alice, this.event, "Acme EHR", "IPS:CREATOR", "MHD:DOCUMENT_SOURCE");
		Response option = alice.post("/api/systems/" + ehr + "/registrations",
				List.of(Map.of("profile", "MHD", "actor", "DOCUMENT_SOURCE", "option", "COMPREHENSIVE_METADATA")));
		assertThat(option.status()).as(option.toString()).isEqualTo(201);
		TestingFixtures.publishedSystem(alice, this.event, "Acme Viewer", "IPS:CONSUMER", "PDQm:CONSUMER");
		TestingFixtures.publishedSystem(bob, this.event, "Globex MPI", "PDQm:SUPPLIER", "FHIR:SERVER");
		TestingFixtures.publishedSystem(bob, this.event, "Globex Repository", "MHD:DOCUMENT_RECIPIENT",
				"MHD:DOCUMENT_RESPONDER", "IPS:REPOSITORY");
		TestingFixtures.publishedSystem(carol, this.event, "Initech Terminology", "SVCM:TERMINOLOGY_REPOSITORY",
				"FHIR:SERVER");
		TestingFixtures.publishedSystem(carol, this.event, "Initech App", "SVCM:CONSUMER", "FHIR:CLIENT",
				"PDQm:CONSUMER");
		for (int system = 1; system <= 12; system++) {
			TestingFixtures.publishedSystem(carol, this.event, "Initech Kiosk %02d".formatted(system), "FHIR:CLIENT",
					"PDQm:CONSUMER", "IPS:CONSUMER");
		}
		String[] grades = { "PASS", "AT_RISK", "DID_NOT_COMPLETE", "WITHDRAWN", "NO_PEER_AVAILABLE" };
		JsonNode results = this.admin.get("/api/events/" + this.event.id() + "/results").json();
		for (int row = 0; row < results.size(); row++) {
			Response overridden = this.admin.put(
					"/api/events/" + this.event.id() + "/results/" + results.get(row).path("registrationId").asLong()
							+ "/override",
					Map.of("grade", grades[(row * 3) % grades.length], "reason", "For the picture"));
			assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
		}
	}

	@Test
	void shouldKeepTheHeadingsAndTheSystemsInViewWhileTheMatrixScrollsOnAPhone() throws Exception {
		browser.resize(390, 700);
		browser.signInAs(this.fixtures.user(Role.ADMIN, null));
		browser.visit("/events/" + this.event.id() + "/results");
		assertThat(browser.text(By.id("results-matrix"))).contains("Acme EHR");

		assertThat(number("return document.documentElement.scrollWidth - window.innerWidth")).as("page overflow")
			.isLessThanOrEqualTo(0);
		assertThat(number("""
				const box = document.querySelector('.matrix-scroll');
				return box.scrollWidth - box.clientWidth""")).as("the matrix scrolls within its box").isPositive();
		browser
			.script("const box = document.querySelector('.matrix-scroll'); box.scrollTop = 200; box.scrollLeft = 400;");

		assertThat(number("""
				const box = document.querySelector('.matrix-scroll').getBoundingClientRect();
				return document.querySelector('#results-matrix th.profile').getBoundingClientRect().top - box.top"""))
			.as("the profiles' heading row stays at the top")
			.isCloseTo(1, within(2.0));
		assertThat(
				number("""
						const box = document.querySelector('.matrix-scroll').getBoundingClientRect();
						return document.querySelector('#results-matrix tbody th.system').getBoundingClientRect().left - box.left"""))
			.as("the system column stays beside the organization column")
			.isCloseTo(97, within(3.0));
		browser.screenshot(SCREENSHOTS.resolve("results-matrix-phone.png"));
	}

	@Test
	void shouldFilterByProfileAndOrganizationAndShowEachGradeInItsColour() throws Exception {
		browser.resize(1280, 900);
		browser.signInAs(this.fixtures.user(Role.ADMIN, null));
		browser.visit("/events/" + this.event.id() + "/results");
		assertThat(browser.text(By.id("matrix-legend"))).contains("pass", "at risk", "did not complete", "withdrawn",
				"no peer available");
		assertThat(browser
			.script("""
					return ['pass', 'at_risk', 'did_not_complete', 'withdrawn', 'no_peer_available']
					  .map((grade) => getComputedStyle(document.querySelector('#results-matrix td.mark.' + grade)).backgroundColor)"""))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.doesNotHaveDuplicates()
			.hasSize(5);
		browser.screenshot(SCREENSHOTS.resolve("results-matrix.png"));

		browser.choose(By.id("filter-profile"), "MHD");
		browser.click(By.id("apply-filter"));
		browser.waitForText(By.id("results-matrix"), "DOCUMENT_RECIPIENT");
		assertThat(browser.currentPath()).endsWith("/results?profile=MHD&organization=");
		assertThat(browser.text(By.id("results-matrix"))).contains("Acme EHR", "COMPREHENSIVE_METADATA")
			.doesNotContain("PDQm", "Initech App");

		browser.click(By.id("results-list-link"));
		assertThat(browser.currentPath()).endsWith("/results/list?profile=MHD");
		assertThat(browser.text(By.id("results"))).contains("MHD:DOCUMENT_SOURCE").doesNotContain("PDQm:");
		browser.click(By.id("results-matrix-link"));
		browser.click(By.id("clear-filter"));
		assertThat(browser.text(By.id("results-matrix"))).contains("PDQm", "Initech App");
	}

	@Test
	void shouldShowThePublishedMatrixToVisitorsOnAPhone() throws Exception {
		assertThat(this.admin.post("/api/events/" + this.event.id() + "/results/publication", Map.of()).status())
			.isEqualTo(200);
		browser.resize(390, 844);

		browser.visit("/public/events/" + this.event.id() + "/results");

		assertThat(browser.text(By.id("results-matrix"))).contains("Globex Repository", "TERMINOLOGY_REPOSITORY");
		assertThat(browser.text(By.id("matrix-legend"))).contains("withdrawn");
		assertThat(number("return document.documentElement.scrollWidth - window.innerWidth")).as("page overflow")
			.isLessThanOrEqualTo(0);
		assertThat(number("return document.querySelectorAll('#results-matrix td.mark a').length")).isZero();
		browser.screenshot(SCREENSHOTS.resolve("results-matrix-public-phone.png"));
	}

	private double number(String script) {
		return ((Number) browser.script(script)).doubleValue();
	}

}
