package org.connectathon.platform.testing;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventForm;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.connectathon.platform.testing.TestingFixtures.participants;
import static org.connectathon.platform.testing.TestingFixtures.publishedSystem;

@PlatformIntegrationTest
class TestInstanceIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	EventService events;

	Event event;

	PeerToPeerTestBuilder pdqmQuery;

	ApiClient admin;

	ApiClient alice;

	ApiClient bob;

	long pdqmTest;

	long acmeConsumer;

	long acmeSupplier;

	long globexSupplier;

	@BeforeEach
	void twoOrganizationsWithSystemsForAPeerToPeerTest() {
		this.event = this.fixtures.openEvent();
		this.pdqmQuery = PeerToPeerTestBuilder.pdqmQuery(this.fixtures, this.event);
		this.admin = this.pdqmQuery.admin();
		this.alice = this.pdqmQuery.acme();
		this.bob = this.pdqmQuery.globex();
		this.pdqmTest = this.pdqmQuery.test();
		this.acmeConsumer = this.pdqmQuery.consumer();
		this.globexSupplier = this.pdqmQuery.supplier();
		this.acmeSupplier = publishedSystem(this.alice, this.event, "Acme MPI", "PDQm:SUPPLIER");
	}

	@Test
	void shouldStartAPeerToPeerInstanceWithAPartnerAndRecordWhoStartedIt() {
		Response started = start(this.alice,
				participants("CONSUMER", this.acmeConsumer, "SUPPLIER", this.globexSupplier));

		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(started.json().path("status").asString()).isEqualTo("RUNNING");
		assertThat(started.json().path("participants").findValuesAsString("systemName")).containsExactly("Acme Viewer",
				"Globex MPI");
		JsonNode details = this.bob.get("/api/test-instances/" + started.json().path("id").asLong()).json();
		assertThat(details.path("test").path("keyword").asString()).isEqualTo("PDQM-QUERY");
		assertThat(details.path("steps").get(0).path("status").asString()).isEqualTo("TO_DO");
		assertThat(details.path("history").get(0).path("action").asString()).isEqualTo("STARTED");
		assertThat(details.path("history").get(0).path("userName").asString()).isNotBlank();
		assertThat(this.bob.get("/api/events/" + this.event.id() + "/test-instances?mine=true").json().size())
			.isEqualTo(1);
	}

	@Test
	void shouldRefuseUnknownRolesAndSystemsAndStartNothing() {
		Response unknown = start(this.alice, participants("CONSUMER", this.acmeConsumer, "ORACLE", 987654321L));

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().path("problems").valueStream().map(JsonNode::asString)).containsExactly(
				"role 'ORACLE': the test has roles CONSUMER, SUPPLIER",
				"system 987654321: no published system of " + this.event.name() + " has this id");
		assertThat(start(this.alice, Map.of("participants", List.of())).status()).isEqualTo(400);
		assertNoInstance();
	}

	@Test
	void shouldRefuseAPartnerOfTheSameOrganizationAnUnregisteredSystemAndTooManySystems() {
		Response sameOrganization = start(this.alice,
				participants("CONSUMER", this.acmeConsumer, "SUPPLIER", this.acmeSupplier));
		assertThat(sameOrganization.status()).isEqualTo(409);
		assertThat(sameOrganization.json().path("detail").asString())
			.contains("plays both CONSUMER and SUPPLIER; PDQM-QUERY needs partners from another organization");

		Response unregistered = start(this.alice,
				participants("CONSUMER", this.globexSupplier, "SUPPLIER", this.acmeSupplier));
		assertThat(unregistered.status()).isEqualTo(409);
		assertThat(unregistered.json().path("detail").asString()).contains("Globex MPI (")
			.contains("is not registered for PDQm:CONSUMER, which role CONSUMER needs");

		Response tooMany = start(this.alice, participants("CONSUMER", this.acmeConsumer));
		assertThat(tooMany.status()).isEqualTo(409);
		assertThat(tooMany.json().path("detail").asString()).contains("role SUPPLIER takes 1 system(s), 0 given");
		assertNoInstance();
	}

	@Test
	void shouldRefuseToStartAnInstanceForOtherOrganizationsSystems() {
		ApiClient carol = this.fixtures.participantOf(this.fixtures.organization());

		Response refused = start(carol, participants("CONSUMER", this.acmeConsumer, "SUPPLIER", this.globexSupplier));

		assertThat(refused.status()).isEqualTo(403);
		assertNoInstance();
	}

	@Test
	void shouldRefuseToStartOnceTheEventIsClosed() {
		this.events.update(this.event.id(),
				new EventForm(this.event.name(), null, null, this.event.startDate(), this.event.endDate(),
						this.event.registrationDeadline(), EventStatus.CLOSED, this.event.profiles(), null),
				SignedInUser.machineOwner());

		Response refused = start(this.alice,
				participants("CONSUMER", this.acmeConsumer, "SUPPLIER", this.globexSupplier));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains("the event is closed");
		assertNoInstance();
	}

	@Test
	void shouldMoveThroughTheParticipantStatusesAndRecordEachChangeWithItsReason() {
		long instance = this.pdqmQuery.instance();

		assertThat(status(this.alice, instance, "PAUSED", "Lunch").status()).isEqualTo(200);
		assertThat(status(this.bob, instance, "RUNNING", "Back").status()).isEqualTo(200);
		Response handedOver = status(this.alice, instance, "TO_BE_VERIFIED", "All steps done");
		assertThat(handedOver.json().path("status").asString()).isEqualTo("TO_BE_VERIFIED");

		Response verdict = status(this.alice, instance, "VERIFIED", "We are sure");
		assertThat(verdict.status()).isEqualTo(403);
		assertThat(verdict.json().path("detail").asString()).contains("Only a monitor");
		// the status in words, as every message names it, not its constant
		assertThat(status(this.alice, instance, "PARTIALLY_VERIFIED", "Nearly").json().path("detail").asString())
			.isEqualTo("Only a monitor gives the verdict partially verified.");
		JsonNode history = this.alice.get("/api/test-instances/" + instance).json().path("history");
		assertThat(history.findValuesAsString("toStatus")).containsExactly("RUNNING", "PAUSED", "RUNNING",
				"TO_BE_VERIFIED");
		assertThat(history.get(1).path("reason").asString()).isEqualTo("Lunch");
		assertThat(history.get(2).path("fromStatus").asString()).isEqualTo("PAUSED");

		assertThat(status(this.alice, instance, "ABORTED", "Wrong patient").status()).isEqualTo(200);
		Response reopened = status(this.alice, instance, "RUNNING", null);
		assertThat(reopened.status()).isEqualTo(409);
		assertThat(reopened.json().path("detail").asString()).isEqualTo("A aborted instance cannot become running.");
	}

	@Test
	void shouldLetOnlyTheOrganizationsTakingPartChangeAnInstanceOrAttachEvidence() {
		long instance = this.pdqmQuery.instance();
		ApiClient carol = this.fixtures.participantOf(this.fixtures.organization());

		assertThat(status(carol, instance, "ABORTED", "Not mine").status()).isEqualTo(403);
		assertThat(carol.post("/api/test-instances/" + instance + "/evidence", Map.of("kind", "COMMENT", "text", "Hi"))
			.status()).isEqualTo(403);
		assertThat(carol.put("/api/test-instances/" + instance + "/steps/1", Map.of("status", "DONE")).status())
			.isEqualTo(403);

		JsonNode details = carol.get("/api/test-instances/" + instance).json();
		assertThat(details.path("instance").path("status").asString()).isEqualTo("RUNNING");
		assertThat(details.path("evidence").size()).isZero();
		assertThat(details.path("steps").get(0).path("status").asString()).isEqualTo("TO_DO");
	}

	@Test
	void shouldAttachCommentsLinksAndFilesToTheInstanceOrAStep() {
		long instance = this.pdqmQuery.instance();
		String path = "/api/test-instances/" + instance + "/evidence";

		assertThat(this.alice.post(path, Map.of("kind", "COMMENT", "text", "Patient found")).status()).isEqualTo(201);
		Response link = this.bob.post(path,
				Map.of("kind", "LINK", "url", "https://logs.globex.example/42", "stepIndex", 1));
		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		Response report = this.alice.postText(path,
				multipart("report.json", "{\"resourceType\":\"TestReport\"}", "TEST_REPORT", "1"),
				"multipart/form-data; boundary=" + BOUNDARY);
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		assertThat(report.json().path("sizeBytes").asLong()).isEqualTo(29);
		assertThat(this.alice.put("/api/test-instances/" + instance + "/steps/1", Map.of("status", "DONE")).status())
			.isEqualTo(200);

		JsonNode evidence = this.alice.get("/api/test-instances/" + instance).json().path("evidence");
		assertThat(evidence.findValuesAsString("kind")).containsExactly("COMMENT", "LINK", "TEST_REPORT");
		assertThat(evidence.get(1).path("stepIndex").asInt()).isEqualTo(1);
		Response content = this.bob.get("/api/evidence/" + report.json().path("id").asLong() + "/content");
		assertThat(content.body()).isEqualTo("{\"resourceType\":\"TestReport\"}");
	}

	@Test
	void shouldRefuseEvidenceThatIsEmptyMalformedOrTooLargeAndKeepNothing() {
		long instance = this.pdqmQuery.instance();
		String path = "/api/test-instances/" + instance + "/evidence";

		assertThat(this.alice.post(path, Map.of("kind", "COMMENT", "text", " ")).status()).isEqualTo(400);
		Response badLink = this.alice.post(path, Map.of("kind", "LINK", "url", "javascript:alert(1)"));
		assertThat(badLink.status()).isEqualTo(400);
		assertThat(badLink.json().path("detail").asString()).contains("http or https");
		Response noStep = this.alice.post(path, Map.of("kind", "COMMENT", "text", "Step 7", "stepIndex", 7));
		assertThat(noStep.json().path("detail").asString()).isEqualTo("The instance has no step 7.");
		Response oversize = this.alice.postText(path,
				multipart("big.txt", "x".repeat(4 * 1024 * 1024 + 1), "FILE", null),
				"multipart/form-data; boundary=" + BOUNDARY);
		assertThat(oversize.status()).isEqualTo(400);
		assertThat(oversize.json().path("detail").asString()).contains("at most 4194304");

		assertThat(this.alice.get("/api/test-instances/" + instance).json().path("evidence").size()).isZero();
	}

	@Test
	void shouldRefuseAnEvidenceFileWhoseNameHoldsAControlCharacterAndKeepNothing() {
		long instance = this.pdqmQuery.instance();
		String path = "/api/test-instances/" + instance + "/evidence";

		Response refused = this.alice.postText(path,
				multipart("report\u0007.json", "{\"resourceType\":\"TestReport\"}", "TEST_REPORT", null),
				"multipart/form-data; boundary=" + BOUNDARY);
		Response nonCharacter = this.alice.postText(path,
				multipart("report\uFFFF.json", "{\"resourceType\":\"TestReport\"}", "TEST_REPORT", null),
				"multipart/form-data; boundary=" + BOUNDARY);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().path("problems").get(0).asString())
			.isEqualTo("file (file name): holds the control character U+0007 at character 7");
		assertThat(nonCharacter.status()).as(nonCharacter.toString()).isEqualTo(400);
		assertThat(this.alice.get("/api/test-instances/" + instance).json().path("evidence").size()).isZero();
	}

	@Test
	void shouldOpenAnEvidenceFileFromTheInstancePageWithTheSessionForThoseWhoSeeTheInstance() {
		long instance = this.pdqmQuery.instance();
		Response report = this.alice.postText("/api/test-instances/" + instance + "/evidence",
				multipart("report.json", "{\"resourceType\":\"TestReport\"}", "TEST_REPORT", null),
				"multipart/form-data; boundary=" + BOUNDARY);
		long evidence = report.json().path("id").asLong();
		PageClient alicePages = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.pdqmQuery.acmeOrganization()).username());

		assertThat(alicePages.get("/test-instances/" + instance).body())
			.contains("href=\"/evidence/" + evidence + "/content\"");
		HttpResponse<String> file = alicePages.get("/evidence/" + evidence + "/content");

		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo("{\"resourceType\":\"TestReport\"}");
		assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("report.json"));
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(this.bob.get("/api/evidence/" + evidence + "/content").body())
			.as("the API's route, with a token, still answers")
			.isEqualTo("{\"resourceType\":\"TestReport\"}");
		assertThat(this.fixtures.anonymous().get("/api/evidence/" + evidence + "/content").status()).isEqualTo(401);
		HttpResponse<String> anonymous = PageClient.signedOut(this.fixtures.port())
			.get("/evidence/" + evidence + "/content");
		assertThat(anonymous.statusCode()).as("sent to sign in").isEqualTo(302);
		assertThat(anonymous.body()).doesNotContain("TestReport");
	}

	@Test
	void shouldRefuseEvidenceFilesOfAnEventThatTheReaderCannotSee() {
		long instance = this.pdqmQuery.instance();
		long evidence = this.alice
			.postText("/api/test-instances/" + instance + "/evidence",
					multipart("report.json", "{\"resourceType\":\"TestReport\"}", "FILE", null),
					"multipart/form-data; boundary=" + BOUNDARY)
			.json()
			.path("id")
			.asLong();
		PageClient outsider = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization()).username());
		assertThat(outsider.get("/evidence/" + evidence + "/content").statusCode())
			.as("the platform's rule: a file is read by everyone who sees the event (a tool's report only by those taking part)")
			.isEqualTo(200);

		this.events.update(this.event.id(),
				new EventForm(this.event.name(), null, null, this.event.startDate(), this.event.endDate(),
						this.event.registrationDeadline(), EventStatus.DRAFT, this.event.profiles(), null),
				SignedInUser.machineOwner());

		HttpResponse<String> hidden = outsider.get("/evidence/" + evidence + "/content");
		assertThat(hidden.statusCode()).isEqualTo(404);
		assertThat(hidden.body()).doesNotContain("TestReport");
		assertThat(this.fixtures.participantOf(this.fixtures.organization())
			.get("/api/evidence/" + evidence + "/content")
			.status()).isEqualTo(404);
	}

	@Test
	void shouldAnswerARefusedEvidenceFormWithWhatWasTypedAndTheErrorBesideTheField() {
		long instance = this.pdqmQuery.instance();
		PageClient alicePages = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.pdqmQuery.acmeOrganization()).username());
		String page = "/test-instances/" + instance;
		Map<String, String> typed = new java.util.HashMap<>(
				Map.of("kind", "LINK", "stepIndex", "1", "text", "Seen in the log", "url", "ftp://logs.acme.example"));

		HttpResponse<String> refused = alicePages.postForm(page, page + "/evidence", typed);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("<option value=\"LINK\" selected=\"selected\">")
			.contains("<option value=\"1\" selected=\"selected\">")
			.contains(">Seen in the log</textarea>")
			.containsPattern("name=\"url\" value=\"ftp://logs.acme.example\">\\s*<span id=\"url-error\" "
					+ "class=\"field-error\" role=\"alert\">&#39;ftp://logs.acme.example&#39; is not an http or "
					+ "https address</span>")
			.contains("Give the link as an http or https address.");
		assertThat(this.alice.get("/api/test-instances/" + instance).json().path("evidence").size()).isZero();

		typed.put("url", "https://logs.acme.example/1");
		HttpResponse<String> added = alicePages.postForm(page, page + "/evidence", typed);

		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(alicePages.get(page).body()).contains("Evidence added.").contains("https://logs.acme.example/1");
		assertThat(this.alice.get("/api/test-instances/" + instance).json().path("evidence").size()).isOne();
	}

	@Test
	void shouldAnswerARefusedStartFormWithTheSystemsChosen() {
		PageClient alicePages = PageClient.signedIn(this.fixtures.port(),
				this.fixtures.user(Role.PARTICIPANT, this.pdqmQuery.acmeOrganization()).username());
		String form = "/tests/" + this.pdqmTest + "/instances/new";
		String action = "/tests/" + this.pdqmTest + "/instances";

		HttpResponse<String> refused = alicePages.postForm(form, action, Map.of("role-CONSUMER",
				String.valueOf(this.acmeConsumer), "role-SUPPLIER", String.valueOf(this.acmeSupplier)));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("PDQM-QUERY needs partners from another organization")
			.containsPattern("<option value=\"" + this.acmeConsumer + "\"\\s+selected=\"selected\">")
			.containsPattern("<option value=\"" + this.acmeSupplier + "\"\\s+selected=\"selected\">")
			.doesNotContainPattern("<option value=\"" + this.globexSupplier + "\"\\s+selected");
		assertNoInstance();

		HttpResponse<String> started = alicePages.postForm(form, action, Map.of("role-CONSUMER",
				String.valueOf(this.acmeConsumer), "role-SUPPLIER", String.valueOf(this.globexSupplier)));

		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(alicePages.get(java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getPath())
			.body()).contains("Started PDQM-QUERY.");
	}

	@Test
	void shouldRefuseALinkThatIsNotAWebAddressNamingIt() {
		long instance = this.pdqmQuery.instance();
		String path = "/api/test-instances/" + instance + "/evidence";

		for (String address : List.of("javascript:alert(document.domain)", "JavaScript:alert(1)",
				"data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x")) {
			Response refused = this.alice.post(path, Map.of("kind", "LINK", "url", address));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.json().path("problems").get(0).asString())
				.isEqualTo("url: '" + address + "' is not an http or https address");
		}
		assertThat(this.alice.post(path, Map.of("kind", "LINK", "url", "HTTPS://chat.example/thread/1")).status())
			.isEqualTo(201);

		assertThat(this.alice.get("/api/test-instances/" + instance).json().path("evidence").size()).isOne();
	}

	@Test
	void shouldLetOnlyOrganizersRaiseTheCriticalFlag() {
		long instance = this.pdqmQuery.instance();

		assertThat(this.alice
			.post("/api/test-instances/" + instance + "/critical", Map.of("critical", true, "reason", "Please"))
			.status()).isEqualTo(403);
		Response raised = this.admin.post("/api/test-instances/" + instance + "/critical",
				Map.of("critical", true, "reason", "Last day"));

		assertThat(raised.json().path("critical").asBoolean()).isTrue();
		JsonNode history = this.alice.get("/api/test-instances/" + instance).json().path("history");
		assertThat(history.get(history.size() - 1).path("action").asString()).isEqualTo("CRITICAL_RAISED");
		assertThat(history.get(history.size() - 1).path("reason").asString()).isEqualTo("Last day");
	}

	@Test
	void shouldKeepTheRolesAndStepsThatInstancesUseWhenATestPlanIsImportedAgain() {
		this.pdqmQuery.instance();
		String withoutSupplier = """
				tests:
				  - keyword: PDQM-QUERY
				    name: A consumer finds the patient
				    type: GROUP
				    roles:
				      - { keyword: CONSUMER, actor: "PDQm:CONSUMER" }
				    steps: []
				""";

		Response refused = this.admin.postText("/api/events/" + this.event.id() + "/test-plan", withoutSupplier,
				"application/yaml");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("problems").valueStream().map(JsonNode::asString)).contains(
				"tests[0].roles: test 'PDQM-QUERY' has instances, so it keeps its roles; missing SUPPLIER",
				"tests[0].steps: test 'PDQM-QUERY' has instances, so it keeps its 1 steps; found 0");
		assertThat(this.admin.get("/api/tests/" + this.pdqmTest).json().path("roles").size()).isEqualTo(2);
	}

	static final String BOUNDARY = "connectathon-boundary";

	static String multipart(String fileName, String content, String kind, String stepIndex) {
		StringBuilder body = new StringBuilder();
		body.append("--")
			.append(BOUNDARY)
			.append("\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n")
			.append(kind)
			.append("\r\n");
		if (stepIndex != null) {
			body.append("--")
				.append(BOUNDARY)
				.append("\r\nContent-Disposition: form-data; name=\"stepIndex\"\r\n\r\n")
				.append(stepIndex)
				.append("\r\n");
		}
		body.append("--")
			.append(BOUNDARY)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(fileName)
			.append("\"\r\nContent-Type: application/json\r\n\r\n")
			.append(content)
			.append("\r\n--")
			.append(BOUNDARY)
			.append("--\r\n");
		return body.toString();
	}

	private Response start(ApiClient client, Map<String, Object> form) {
		return client.post("/api/tests/" + this.pdqmTest + "/instances", form);
	}

	private static Response status(ApiClient client, long instance, String status, String reason) {
		Map<String, Object> form = new HashMap<>();
		form.put("status", status);
		form.put("reason", reason);
		return client.post("/api/test-instances/" + instance + "/status", form);
	}

	private void assertNoInstance() {
		assertThat(this.admin.get("/api/events/" + this.event.id() + "/test-instances").json().size()).isZero();
	}

}
