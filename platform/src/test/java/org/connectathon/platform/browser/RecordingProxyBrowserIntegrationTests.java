package org.connectathon.platform.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.ReferenceServerExtension;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.PeerToPeerTestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer-to-peer test verified from what crossed the wire: Acme's PDQm Consumer calls its
 * partner, a reference server registered as Globex's PDQm Supplier, through the recording
 * proxy; the captures land on the instance's step with their validation, an invalid
 * resource shows its error, and a monitor verifies the instance from them.
 */
@PlatformIntegrationTest
class RecordingProxyBrowserIntegrationTests {

	private static final Duration BACKGROUND_WORK = Duration.ofMinutes(3);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@RegisterExtension
	static final Browser browser = new Browser();

	@RegisterExtension
	static final ReferenceServerExtension referenceServer = new ReferenceServerExtension();

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldLetAMonitorVerifyAnInstanceFromTheExchangesTheProxyCaptured() throws Exception {
		PeerToPeerTestBuilder pdqmQuery = PeerToPeerTestBuilder.pdqmQuery(this.fixtures,
				this.fixtures.openEventAllowingPrivateAddresses());
		User monitor = this.fixtures.user(Role.MONITOR, null);
		pdqmQuery.monitoredBy(monitor.id());
		Response endpoint = pdqmQuery.globex()
			.post("/api/systems/" + pdqmQuery.supplier() + "/endpoints", Map.of("profile", "PDQm", "actor", "SUPPLIER",
					"baseUrl", referenceServer.baseUrl(), "fhirVersion", "R4"));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		String proxyAddress = endpoint.json().path("proxyUrl").asString();
		String consumerToken = pdqmQuery.acme()
			.get("/api/systems/" + pdqmQuery.consumer() + "/capture-identification")
			.json()
			.path("captureToken")
			.asString();
		send("PUT", referenceServer.baseUrl() + "/Patient/chalmers", null,
				"{\"resourceType\":\"Patient\",\"id\":\"chalmers\",\"name\":[{\"family\":\"Chalmers\"}]}");
		long instance = pdqmQuery.instance();

		HttpResponse<String> search = send("GET", proxyAddress + "/Patient?family=Chalmers", consumerToken, null);
		HttpResponse<String> invalid = send("POST", proxyAddress + "/Patient", consumerToken,
				"{\"resourceType\":\"Patient\",\"gender\":\"robot\"}");

		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(search.body()).contains("Chalmers");
		assertThat(invalid.statusCode()).isLessThan(500);
		User acme = this.fixtures.user(Role.PARTICIPANT, pdqmQuery.acmeOrganization());
		browser.signInAs(acme);
		browser.visit("/test-instances/" + instance);
		browser.waitForText(By.id("instance-captures"), "/Patient?family=Chalmers", BACKGROUND_WORK);
		long searchCapture = pdqmQuery.acme()
			.get("/api/test-instances/" + instance + "/captures")
			.json()
			.path("items")
			.get(0)
			.path("id")
			.asLong();
		browser.waitForText(By.id("capture-counts-" + searchCapture), "0 errors", BACKGROUND_WORK);
		assertThat(browser.text(By.id("capture-validation-" + searchCapture))).isEqualTo("valid");
		long invalidCapture = unattachedPost(pdqmQuery);
		browser.type(By.id("attach-capture-id"), Long.toString(invalidCapture));
		browser.click(By.id("attach-capture"));
		browser.waitForText(By.id("capture-errors-" + invalidCapture), "Patient.gender", BACKGROUND_WORK);
		browser.type(By.id("status-reason"), "Searched through the proxy");
		browser.click(By.id("move-TO_BE_VERIFIED"));
		browser.waitForText(By.id("instance-status"), "to be verified");

		browser.signOut();
		browser.signInAs(monitor);
		browser.visit("/events/" + pdqmQuery.event().id() + "/worklist");
		browser.click(By.id("claim-" + instance));
		browser.waitForText(By.id("instance-captures"), "/Patient?family=Chalmers");
		assertThat(browser.text(By.id("instance-captures"))).contains("attached by the platform")
			.contains("attached by hand")
			.contains("invalid")
			.contains("Patient.gender");
		browser.click(By.id("step-1-verdict-PASSED"));
		browser.waitForText(By.id("verify-steps"), "passed");
		browser.type(By.id("verdict-comment"), "The captured search found the patient");
		browser.click(By.id("verdict-VERIFIED"));
		browser.waitForText(By.id("instance-status"), "verified");
	}

	/** The capture of the consumer's POST, which no step of the query test declares. */
	private long unattachedPost(PeerToPeerTestBuilder pdqmQuery) {
		var captures = pdqmQuery.acme().get("/api/events/" + pdqmQuery.event().id() + "/captures").json().path("items");
		for (var capture : captures) {
			if (capture.path("method").asString().equals("POST")) {
				assertThat(capture.path("testInstanceId").isNull() || capture.path("testInstanceId").isMissingNode())
					.as("a create is no PDQm query")
					.isTrue();
				return capture.path("id").asLong();
			}
		}
		throw new AssertionError("no capture of the POST in " + captures);
	}

	private static HttpResponse<String> send(String method, String url, String captureToken, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.header("Accept", "application/fhir+json");
		if (body != null) {
			request.header("Content-Type", "application/fhir+json");
		}
		if (captureToken != null) {
			request.header("X-Connectathon-System", captureToken);
		}
		return HTTP.send(request.build(), BodyHandlers.ofString());
	}

}
