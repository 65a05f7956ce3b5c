package org.connectathon.platform.automation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.connectathon.platform.ControllerTest;
import org.connectathon.platform.SignIn;
import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * The automation API alone: how its answers and refusals look (status, Location, problem
 * JSON), whatever the services decided.
 */
@ControllerTest(AutomationApiController.class)
class AutomationApiControllerTests {

	private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

	private static final SignedInUser ALICE = new SignedInUser(1, "alice", "Alice", Role.PARTICIPANT, 11L, null);

	@Autowired
	MockMvcTester api;

	@MockitoBean
	AutomationService automation;

	@MockitoBean
	TestScriptLibrary scripts;

	@Test
	void shouldQueueARunAndAnswerWhereToFollowIt() {
		given(this.automation.startRun(eq(7L), eq(1), any()))
			.willReturn(new ScriptRun(41, 7, 1, "ips-summary-operation", 31L, "http://localhost:8090/fhir",
					ScriptRunStatus.QUEUED, 15, 0, null, null, null, 0, "Alice", NOW, null, null));

		assertThat(this.api.post().uri("/api/test-instances/7/steps/1/runs").with(SignIn.as(ALICE)))
			.as("no CSRF token: the API takes no cookies")
			.hasStatus(202)
			.hasHeader("Location", "/api/script-runs/41")
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> assertThat(status).asString().isEqualTo("QUEUED"));
	}

	@Test
	void shouldRefuseWithAProblemThatSaysWhy() {
		given(this.automation.startRun(eq(7L), eq(1), any()))
			.willThrow(new RuleViolationException("Step 1 is already being run (run 41); wait until it ends."));
		given(this.automation.findRun(eq(99L), any())).willThrow(new NotFoundException("Script run", 99));
		given(this.automation.confirmPassingReports(eq(7L), any()))
			.willThrow(new ForbiddenException("Only a monitor of IPS-SUMMARY may verify it."));

		assertThat(this.api.post().uri("/api/test-instances/7/steps/1/runs").with(SignIn.as(ALICE))).hasStatus(409)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Step 1 is already being run (run 41); wait until it ends.");
		assertThat(this.api.get().uri("/api/script-runs/99").with(SignIn.as(ALICE))).hasStatus(404)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Script run 99 does not exist.");
		assertThat(this.api.post().uri("/api/test-instances/7/confirm-passing-report").with(SignIn.as(ALICE)))
			.hasStatus(403)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Only a monitor of IPS-SUMMARY may verify it.");
	}

	@Test
	void shouldAskForATokenBeforeAnything() {
		assertThat(this.api.post().uri("/api/test-instances/7/steps/1/runs")).hasStatus(401)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Sign in with an API token: Authorization: Bearer <token>.");
	}

	@Test
	void shouldServeAScriptAsTheFhirFormatItWasUploadedIn() {
		EventTestScript script = new EventTestScript(31, 1, "ips-summary-operation", "IPS $summary", "R4", 15,
				"ips-summary-operation.xml", List.of(), "Olivia", NOW);
		given(this.scripts.find(eq(31L), any())).willReturn(script);
		given(this.scripts.content(eq(31L), any())).willReturn("  <TestScript/>".getBytes());

		assertThat(this.api.get().uri("/api/test-scripts/31/content").with(SignIn.as(ALICE))).hasStatusOk()
			.hasContentType("application/fhir+xml")
			.hasHeader("Content-Disposition", "attachment; filename=\"ips-summary-operation.xml\"");
	}

}
