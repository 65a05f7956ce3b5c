package org.connectathon.platform.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.proxy.Capture;
import org.connectathon.platform.proxy.CaptureFilter;
import org.connectathon.platform.proxy.CaptureRepository;
import org.connectathon.platform.proxy.CaptureValidationStatus;
import org.connectathon.platform.proxy.soap.SoapSamples;
import org.connectathon.platform.proxy.soap.SoapSamples.Sample;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Cross Gateway Query captured on its way to the built-in SOAP responder, read in a
 * browser: its transaction, its validation, the SAML assertion's attributes, and the
 * envelope's Header folded until opened.
 */
@PlatformIntegrationTest
class SoapCaptureBrowserIntegrationTests {

	@RegisterExtension
	static final Browser browser = new Browser();

	@Autowired
	Fixtures fixtures;

	@Autowired
	CaptureRepository captures;

	@Test
	void shouldShowTheTransactionValidationSamlAttributesAndAFoldedHeader() throws Exception {
		Event event = this.fixtures.openEventAllowingPrivateAddresses();
		User alice = this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization());
		ApiClient acme = this.fixtures.apiAs(alice);
		ApiClient globex = this.fixtures.participantOf(this.fixtures.organization());
		long initiating = TestingFixtures.publishedSystem(acme, event, "Acme Gateway", "XCA:INITIATING_GATEWAY");
		long responding = TestingFixtures.publishedSystem(globex, event, "Globex Gateway", "XCA:RESPONDING_GATEWAY");
		Response endpoint = globex.post("/api/systems/" + responding + "/endpoints",
				Map.of("profile", "XCA", "actor", "RESPONDING_GATEWAY", "protocol", "SOAP", "baseUrl",
						"http://localhost:" + this.fixtures.port() + "/responders/soap/globex"));
		String proxy = endpoint.json().path("proxyUrl").asString();
		String token = acme.get("/api/systems/" + initiating + "/capture-identification")
			.json()
			.path("captureToken")
			.asString();
		Sample query = SoapSamples.request("ITI-38", proxy, OffsetDateTime.now());
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(proxy))
				.header("Content-Type", query.contentType())
				.header("X-Connectathon-System", token)
				.POST(BodyPublishers.ofByteArray(query.body()))
				.build(), BodyHandlers.discarding());
		Capture capture = validated(event);

		browser.signInAs(alice);
		browser.visit("/captures/" + capture.id());

		assertThat(browser.text(By.id("capture-transaction"))).isEqualTo("XCA:ITI-38");
		assertThat(browser.text(By.id("capture-validation"))).isEqualTo("valid");
		assertThat(browser.text(By.id("request-saml"))).contains("CN=Acme Identity Provider,O=Acme Health",
				"urn:oasis:names:tc:xspa:1.0:subject:purposeofuse", "TREATMENT (Treatment)");
		assertThat(browser.pageText()).as("each body shown once, by its protocol's view")
			.containsOnlyOnce("<query:AdhocQueryRequest")
			.containsOnlyOnce("<query:AdhocQueryResponse");
		assertThat(browser.present(By.id("request-header")).isDisplayed()).isTrue();
		assertThat(browser.pageText()).doesNotContain(query.messageId());
		browser.click(By.cssSelector("#request-header summary"));
		browser.waitForText(By.id("request-header"), query.messageId());
	}

	private Capture validated(Event event) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			var found = this.captures.findPage(event.id(), CaptureFilter.none(), 0, 1).items();
			if (!found.isEmpty() && found.get(0).validationStatus() != CaptureValidationStatus.PENDING) {
				return found.get(0);
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The capture was not validated in time");
	}

}
