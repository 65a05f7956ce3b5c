package org.connectathon.platform.testing;

import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.ContactForm;
import org.connectathon.platform.registration.ContactRole;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.registration.OrganizationService;
import org.connectathon.platform.security.SignedInUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.participants;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

@PlatformIntegrationTest
class PartnerFinderIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	OrganizationService organizations;

	Event event;

	ApiClient alice;

	ApiClient bob;

	long test;

	long acmeConsumer;

	long globexSupplier;

	@BeforeEach
	void threeOrganizationsWithSystemsForAPeerToPeerTest() {
		this.event = this.fixtures.openEvent();
		Organization acme = this.fixtures.organization();
		Organization globex = this.fixtures.organization();
		Organization initech = this.fixtures.organization();
		this.organizations.addContact(globex.id(),
				new ContactForm("Grace Hopper", "grace@globex.example", "+1 555 0100", ContactRole.TECHNICAL),
				SignedInUser.machineOwner());
		this.organizations.addContact(globex.id(),
				new ContactForm("Bill Payer", "bills@globex.example", null, ContactRole.BILLING),
				SignedInUser.machineOwner());
		this.alice = this.fixtures.participantOf(acme);
		this.bob = this.fixtures.participantOf(globex);
		this.test = TestingFixtures
			.importedTest(this.fixtures.admin(), this.event, TestPlanIntegrationTests.PEER_TO_PEER_PLAN, "PDQM-QUERY")
			.path("id")
			.asLong();
		this.acmeConsumer = publishedSystem(this.alice, this.event, "Acme Viewer", "PDQm:CONSUMER");
		publishedSystem(this.alice, this.event, "Acme MPI", "PDQm:SUPPLIER");
		this.globexSupplier = publishedSystem(this.bob, this.event, "Globex MPI", "PDQm:SUPPLIER");
		publishedSystem(this.fixtures.participantOf(initech), this.event, "Initech MPI", "PDQm:SUPPLIER");
	}

	@Test
	void shouldListTheTestsOfMyRegistrationsWithPartnersOfOtherOrganizationsAndTheirTechnicalContacts() {
		JsonNode findings = this.alice.get("/api/systems/" + this.acmeConsumer + "/partners").json();

		assertThat(findings.size()).isEqualTo(1);
		JsonNode test = findings.get(0).path("tests").get(0);
		assertThat(test.path("testKeyword").asString()).isEqualTo("PDQM-QUERY");
		assertThat(test.path("myRole").asString()).isEqualTo("CONSUMER");
		JsonNode suppliers = test.path("partnerRoles").get(0);
		assertThat(suppliers.path("roleKeyword").asString()).isEqualTo("SUPPLIER");
		assertThat(suppliers.path("possible").asInt()).isEqualTo(2);
		assertThat(suppliers.path("tested").asInt()).isZero();
		assertThat(suppliers.path("partners").findValuesAsString("systemName")).containsExactlyInAnyOrder("Globex MPI",
				"Initech MPI");
		JsonNode globex = partner(suppliers, "Globex MPI");
		assertThat(globex.path("contacts").findValuesAsString("name")).containsExactly("Grace Hopper");
	}

	@Test
	void shouldCountThePartnersAlreadyTestedWithUntilTheInstanceIsAborted() {
		Response started = this.alice.post("/api/tests/" + this.test + "/instances",
				participants("CONSUMER", this.acmeConsumer, "SUPPLIER", this.globexSupplier));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);

		JsonNode suppliers = suppliers(this.alice, this.acmeConsumer);
		assertThat(suppliers.path("tested").asInt()).isEqualTo(1);
		assertThat(partner(suppliers, "Globex MPI").path("tested").asBoolean()).isTrue();
		assertThat(partner(suppliers, "Initech MPI").path("tested").asBoolean()).isFalse();

		this.alice.post("/api/test-instances/" + started.json().path("id").asLong() + "/status",
				Map.of("status", "ABORTED", "reason", "Wrong patient"));
		assertThat(suppliers(this.alice, this.acmeConsumer).path("tested").asInt()).isZero();
	}

	@Test
	void shouldShowTheFinderOnlyToTheSystemsOrganization() {
		Response refused = this.bob.get("/api/systems/" + this.acmeConsumer + "/partners");

		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	void shouldShowTheTableWhereOrganizersPlacedEachPartner() {
		Response placed = this.fixtures.admin()
			.put("/api/systems/" + this.globexSupplier + "/table-location", Map.of("tableLocation", " B12 "));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
		assertThat(placed.json().path("tableLocation").asString()).isEqualTo("B12");

		JsonNode suppliers = suppliers(this.alice, this.acmeConsumer);
		assertThat(partner(suppliers, "Globex MPI").path("tableLocation").asString()).isEqualTo("B12");
		assertThat(partner(suppliers, "Initech MPI").path("tableLocation").isNull()).isTrue();
	}

	@Test
	void shouldLeaveTablesToOrganizers() {
		ApiClient admin = this.fixtures.admin();
		admin.put("/api/systems/" + this.globexSupplier + "/table-location", Map.of("tableLocation", "B12"));

		Response byOwner = this.bob.put("/api/systems/" + this.globexSupplier + "/table-location",
				Map.of("tableLocation", "A1"));
		Response byOtherOrganization = this.alice.put("/api/systems/" + this.globexSupplier + "/table-location",
				Map.of("tableLocation", "A1"));
		Response tooLong = admin.put("/api/systems/" + this.globexSupplier + "/table-location",
				Map.of("tableLocation", "B".repeat(51)));
		Response unknown = admin.put("/api/systems/999999/table-location", Map.of("tableLocation", "A1"));

		assertThat(byOwner.status()).isEqualTo(403);
		assertThat(byOtherOrganization.status()).isEqualTo(403);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().path("detail").asString()).isNotBlank();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(admin.get("/api/systems/" + this.globexSupplier).json().path("tableLocation").asString())
			.isEqualTo("B12");
	}

	private static JsonNode suppliers(ApiClient client, long system) {
		return client.get("/api/systems/" + system + "/partners")
			.json()
			.get(0)
			.path("tests")
			.get(0)
			.path("partnerRoles")
			.get(0);
	}

	private static JsonNode partner(JsonNode partnerRole, String systemName) {
		return partnerRole.path("partners")
			.valueStream()
			.filter((partner) -> partner.path("systemName").asString().equals(systemName))
			.findFirst()
			.orElseThrow();
	}

}
