package org.connectathon.platform.testing;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.nio.charset.StandardCharsets;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventForm;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.security.SignedInUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
public class TestPlanIntegrationTests {

	public static final String PEER_TO_PEER_PLAN = """
			tests:
			  - keyword: PDQM-QUERY
			    name: A consumer finds the patient
			    type: PEER_TO_PEER
			    roles:
			      - { keyword: CONSUMER, actor: "PDQm:CONSUMER" }
			      - { keyword: SUPPLIER, actor: "PDQm:SUPPLIER", verifiedInstancesNeeded: 2 }
			    steps:
			      - { initiator: CONSUMER, responder: SUPPLIER, transaction: "PDQm:ITI-78" }
			""";

	/**
	 * Peer-to-peer tests of IHE transactions over SOAP (XCA) and HL7 v2 (PIX, PDQ),
	 * between the demo catalog's actors.
	 */
	public static final String IHE_PLAN = """
			tests:
			  - keyword: XCA-QUERY-RETRIEVE
			    name: An initiating gateway queries and retrieves from a responding one
			    type: PEER_TO_PEER
			    roles:
			      - { keyword: INITIATOR, actor: "XCA:INITIATING_GATEWAY" }
			      - { keyword: RESPONDER, actor: "XCA:RESPONDING_GATEWAY" }
			    steps:
			      - { initiator: INITIATOR, responder: RESPONDER, transaction: "XCA:ITI-38" }
			      - { initiator: INITIATOR, responder: RESPONDER, transaction: "XCA:ITI-39" }
			  - keyword: PIX-FEED
			    name: A source feeds a patient to the manager
			    type: PEER_TO_PEER
			    roles:
			      - { keyword: SOURCE, actor: "PIX:PATIENT_IDENTITY_SOURCE" }
			      - { keyword: MANAGER, actor: "PIX:PIX_MANAGER" }
			    steps:
			      - { initiator: SOURCE, responder: MANAGER, transaction: "PIX:ITI-8" }
			  - keyword: PDQ-QUERY
			    name: A consumer asks the supplier for a patient
			    type: PEER_TO_PEER
			    roles:
			      - { keyword: CONSUMER, actor: "PDQ:PATIENT_DEMOGRAPHICS_CONSUMER" }
			      - { keyword: SUPPLIER, actor: "PDQ:PATIENT_DEMOGRAPHICS_SUPPLIER" }
			    steps:
			      - { initiator: CONSUMER, responder: SUPPLIER, transaction: "PDQ:ITI-21" }
			""";

	@Autowired
	Fixtures fixtures;

	@Autowired
	EventService events;

	ApiClient admin;

	Event event;

	@BeforeEach
	void anOrganizerWithAnOpenEvent() {
		this.event = this.fixtures.openEvent();
		this.admin = this.fixtures.admin();
	}

	@Test
	void shouldImportTheDemoIpsTestPlanWithTheDefaultsOfEachTestType() throws IOException {
		Response imported = this.admin.postText(planPath(this.event), demoPlan(), "application/yaml");

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().path("tests").asInt()).isEqualTo(8);
		assertThat(imported.json().path("metaTests").asInt()).isEqualTo(1);
		JsonNode tests = this.admin.get("/api/events/" + this.event.id() + "/tests").json();
		assertThat(tests.findValuesAsString("keyword")).contains("IPS-DOCUMENT-VALIDATION", "IPS-MHD-PUBLISH",
				"PDQM-QUERY-DEMOGRAPHICS", "SVCM-LOOKUPS");
		JsonNode publish = test(tests, "IPS-MHD-PUBLISH");
		assertThat(publish.path("type").asString()).isEqualTo("PEER_TO_PEER");
		assertThat(publish.path("roles").get(0).path("actor").path("actorKeyword").asString())
			.isEqualTo("DOCUMENT_SOURCE");
		assertThat(publish.path("roles").get(0).path("verifiedInstancesNeeded").asInt()).isEqualTo(3);
		assertThat(publish.path("steps").get(0).path("transaction").asString()).isEqualTo("MHD:ITI-65");
		JsonNode validation = test(tests, "IPS-DOCUMENT-VALIDATION");
		assertThat(validation.path("roles").get(0).path("verifiedInstancesNeeded").asInt()).isEqualTo(1);
		assertThat(validation.path("steps").get(0).path("responderRole").isNull()).isTrue();
		assertThat(test(tests, "IPS-SUMMARY-OPERATION").path("steps").get(0).path("testScript").asString())
			.isEqualTo("ips-summary-operation");
		assertThat(test(tests, "PDQM-QUERY-IDENTIFIER").path("metaTestKeyword").asString()).isEqualTo("PDQM-QUERY");
		long id = publish.path("id").asLong();
		assertThat(this.admin.get("/api/tests/" + id).json().path("name").asString())
			.isEqualTo("A Document Source publishes an IPS document to a Document Recipient");
	}

	@Test
	void shouldExportWhatItImportsInBothFormats() throws IOException {
		this.admin.postText(planPath(this.event), demoPlan(), "application/yaml");
		String yaml = this.admin.get(planPath(this.event) + "?format=yaml").body();
		String json = this.admin.get(planPath(this.event)).body();

		Event other = this.fixtures.openEvent();
		Response fromYaml = this.admin.postText(planPath(other), yaml, "application/yaml");
		assertThat(fromYaml.status()).as(fromYaml.toString()).isEqualTo(200);
		assertThat(this.admin.get(planPath(other) + "?format=yaml").body()).isEqualTo(yaml);

		Event third = this.fixtures.openEvent();
		Response fromJson = this.admin.postText(planPath(third), json, "application/json");
		assertThat(fromJson.status()).as(fromJson.toString()).isEqualTo(200);
		assertThat(this.admin.get(planPath(third)).body()).isEqualTo(json);
		assertThat(yaml).contains("format: \"connectathon-test-plan/1\"").contains("MHD:ITI-65");
	}

	@Test
	void shouldUpdateTestsByKeywordAndKeepTheirRoles() {
		this.admin.postText(planPath(this.event), PEER_TO_PEER_PLAN, "application/yaml");
		JsonNode before = test(this.admin.get("/api/events/" + this.event.id() + "/tests").json(), "PDQM-QUERY");

		Response updated = this.admin.postText(planPath(this.event),
				PEER_TO_PEER_PLAN.replace("A consumer finds the patient", "A consumer finds the patient by name")
					.replace("verifiedInstancesNeeded: 2", "verifiedInstancesNeeded: 1"),
				"application/yaml");

		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		JsonNode tests = this.admin.get("/api/events/" + this.event.id() + "/tests").json();
		assertThat(tests.size()).isEqualTo(1);
		JsonNode after = test(tests, "PDQM-QUERY");
		assertThat(after.path("id").asLong()).isEqualTo(before.path("id").asLong());
		assertThat(after.path("name").asString()).isEqualTo("A consumer finds the patient by name");
		assertThat(after.path("roles").get(1).path("id").asLong())
			.isEqualTo(before.path("roles").get(1).path("id").asLong());
		assertThat(after.path("roles").get(1).path("verifiedInstancesNeeded").asInt()).isEqualTo(1);
	}

	@Test
	void shouldReportMalformedFilesWithTheirPositionAndChangeNothing() {
		this.admin.postText(planPath(this.event), PEER_TO_PEER_PLAN, "application/yaml");
		String before = this.admin.get(planPath(this.event)).body();

		Response malformed = this.admin.postText(planPath(this.event), "tests:\n  - keyword: [unclosed\n",
				"application/yaml");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("problems").get(0).asString()).startsWith("line 2, column");

		Response wrongType = this.admin.postText(planPath(this.event),
				"tests:\n  - keyword: X\n    name: X\n    type: SOLO\n", "application/yaml");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().path("problems").get(0).asString()).startsWith("line 4, column").contains("SOLO");

		Response unknownField = this.admin.postText(planPath(this.event), "tests: []\ncolour: blue\n",
				"application/yaml");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.json().path("problems").get(0).asString()).startsWith("line ").contains("colour");

		assertThat(this.admin.postText(planPath(this.event), "", "application/yaml").status()).isEqualTo(400);
		assertThat(this.admin.get(planPath(this.event)).body()).isEqualTo(before);
	}

	@Test
	void shouldReportEveryInconsistencyAndImportNothing() {
		Event ipsOnly = eventWithProfiles("IPS", "PDQm");
		Response inconsistent = this.admin.postText(planPath(ipsOnly), """
				format: connectathon-test-plan/2
				tests:
				  - keyword: NO-PEER
				    name: Two roles in a no-peer test
				    type: NO_PEER
				    metaTest: NOWHERE
				    roles:
				      - { keyword: CREATOR, actor: "IPS:CREATOR", option: PDF }
				      - { keyword: CREATOR, actor: "IPS:AUTHOR" }
				    steps:
				      - { description: nobody takes part }
				  - keyword: EXCHANGE
				    name: Wrong actors for the transaction
				    type: PEER_TO_PEER
				    roles:
				      - { keyword: SOURCE, actor: "MHD:DOCUMENT_SOURCE" }
				      - { keyword: CONSUMER, actor: "PDQm:CONSUMER", minSystems: 2, maxSystems: 1 }
				      - { keyword: SUPPLIER, actor: PDQm-SUPPLIER }
				    steps:
				      - { initiator: SUPPLIER, responder: CONSUMER, transaction: "PDQm:ITI-78" }
				      - { initiator: CONSUMER, responder: READER, transaction: "PDQm:ITI-99" }
				  - keyword: EXCHANGE
				    name: Twice
				""", "application/yaml");

		assertThat(inconsistent.status()).isEqualTo(400);
		assertThat(inconsistent.json().path("detail").asString()).contains("nothing was imported");
		assertThat(inconsistent.json().path("problems").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("format: expected 'connectathon-test-plan/1', found 'connectathon-test-plan/2'",
					"tests[0].metaTest: unknown meta-test 'NOWHERE'; declare it under metaTests",
					"tests[0].roles: a no-peer test has exactly one role, found 2",
					"tests[0].roles[0].option: actor IPS:CREATOR has no option 'PDF'",
					"tests[0].roles[1].keyword: role 'CREATOR' appears twice in test 'NO-PEER'",
					"tests[0].roles[1].actor: unknown actor 'IPS:AUTHOR'",
					"tests[0].steps[0]: name the initiator, the responder or both; a tool plays the other",
					"tests[1].roles[0].actor: profile MHD is not in the scope of " + ipsOnly.name(),
					"tests[1].roles[1].maxSystems: at least minSystems (2), found 1",
					"tests[1].roles[2].actor: 'PDQm-SUPPLIER' must be written PROFILE:ACTOR",
					"tests[1].steps[0].responder: PDQm:ITI-78 is answered by PDQm:SUPPLIER, but role 'CONSUMER' plays PDQm:CONSUMER",
					"tests[1].steps[1].responder: unknown role 'READER'",
					"tests[1].steps[1].transaction: unknown transaction 'PDQm:ITI-99'; write it PROFILE:TRANSACTION",
					"tests[2].keyword: test 'EXCHANGE' appears twice in the file",
					"tests[2].type: missing; one of NO_PEER, PEER_TO_PEER, GROUP",
					"tests[2].roles: the test has no role", "tests[2].steps: the test has no step");
		assertThat(this.admin.get("/api/events/" + ipsOnly.id() + "/tests").json().size()).isZero();
	}

	@Test
	void shouldLetOnlyOrganizersImportATestPlan() {
		ApiClient participant = this.fixtures.participantOf(this.fixtures.organization());

		Response refused = participant.postText(planPath(this.event), PEER_TO_PEER_PLAN, "application/yaml");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("detail").asString()).contains("Only organizers");
		assertThat(participant.get("/api/events/" + this.event.id() + "/tests").json().size()).isZero();
		assertThat(this.fixtures.anonymous()
			.postText(planPath(this.event), PEER_TO_PEER_PLAN, "application/yaml")
			.status()).isEqualTo(401);
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownEventOrTest() {
		assertThat(
				this.admin.postText("/api/events/987654321/test-plan", PEER_TO_PEER_PLAN, "application/yaml").status())
			.isEqualTo(404);
		assertThat(this.admin.get("/api/tests/987654321").status()).isEqualTo(404);
	}

	static String planPath(Event event) {
		return "/api/events/" + event.id() + "/test-plan";
	}

	static String demoPlan() throws IOException {
		return new ClassPathResource("demo/ips-test-plan.yaml").getContentAsString(StandardCharsets.UTF_8);
	}

	public static JsonNode test(JsonNode tests, String keyword) {
		return tests.valueStream()
			.filter((test) -> test.path("keyword").asString().equals(keyword))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no test " + keyword + " in " + tests));
	}

	private Event eventWithProfiles(String... profiles) {
		LocalDate start = LocalDate.now(ZoneOffset.UTC).plusMonths(2);
		return this.events.create(
				new EventForm(Fixtures.unique("Small Connectathon"), null, null, start, start.plusDays(1),
						OffsetDateTime.now(ZoneOffset.UTC).plusMonths(1), EventStatus.OPEN, List.of(profiles), null),
				SignedInUser.machineOwner());
	}

}
