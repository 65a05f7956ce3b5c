package org.connectathon.platform.proxy;

import java.net.http.HttpResponse;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.testing.TestPlanIntegrationTests;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where participants find proxy addresses and capture tokens: an endpoint's proxy address
 * on its system's page and in the partner finder; the capture token and client addresses
 * on the system's page, for its own organization only.
 */
@PlatformIntegrationTest
class ProxyAddressPagesIntegrationTests {

	@Autowired
	Fixtures fixtures;

	Event event;

	Organization acme;

	ApiClient alice;

	ApiClient bob;

	long repository;

	long creator;

	String proxyUrl;

	@BeforeEach
	void aRepositoryWithAnEndpointAndACreatorOfAnotherOrganization() {
		this.event = this.fixtures.openEvent();
		this.acme = this.fixtures.organization();
		this.alice = this.fixtures.participantOf(this.acme);
		this.bob = this.fixtures.participantOf(this.fixtures.organization());
		TestingFixtures.importedTest(this.fixtures.admin(), this.event, TestPlanIntegrationTests.PEER_TO_PEER_PLAN,
				"PDQM-QUERY");
		this.repository = TestingFixtures.publishedSystem(this.alice, this.event, "Acme MPI", "PDQm:SUPPLIER");
		this.creator = TestingFixtures.publishedSystem(this.bob, this.event, "Bob Viewer", "PDQm:CONSUMER");
		Response endpoint = this.alice.post("/api/systems/" + this.repository + "/endpoints",
				Map.of("profile", "PDQm", "actor", "SUPPLIER", "baseUrl", "https://fhir.acme.example/r4"));
		assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
		this.proxyUrl = endpoint.json().path("proxyUrl").asString();
	}

	@Test
	void shouldShowTheProxyAddressToEveryoneAndTheCaptureTokenToTheOwnOrganizationOnly() {
		String token = this.alice.get("/api/systems/" + this.repository + "/capture-identification")
			.json()
			.path("captureToken")
			.asString();

		String own = acmePage().get("/systems/" + this.repository).body();
		String partners = PageClient
			.signedIn(this.fixtures.port(),
					this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization()).username())
			.get("/systems/" + this.repository)
			.body();

		assertThat(own).contains(this.proxyUrl).contains("X-Connectathon-System: " + token);
		assertThat(partners).contains(this.proxyUrl).doesNotContain(token).doesNotContain("capture-token");
	}

	@Test
	void shouldRegenerateTheTokenAndSaveClientAddressesFromTheSystemsPage() {
		PageClient acme = acmePage();
		String page = "/systems/" + this.repository;
		String before = this.alice.get("/api/systems/" + this.repository + "/capture-identification")
			.json()
			.path("captureToken")
			.asString();

		HttpResponse<String> regenerated = acme.postForm(page, page + "/capture-token", Map.of());
		HttpResponse<String> refused = acme.postForm(page, page + "/client-addresses",
				Map.of("clientAddresses", "10.1.2.0/24, not-an-address"));

		assertThat(regenerated.statusCode()).isEqualTo(302);
		assertThat(acme.get(page).body()).doesNotContain(before);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"10.1.2.0/24,not-an-address\"")
			.contains("&#39;not-an-address&#39; is not an IP address or a CIDR range");
		HttpResponse<String> saved = acme.postForm(page, page + "/client-addresses",
				Map.of("clientAddresses", "10.1.2.0/24, 2001:db8::7"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.alice.get("/api/systems/" + this.repository + "/capture-identification")
			.json()
			.path("clientAddresses")
			.toString()).isEqualTo("[\"10.1.2.0/24\",\"2001:db8::7\"]");
	}

	@Test
	void shouldShowThePartnersProxyAddressesInThePartnerFinder() {
		JsonNode findings = this.bob.get("/api/systems/" + this.creator + "/partners").json();

		assertThat(findings.findValues("partners")
			.stream()
			.flatMap((partners) -> partners.valueStream())
			.filter((partner) -> partner.path("systemId").asLong() == this.repository)
			.flatMap((partner) -> partner.path("endpoints").valueStream())
			.map((endpoint) -> endpoint.path("proxyUrl").asString())).contains(this.proxyUrl);
	}

	private PageClient acmePage() {
		return PageClient.signedIn(this.fixtures.port(), this.fixtures.user(Role.PARTICIPANT, this.acme).username());
	}

}
