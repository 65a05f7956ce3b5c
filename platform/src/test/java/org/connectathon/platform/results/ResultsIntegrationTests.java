package org.connectathon.platform.results;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.registration.Organization;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.TestingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.participants;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

@PlatformIntegrationTest
class ResultsIntegrationTests {

	static final String PLAN = """
			tests:
			  - keyword: IPS-VALIDATION
			    name: The IPS document validates
			    type: NO_PEER
			    roles:
			      - { keyword: CREATOR, actor: "IPS:CREATOR" }
			    steps:
			      - { initiator: CREATOR, transaction: "IPS:IPS-SUBMIT" }
			  - keyword: PDQM-QUERY
			    name: A consumer finds the patient
			    type: PEER_TO_PEER
			    roles:
			      - { keyword: CONSUMER, actor: "PDQm:CONSUMER", verifiedInstancesNeeded: 1 }
			      - { keyword: SUPPLIER, actor: "PDQm:SUPPLIER", verifiedInstancesNeeded: 1 }
			    steps:
			      - { initiator: CONSUMER, responder: SUPPLIER, transaction: "PDQm:ITI-78" }
			""";

	@Autowired
	Fixtures fixtures;

	Event event;

	ApiClient admin;

	ApiClient alice;

	Organization acme;

	ApiClient monitor;

	long validation;

	long query;

	@BeforeEach
	void anEventWithANoPeerAndAPeerToPeerTestAndAMonitor() {
		this.event = this.fixtures.openEvent();
		this.admin = this.fixtures.admin();
		this.acme = this.fixtures.organization();
		this.alice = this.fixtures.participantOf(this.acme);
		this.validation = TestingFixtures.importedTest(this.admin, this.event, PLAN, "IPS-VALIDATION")
			.path("id")
			.asLong();
		this.query = TestingFixtures.importedTest(this.admin, this.event, PLAN, "PDQM-QUERY").path("id").asLong();
		User monitorUser = this.fixtures.user(Role.MONITOR, null);
		this.monitor = this.fixtures.apiAs(monitorUser);
		this.admin.put("/api/tests/" + this.validation + "/monitors", List.of(monitorUser.id()));
		this.admin.put("/api/tests/" + this.query + "/monitors", List.of(monitorUser.id()));
	}

	@Test
	void shouldPassANoPeerRegistrationAsSoonAsItsInstanceIsVerified() {
		long creator = publishedSystem(this.alice, this.event, "Acme Summary", "IPS:CREATOR");
		long instance = handOver(this.alice, this.validation, participants("CREATOR", creator));

		JsonNode waiting = result(this.alice, "Acme Summary", "CREATOR");
		assertThat(waiting.path("grade").asString()).isEqualTo("AT_RISK");
		assertThat(waiting.path("indicators").path("waiting").asInt()).isEqualTo(1);
		verify(instance);

		JsonNode passed = result(this.alice, "Acme Summary", "CREATOR");
		assertThat(passed.path("grade").asString()).isEqualTo("PASS");
		assertThat(passed.path("indicators").path("satisfiedRoles").asInt()).isEqualTo(1);
		assertThat(passed.path("indicators").path("percentVerified").asInt()).isEqualTo(100);
		JsonNode history = this.alice
			.get("/api/events/" + this.event.id() + "/results/" + passed.path("registrationId").asLong() + "/history")
			.json();
		assertThat(history.get(history.size() - 1).path("toGrade").asString()).isEqualTo("PASS");
	}

	@Test
	void shouldAskAThoroughPeerToPeerRegistrationForDistinctPartnerOrganizations() {
		ApiClient bob = this.fixtures.participantOf(this.fixtures.organization());
		ApiClient carol = this.fixtures.participantOf(this.fixtures.organization());
		long consumer = publishedSystem(this.alice, this.event, "Acme Viewer", "PDQm:CONSUMER");
		long globex = publishedSystem(bob, this.event, "Globex MPI", "PDQm:SUPPLIER");
		long initech = publishedSystem(carol, this.event, "Initech MPI", "PDQm:SUPPLIER");

		verify(handOver(this.alice, this.query, participants("CONSUMER", consumer, "SUPPLIER", globex)));
		JsonNode afterOne = result(this.admin, "Acme Viewer", "CONSUMER");
		assertThat(afterOne.path("grade").asString()).isEqualTo("AT_RISK");
		assertThat(afterOne.path("indicators").path("partnersUsed").asInt()).isEqualTo(1);
		assertThat(afterOne.path("indicators").path("partnersAvailable").asInt()).isEqualTo(2);
		assertThat(result(this.admin, "Globex MPI", "SUPPLIER").path("grade").asString()).isEqualTo("PASS");

		verify(handOver(this.alice, this.query, participants("CONSUMER", consumer, "SUPPLIER", initech)));
		assertThat(result(this.admin, "Acme Viewer", "CONSUMER").path("grade").asString()).isEqualTo("PASS");
	}

	@Test
	void shouldGradeNoPeerAvailableWhenNoOtherOrganizationCanPlayThePartnerRole() {
		publishedSystem(this.alice, this.event, "Acme Lonely Viewer", "PDQm:CONSUMER");

		assertThat(result(this.alice, "Acme Lonely Viewer", "CONSUMER").path("grade").asString())
			.isEqualTo("NO_PEER_AVAILABLE");
	}

	@Test
	void shouldShowParticipantsOnlyTheirOrganizationsResults() {
		publishedSystem(this.alice, this.event, "Acme Summary", "IPS:CREATOR");
		publishedSystem(this.fixtures.participantOf(this.fixtures.organization()), this.event, "Globex Summary",
				"IPS:CREATOR");

		JsonNode mine = this.alice.get("/api/events/" + this.event.id() + "/results").json();
		assertThat(mine.findValuesAsString("systemName")).containsExactly("Acme Summary");
		assertThat(this.admin.get("/api/events/" + this.event.id() + "/results").json().size()).isEqualTo(2);
	}

	@Test
	void shouldAnswerOneRowOfTheMatrixOnlyToThoseWhoMaySeeIt() {
		ApiClient bob = this.fixtures.participantOf(this.fixtures.organization());
		long consumer = publishedSystem(this.alice, this.event, "Acme Viewer", "PDQm:CONSUMER");
		long supplier = publishedSystem(bob, this.event, "Globex MPI", "PDQm:SUPPLIER");
		verify(handOver(this.alice, this.query, participants("CONSUMER", consumer, "SUPPLIER", supplier)));
		JsonNode fromMatrix = result(this.admin, "Acme Viewer", "CONSUMER");
		String path = "/api/events/" + this.event.id() + "/results/" + fromMatrix.path("registrationId").asLong();

		assertThat(this.alice.get(path).json()).isEqualTo(fromMatrix);
		assertThat(this.monitor.get(path).json()).isEqualTo(fromMatrix);
		assertThat(this.alice.get(path).json().path("indicators").path("verifiedInstances").asInt()).isEqualTo(1);
		assertThat(bob.get(path).status()).isEqualTo(404);
		assertThat(this.admin.get("/api/events/" + this.event.id() + "/results/" + Long.MAX_VALUE).status())
			.isEqualTo(404);
	}

	@Test
	void shouldAnswerTheGradeOfARegistrationWithoutAnyInstanceYet() {
		publishedSystem(this.alice, this.event, "Acme Lonely Viewer", "PDQm:CONSUMER");
		JsonNode fromMatrix = result(this.alice, "Acme Lonely Viewer", "CONSUMER");

		JsonNode row = this.alice
			.get("/api/events/" + this.event.id() + "/results/" + fromMatrix.path("registrationId").asLong())
			.json();

		assertThat(row).isEqualTo(fromMatrix);
		assertThat(row.path("grade").asString()).isEqualTo("NO_PEER_AVAILABLE");
	}

	@Test
	void shouldShowTheListPageByPageWithTheOverrideOnEachRegistrationsHistoryPage() {
		for (int system = 1; system <= ResultsPageController.PAGE_SIZE / 2 + 1; system++) {
			publishedSystem(this.alice, this.event, "Acme System %03d".formatted(system), "IPS:CREATOR",
					"PDQm:CONSUMER");
		}
		User organizer = this.fixtures.user(Role.ADMIN, null);
		PageClient pages = PageClient.signedIn(this.fixtures.port(), organizer.username());
		String matrix = "/events/" + this.event.id() + "/results";

		String first = pages.get(matrix + "/list").body();
		String second = pages.get(matrix + "/list?page=1").body();

		assertThat(first).contains("Acme System 001", "Acme System 050", "page 1 of 2 (102 in all)")
			.doesNotContain("Acme System 051");
		assertThat(second).contains("Acme System 051", "page 2 of 2").doesNotContain("Acme System 050");
		long registration = result(this.admin, "Acme System 051", "CREATOR").path("registrationId").asLong();
		assertThat(pages.get(matrix + "/" + registration + "/history").body())
			.contains("override-grade-" + registration);
		assertThat(PageClient.signedIn(this.fixtures.port(), this.fixtures.user(Role.MONITOR, null).username())
			.get(matrix + "/" + registration + "/history")
			.body()).doesNotContain("override-grade-");
	}

	@Test
	void shouldLetOnlyOrganizersOverrideAGradeAndOnlyWithAReason() {
		publishedSystem(this.alice, this.event, "Acme Summary", "IPS:CREATOR");
		long registration = result(this.admin, "Acme Summary", "CREATOR").path("registrationId").asLong();
		String path = "/api/events/" + this.event.id() + "/results/" + registration + "/override";

		assertThat(this.alice.put(path, Map.of("grade", "PASS", "reason", "We tried hard")).status()).isEqualTo(403);
		assertThat(this.admin.put(path, Map.of("grade", "WITHDRAWN", "reason", " ")).status()).isEqualTo(400);
		Response overridden = this.admin.put(path, Map.of("grade", "WITHDRAWN", "reason", "Left on day two"));

		assertThat(overridden.status()).as(overridden.toString()).isEqualTo(200);
		assertThat(overridden.json().path("grade").asString()).isEqualTo("WITHDRAWN");
		assertThat(overridden.json().path("computedGrade").asString()).isEqualTo("AT_RISK");
		JsonNode history = this.admin.get("/api/events/" + this.event.id() + "/results/" + registration + "/history")
			.json();
		assertThat(history.get(history.size() - 1).path("reason").asString()).isEqualTo("Left on day two");
		assertThat(history.get(history.size() - 1).path("toGrade").asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void shouldPublishAFrozenMatrixThatEveryoneReadsWithoutSigningIn() {
		long creator = publishedSystem(this.alice, this.event, "Acme Summary", "IPS:CREATOR");
		long instance = handOver(this.alice, this.validation, participants("CREATOR", creator));
		String publicPath = "/public/events/" + this.event.id() + "/results.json";
		assertThat(this.fixtures.anonymous().get(publicPath).status()).isEqualTo(404);

		assertThat(this.alice.post("/api/events/" + this.event.id() + "/results/publication", Map.of()).status())
			.isEqualTo(403);
		assertThat(this.admin.post("/api/events/" + this.event.id() + "/results/publication", Map.of()).status())
			.isEqualTo(200);
		verify(instance);

		JsonNode published = this.fixtures.anonymous().get(publicPath).json();
		assertThat(published.path("eventName").asString()).isEqualTo(this.event.name());
		assertThat(published.path("results").get(0).path("systemName").asString()).isEqualTo("Acme Summary");
		assertThat(published.path("results").get(0).path("grade").asString()).isEqualTo("AT_RISK");
		assertThat(this.fixtures.anonymous().get("/public/events/" + this.event.id() + "/results").body())
			.contains("Acme Summary");
	}

	@Test
	void shouldLetOnlyOrganizersWithdrawThePublishedResultsWithAReasonKeptInTheRecord() {
		publishedSystem(this.alice, this.event, "Acme Summary", "IPS:CREATOR");
		String publication = "/api/events/" + this.event.id() + "/results/publication";
		String publicJson = "/public/events/" + this.event.id() + "/results.json";
		assertThat(this.admin.post(publication, Map.of()).status()).isEqualTo(200);
		assertThat(this.fixtures.anonymous().get(publicJson).status()).isEqualTo(200);

		assertThat(this.alice.post(publication + "/withdrawal", Map.of("reason", "We failed")).status()).isEqualTo(403);
		assertThat(this.monitor.post(publication + "/withdrawal", Map.of("reason", "Wrong")).status()).isEqualTo(403);
		assertThat(this.admin.post(publication + "/withdrawal", Map.of("reason", " ")).status()).isEqualTo(400);
		assertThat(this.fixtures.anonymous().get(publicJson).status()).isEqualTo(200);
		Response withdrawn = this.admin.post(publication + "/withdrawal", Map.of("reason", "A verdict was wrong"));

		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
		assertThat(this.fixtures.anonymous().get(publicJson).status()).isEqualTo(404);
		assertThat(this.fixtures.anonymous().get("/public/events/" + this.event.id() + "/results").status())
			.isEqualTo(404);
		assertThat(this.admin.post(publication + "/withdrawal", Map.of("reason", "Again")).status()).isEqualTo(409);
		JsonNode history = this.admin.get(publication + "/history").json();
		assertThat(history.findValuesAsString("action")).containsExactly("PUBLISHED", "WITHDRAWN");
		assertThat(history.get(1).path("reason").asString()).isEqualTo("A verdict was wrong");
		assertThat(history.get(1).path("userName").asString()).isNotBlank();
		assertThat(history.get(1).path("changedAt").asString()).isNotBlank();
		assertThat(this.alice.get(publication + "/history").status()).isEqualTo(403);
	}

	@Test
	void shouldAnswerRefusedGradingRulesWithTheRulesAsTyped() {
		String page = "/events/" + this.event.id() + "/grading-rules";
		PageClient organizer = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.ADMIN, null).username());

		HttpResponse<String> refused = organizer.post(page,
				"scope=*&distinctPartnerOrganizations=2&supportiveVerifiedInstances=1"
						+ "&scope=NOPE&distinctPartnerOrganizations=1&supportiveVerifiedInstances=2",
				page);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("The grading rules are inconsistent; nothing was changed.")
			.contains("NOPE is not in the scope of")
			.containsPattern("id=\"rule-0-partners\"[^>]*value=\"2\"")
			.containsPattern("name=\"scope\" value=\"NOPE\"");
		assertThat(this.admin.get("/api/events/" + this.event.id() + "/grading-rules").json().size()).isZero();
	}

	@Test
	void shouldLetOrganizersWithdrawThePublishedResultsFromTheMatrixPage() {
		publishedSystem(this.alice, this.event, "Acme Summary", "IPS:CREATOR");
		String matrix = "/events/" + this.event.id() + "/results";
		PageClient organizer = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.ADMIN, null).username());
		PageClient participant = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.acme).username());
		organizer.postForm(matrix, matrix + "/publication", Map.of());
		assertThat(organizer.get(matrix).body()).contains("withdraw-results");
		assertThat(participant.get(matrix).body()).doesNotContain("withdraw-results");

		assertThat(
				participant.postForm(matrix, matrix + "/publication/withdrawal", Map.of("reason", "Mine")).statusCode())
			.isEqualTo(403);
		assertThat(this.fixtures.anonymous().get("/public/events/" + this.event.id() + "/results.json").status())
			.isEqualTo(200);
		assertThat(organizer.postForm(matrix, matrix + "/publication/withdrawal", Map.of("reason", "Too early"))
			.statusCode()).isEqualTo(302);

		assertThat(this.fixtures.anonymous().get("/public/events/" + this.event.id() + "/results.json").status())
			.isEqualTo(404);
		assertThat(organizer.get(matrix).body()).contains("Withdrew the published results.", "“Too early”")
			.doesNotContain("withdraw-results");
	}

	@Test
	void shouldRefuseToPublishADraftEventAndWithdrawThePublicationWhenTheEventGoesBackToDraft() {
		publishedSystem(this.alice, this.event, "Acme Summary", "IPS:CREATOR");
		String publication = "/api/events/" + this.event.id() + "/results/publication";
		assertThat(this.admin.post(publication, Map.of()).status()).isEqualTo(200);

		Response draft = this.admin.put("/api/events/" + this.event.id(), eventForm("DRAFT"));

		assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
		assertThat(this.fixtures.anonymous().get("/public/events/" + this.event.id() + "/results.json").status())
			.isEqualTo(404);
		JsonNode history = this.admin.get(publication + "/history").json();
		assertThat(history.get(history.size() - 1).path("action").asString()).isEqualTo("WITHDRAWN");
		assertThat(history.get(history.size() - 1).path("reason").asString()).isEqualTo("the event went back to draft");
		Response refused = this.admin.post(publication, Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains("draft");
		assertThat(this.admin.put("/api/events/" + this.event.id(), eventForm("OPEN")).status()).isEqualTo(200);
		assertThat(this.fixtures.anonymous().get("/public/events/" + this.event.id() + "/results.json").status())
			.as("reopening does not publish again")
			.isEqualTo(404);
	}

	private Map<String, Object> eventForm(String status) {
		return Map.of("name", this.event.name(), "startDate", this.event.startDate().toString(), "endDate",
				this.event.endDate().toString(), "registrationDeadline", this.event.registrationDeadline().toString(),
				"status", status, "profiles", this.event.profiles());
	}

	@Test
	void shouldExportTheMatrixAsCsv() {
		publishedSystem(this.alice, this.event, "Acme, \"Summary\"", "IPS:CREATOR");

		Response csv = this.admin.get("/api/events/" + this.event.id() + "/results.csv");

		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("organization,system,profile,actor,option,testing,grade")
			.contains(",\"Acme, \"\"Summary\"\"\",IPS,CREATOR,,THOROUGH,AT_RISK,AT_RISK,,1,0,0,1,0,0,0,0,0,0");
	}

	@Test
	void shouldApplyTheMostSpecificGradingRuleAndRegradeWhenTheRulesChange() {
		ApiClient bob = this.fixtures.participantOf(this.fixtures.organization());
		long consumer = publishedSystem(this.alice, this.event, "Acme Viewer", "PDQm:CONSUMER");
		long globex = publishedSystem(bob, this.event, "Globex MPI", "PDQm:SUPPLIER");
		publishedSystem(this.fixtures.participantOf(this.fixtures.organization()), this.event, "Initech MPI",
				"PDQm:SUPPLIER");
		verify(handOver(this.alice, this.query, participants("CONSUMER", consumer, "SUPPLIER", globex)));
		assertThat(result(this.admin, "Acme Viewer", "CONSUMER").path("grade").asString()).isEqualTo("AT_RISK");

		Response rules = this.admin.put("/api/events/" + this.event.id() + "/grading-rules",
				List.of(Map.of("distinctPartnerOrganizations", 3, "supportiveVerifiedInstances", 1),
						Map.of("profile", "PDQm", "distinctPartnerOrganizations", 2, "supportiveVerifiedInstances", 1),
						Map.of("profile", "PDQm", "actor", "CONSUMER", "distinctPartnerOrganizations", 1,
								"supportiveVerifiedInstances", 1)));

		assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
		JsonNode passed = result(this.admin, "Acme Viewer", "CONSUMER");
		assertThat(passed.path("grade").asString()).isEqualTo("PASS");
		JsonNode history = this.admin
			.get("/api/events/" + this.event.id() + "/results/" + passed.path("registrationId").asLong() + "/history")
			.json();
		assertThat(history.get(history.size() - 1).path("reason").asString())
			.isEqualTo("computed after the grading rules changed");
	}

	@Test
	void shouldRefuseInconsistentGradingRulesAndChangeNothing() {
		String path = "/api/events/" + this.event.id() + "/grading-rules";
		assertThat(this.alice
			.put(path, List.of(Map.of("distinctPartnerOrganizations", 1, "supportiveVerifiedInstances", 1)))
			.status()).isEqualTo(403);

		Response refused = this.admin.put(path,
				List.of(Map.of("actor", "CONSUMER", "distinctPartnerOrganizations", 1, "supportiveVerifiedInstances",
						1),
						Map.of("profile", "XDS", "distinctPartnerOrganizations", 1, "supportiveVerifiedInstances", 1),
						Map.of("profile", "PDQm", "actor", "ORACLE", "distinctPartnerOrganizations", 1,
								"supportiveVerifiedInstances", 1),
						Map.of("distinctPartnerOrganizations", 1, "supportiveVerifiedInstances", 1),
						Map.of("distinctPartnerOrganizations", 2, "supportiveVerifiedInstances", 1)));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("problems").valueStream().map(JsonNode::asString)).containsExactly(
				"rules[0]: name the profile of actor CONSUMER",
				"rules[1].profile: XDS is not in the scope of " + this.event.name(),
				"rules[2].actor: unknown actor PDQm:ORACLE", "rules[4]: a rule for the same scope comes earlier");
		assertThat(this.admin
			.put(path, List.of(Map.of("distinctPartnerOrganizations", 1, "supportiveVerifiedInstances", 0)))
			.status()).isEqualTo(400);
		assertThat(this.admin.get(path).json().size()).isZero();
	}

	private long handOver(ApiClient client, long test, Map<String, Object> participants) {
		Response started = client.post("/api/tests/" + test + "/instances", participants);
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		long instance = started.json().path("id").asLong();
		client.post("/api/test-instances/" + instance + "/status", Map.of("status", "TO_BE_VERIFIED"));
		return instance;
	}

	private void verify(long instance) {
		Response verified = this.monitor.post("/api/test-instances/" + instance + "/verdict",
				Map.of("status", "VERIFIED", "comment", "Checked"));
		assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
	}

	private JsonNode result(ApiClient client, String systemName, String actor) {
		return client.get("/api/events/" + this.event.id() + "/results")
			.json()
			.valueStream()
			.filter((row) -> row.path("systemName").asString().equals(systemName)
					&& row.path("actorKeyword").asString().equals(actor))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no result for " + systemName + " " + actor));
	}

}
