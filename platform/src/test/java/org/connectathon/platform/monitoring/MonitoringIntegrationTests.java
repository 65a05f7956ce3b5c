package org.connectathon.platform.monitoring;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.User;
import org.connectathon.platform.testing.PeerToPeerTestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class MonitoringIntegrationTests {

	@Autowired
	Fixtures fixtures;

	PeerToPeerTestBuilder pdqmQuery;

	User monitorUser;

	ApiClient monitor;

	@BeforeEach
	void anInstanceOfATestWithAnAssignedMonitor() {
		this.pdqmQuery = PeerToPeerTestBuilder.pdqmQuery(this.fixtures, this.fixtures.openEvent());
		this.monitorUser = this.fixtures.user(Role.MONITOR, null);
		this.monitor = this.fixtures.apiAs(this.monitorUser);
		this.pdqmQuery.monitoredBy(this.monitorUser.id());
	}

	@Test
	void shouldListTheInstancesWaitingForVerificationCriticalFirstThenOldest() {
		long older = this.pdqmQuery.handedOver();
		long newer = this.pdqmQuery.handedOver();
		long critical = this.pdqmQuery.instance();
		this.pdqmQuery.instance();
		this.pdqmQuery.admin()
			.post("/api/test-instances/" + critical + "/critical", Map.of("critical", true, "reason", "Last day"));

		JsonNode worklist = this.monitor.get("/api/events/" + this.pdqmQuery.event().id() + "/worklist").json();

		assertThat(worklist.valueStream().map((entry) -> entry.path("instance").path("id").asLong()))
			.containsExactly(critical, older, newer);
		ApiClient unassigned = this.fixtures.apiAs(this.fixtures.user(Role.MONITOR, null));
		assertThat(unassigned.get("/api/events/" + this.pdqmQuery.event().id() + "/worklist").json().size()).isZero();
		assertThat(this.pdqmQuery.acme().get("/api/events/" + this.pdqmQuery.event().id() + "/worklist").status())
			.isEqualTo(403);
	}

	@Test
	void shouldPageTheWorklistOldestFirstAndLeaveOutTheMonitorsOwnOrganization() {
		List<Long> waiting = new ArrayList<>();
		for (int i = 0; i < MonitoringService.WORKLIST_PAGE_SIZE + 2; i++) {
			waiting.add(this.pdqmQuery.handedOver());
		}
		String path = "/api/events/" + this.pdqmQuery.event().id() + "/worklist";

		JsonNode first = this.monitor.get(path).json();
		JsonNode second = this.monitor.get(path + "?page=1").json();

		assertThat(first.size()).isEqualTo(MonitoringService.WORKLIST_PAGE_SIZE);
		assertThat(Stream.concat(first.valueStream(), second.valueStream())
			.map((entry) -> entry.path("instance").path("id").asLong())).containsExactlyElementsOf(waiting);
		assertThat(this.monitor.get(path + "?page=2").json().size()).isZero();
		assertThat(this.monitor.get(path + "?page=-1").status()).isEqualTo(400);
		User acmeMonitor = this.fixtures.user(Role.MONITOR, this.pdqmQuery.acmeOrganization());
		this.pdqmQuery.monitoredBy(this.monitorUser.id(), acmeMonitor.id());
		assertThat(this.fixtures.apiAs(acmeMonitor).get(path).json().size()).isZero();
	}

	@Test
	void shouldLetOneMonitorClaimJudgeTheStepsAndVerifyWithTheVerdictInTheHistory() {
		long instance = this.pdqmQuery.handedOver();
		User otherMonitor = this.fixtures.user(Role.MONITOR, null);
		this.pdqmQuery.monitoredBy(this.monitorUser.id(), otherMonitor.id());

		assertThat(this.monitor.post("/api/test-instances/" + instance + "/claim", Map.of()).status()).isEqualTo(200);
		Response taken = this.fixtures.apiAs(otherMonitor).post("/api/test-instances/" + instance + "/claim", Map.of());
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().path("detail").asString()).contains("is already verifying this instance");
		Response judgedByOther = this.fixtures.apiAs(otherMonitor)
			.post("/api/test-instances/" + instance + "/verdict", Map.of("status", "FAILED", "comment", "Mine"));
		assertThat(judgedByOther.status()).isEqualTo(409);
		assertThat(judgedByOther.json().path("detail").asString()).contains("is already verifying this instance");
		Response step = this.monitor.put("/api/test-instances/" + instance + "/step-verdicts/1",
				Map.of("verdict", "PASSED", "comment", "Query and answer in the proxy log"));
		assertThat(step.status()).as(step.toString()).isEqualTo(200);
		Response verdict = this.monitor.post("/api/test-instances/" + instance + "/verdict",
				Map.of("status", "VERIFIED", "comment", "Well done"));

		assertThat(verdict.status()).as(verdict.toString()).isEqualTo(200);
		assertThat(verdict.json().path("status").asString()).isEqualTo("VERIFIED");
		JsonNode details = this.pdqmQuery.acme().get("/api/test-instances/" + instance).json();
		assertThat(verdict.json()).as("the verdict answers the instance as it is stored")
			.isEqualTo(details.path("instance"));
		JsonNode history = details.path("history");
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.path("toStatus").asString()).isEqualTo("VERIFIED");
		assertThat(last.path("userName").asString()).isEqualTo(this.monitorUser.displayName());
		assertThat(last.path("reason").asString()).isEqualTo("Well done");
		assertThat(this.pdqmQuery.acme()
			.get("/api/test-instances/" + instance + "/step-verdicts")
			.json()
			.get(0)
			.path("verdict")
			.asString()).isEqualTo("PASSED");
		assertThat(this.monitor.get("/api/events/" + this.pdqmQuery.event().id() + "/worklist").json().size()).isZero();
	}

	@Test
	void shouldRefuseVerdictsFromNonMonitorsUnassignedMonitorsAndMonitorsOfATakingPartOrganization() {
		long instance = this.pdqmQuery.handedOver();
		User acmeMonitor = this.fixtures.user(Role.MONITOR, this.pdqmQuery.acmeOrganization());
		User unassignedMonitor = this.fixtures.user(Role.MONITOR, null);
		this.pdqmQuery.monitoredBy(this.monitorUser.id(), acmeMonitor.id());
		Map<String, String> verified = Map.of("status", "VERIFIED", "comment", "Fine");

		Response participant = this.pdqmQuery.acme().post("/api/test-instances/" + instance + "/verdict", verified);
		assertThat(participant.status()).isEqualTo(403);
		assertThat(participant.json().path("detail").asString()).isEqualTo("Only monitors verify test instances.");
		assertThat(this.pdqmQuery.admin().post("/api/test-instances/" + instance + "/verdict", verified).status())
			.isEqualTo(403);
		Response ownOrganization = this.fixtures.apiAs(acmeMonitor)
			.post("/api/test-instances/" + instance + "/verdict", verified);
		assertThat(ownOrganization.status()).isEqualTo(403);
		assertThat(ownOrganization.json().path("detail").asString()).contains("Your organization takes part");
		Response unassigned = this.fixtures.apiAs(unassignedMonitor)
			.post("/api/test-instances/" + instance + "/verdict", verified);
		assertThat(unassigned.status()).isEqualTo(403);
		assertThat(unassigned.json().path("detail").asString()).contains("You are not a monitor of PDQM-QUERY");

		assertThat(this.pdqmQuery.status(instance)).isEqualTo("TO_BE_VERIFIED");
		assertThat(this.pdqmQuery.acme().get("/api/test-instances/" + instance + "/step-verdicts").json().size())
			.isZero();
	}

	@Test
	void shouldAnswerARefusedVerdictFormWithTheCommentTypedAndTheErrorBesideIt() {
		long instance = this.pdqmQuery.handedOver();
		assertThat(this.monitor.post("/api/test-instances/" + instance + "/claim", Map.of()).status()).isEqualTo(200);
		PageClient monitorPages = PageClient.signedIn(this.fixtures.port(), this.monitorUser.username());
		String page = "/test-instances/" + instance + "/verify";
		String tooLong = "Step 1 answered late. " + "x".repeat(2000);

		HttpResponse<String> refused = monitorPages.postForm(page, "/test-instances/" + instance + "/verdict",
				Map.of("status", "FAILED", "comment", tooLong));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).containsPattern("id=\"verdict-comment\"[^>]*>" + tooLong + "</textarea>\\s*"
				+ "<span id=\"comment-error\" class=\"field-error\" role=\"alert\">size must be between 0 and 2000");
		assertThat(this.pdqmQuery.status(instance)).isEqualTo("TO_BE_VERIFIED");

		HttpResponse<String> judged = monitorPages.postForm(page, "/test-instances/" + instance + "/verdict",
				Map.of("status", "FAILED", "comment", "Step 1 answered late."));

		assertThat(judged.statusCode()).isEqualTo(302);
		assertThat(monitorPages.get("/test-instances/" + instance).body()).contains("Verdict recorded.");
	}

	@Test
	void shouldAskWhyForAPartialVerificationAndLetTheParticipantsHandItOverAgain() {
		long instance = this.pdqmQuery.handedOver();

		Response withoutReason = this.monitor.post("/api/test-instances/" + instance + "/verdict",
				Map.of("status", "PARTIALLY_VERIFIED"));
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat(withoutReason.json().path("detail").asString()).contains("Say why");
		Response partial = this.monitor.post("/api/test-instances/" + instance + "/verdict",
				Map.of("status", "PARTIALLY_VERIFIED", "comment", "Attach the response of step 1"));
		assertThat(partial.json().path("status").asString()).isEqualTo("PARTIALLY_VERIFIED");

		Response again = this.pdqmQuery.acme()
			.post("/api/test-instances/" + instance + "/status",
					Map.of("status", "TO_BE_VERIFIED", "reason", "Response attached"));
		assertThat(again.json().path("status").asString()).isEqualTo("TO_BE_VERIFIED");
	}

	@Test
	void shouldRefuseAVerdictOnAnInstanceThatIsStillRunning() {
		long instance = this.pdqmQuery.instance();

		Response refused = this.monitor.post("/api/test-instances/" + instance + "/verdict",
				Map.of("status", "FAILED", "comment", "Nothing here"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains("have not handed it over");
	}

	@Test
	void shouldLetOnlyOrganizersAssignAndOnlyMonitors() {
		User participant = this.fixtures.user(Role.PARTICIPANT, this.pdqmQuery.acmeOrganization());

		assertThat(this.pdqmQuery.acme()
			.put("/api/tests/" + this.pdqmQuery.test() + "/monitors", List.of(this.monitorUser.id()))
			.status()).isEqualTo(403);
		Response notAMonitor = this.pdqmQuery.admin()
			.put("/api/tests/" + this.pdqmQuery.test() + "/monitors", List.of(this.monitorUser.id(), participant.id()));
		assertThat(notAMonitor.status()).isEqualTo(400);
		assertThat(notAMonitor.json().path("problems").get(0).asString()).contains("not a monitor");
		assertThat(
				this.pdqmQuery.admin().get("/api/tests/" + this.pdqmQuery.test() + "/monitors").json().get(0).asLong())
			.isEqualTo(this.monitorUser.id());
	}

}
