package org.connectathon.platform.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.dashboard.BusyEvent;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as an organizer looks at it, on a desktop and on a phone: charts drawn
 * from the figures, following the event as it changes.
 */
@PlatformIntegrationTest
class DashboardBrowserIntegrationTests {

	private static final List<String> CHARTS = List.of("instances-by-status", "queue-waiting", "activity", "grades");

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	BusyEvent busy;

	String dashboard;

	@BeforeEach
	void anOrganizerOfAnEventUnderWay() {
		this.busy = BusyEvent.start(this.fixtures);
		this.dashboard = "/events/" + this.busy.event().id() + "/dashboard";
		browser.resize(1280, 900);
		browser.signInAs(this.fixtures.user(Role.ADMIN, null));
	}

	@Test
	void shouldDrawEveryChartOnADesktop() {
		browser.visit("/events/" + this.busy.event().id());
		browser.click(By.id("event-dashboard"));

		for (String chart : CHARTS) {
			browser.present(By.cssSelector("#chart-" + chart + " canvas"));
		}
		assertThat(browser.text(By.id("instances-total"))).isEqualTo("3");
		assertThat(browser.text(By.id("queue-summary"))).contains("1 waiting for a monitor");
		assertThat(browser.text(By.id("systems-without-partner"))).contains("Initech Publisher", "RECIPIENT");
		assertThat(width("#chart-grades")).as("the grades' chart spans the page")
			.isGreaterThan(width("#chart-instances-by-status"));
		browser.resize(1280, 2000);
		browser.screenshot(Path.of("target", "screenshots", "dashboard.png"));
	}

	@Test
	void shouldStayReadableOnAPhone() {
		browser.resize(390, 844);
		browser.visit(this.dashboard);

		for (String chart : CHARTS) {
			browser.present(By.cssSelector("#chart-" + chart + " canvas"));
			assertThat(width("#chart-" + chart)).as(chart).isBetween(200L, 390L);
		}
		assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
			.as("nothing wider than the phone's screen")
			.isEqualTo(true);
		assertThat(browser.text(By.id("instances-total"))).isEqualTo("3");
		browser.screenshot(Path.of("target", "screenshots", "dashboard-phone.png"));
	}

	@Test
	void shouldFollowTheEventAsAMonitorGivesAVerdict() {
		browser.visit(this.dashboard);
		browser.present(By.cssSelector("#chart-instances-by-status canvas"));
		browser.waitForText(By.id("status-VERIFIED"), "1");

		this.busy.monitor()
			.post("/api/test-instances/" + this.busy.waiting() + "/verdict",
					Map.of("status", "VERIFIED", "comment", "Checked"));

		browser.waitForText(By.id("status-VERIFIED"), "2");
		assertThat(browser.text(By.id("queue-summary"))).contains("0 waiting for a monitor");
		browser.present(By.cssSelector("#chart-instances-by-status canvas"));
		assertThat(browser.script("return document.querySelectorAll('#chart-instances-by-status').length;"))
			.as("drawn again once, in the new figures")
			.isEqualTo(1L);
	}

	private static long width(String selector) {
		return (Long) browser
			.script("return Math.round(document.querySelector('" + selector + "').getBoundingClientRect().width);");
	}

}
