package org.connectathon.platform.browser;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.proxy.Capture.SenderIdentification;
import org.connectathon.platform.proxy.CaptureRecorder;
import org.connectathon.platform.proxy.CapturedMessage;
import org.connectathon.platform.proxy.CapturedMessage.Header;
import org.connectathon.platform.proxy.NewCapture;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The capture list of an event, open in a browser while the proxy records. */
@PlatformIntegrationTest
class CaptureBrowserIntegrationTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRecorder recorder;

	@Test
	void shouldShowANewCaptureWithoutReloadAndItsIndentedBodyOnItsPage() {
		Event event = this.fixtures.openEvent();
		User participant = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		long client = TestingFixtures.publishedSystem(this.fixtures.apiAs(participant), event, "Initech Client",
				"PDQm:CONSUMER");
		browser.signInAs(participant);
		browser.visit("/events/" + event.id());
		browser.click(By.id("event-captures"));
		browser.waitForText(By.id("captures-content"), "No captures here yet.");

		this.recorder.record(patientRead(event.id(), client));

		browser.waitForText(By.id("captures-content"), "Initech Client → unknown system");
		browser.click(By.cssSelector("#captures tbody a"));
		browser.waitForText(By.id("response-body"), "\"birthDate\" : \"1974-12-25\"");
		assertThat(browser.text(By.id("capture-systems"))).isEqualTo("Initech Client → unknown system");
	}

	private static NewCapture patientRead(long event, long sender) {
		byte[] patient = "{\"resourceType\":\"Patient\",\"birthDate\":\"1974-12-25\"}".getBytes(StandardCharsets.UTF_8);
		return new NewCapture(event, null, null, sender, SenderIdentification.SYSTEM_TOKEN, "192.0.2.10",
				OffsetDateTime.now(ZoneOffset.UTC), 2, 3, "GET", "/Patient/1", "http://upstream.example/fhir/Patient/1",
				200, null, "Patient", "read", new CapturedMessage(List.of(), null, null, 0, false),
				new CapturedMessage(List.of(new Header("Content-Type", "application/fhir+json")),
						"application/fhir+json", patient, patient.length, false));
	}

}
