package org.connectathon.platform.browser;

import java.util.Map;

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

/** A topic's page, open in a browser while someone else posts to its thread. */
@PlatformIntegrationTest
class TopicBrowserIntegrationTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldProposeATopicAndShowAnotherOrganizationsPostWithoutReload() {
		Event event = this.fixtures.openEvent();
		User alice = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		browser.signInAs(alice);
		browser.visit("/events/" + event.id());
		browser.click(By.id("event-topics"));
		browser.type(By.id("topic-title"), "Cross-border IPS");
		browser.type(By.id("topic-description"), "Send IPS documents between two national gateways");
		browser.click(By.id("propose-topic"));
		browser.waitForText(By.id("topic-thread"), "No messages yet.");
		long topicId = Long.parseLong(browser.currentPath().substring("/topics/".length()));

		this.fixtures.participantOf(this.fixtures.organization())
			.post("/api/topics/" + topicId + "/posts", Map.of("text", "Our gateway joins"));

		browser.waitForText(By.id("topic-thread"), "Our gateway joins");
		assertThat(browser.text(By.id("topic-heading"))).isEqualTo("Cross-border IPS");
	}

}
