package org.connectathon.platform.automation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.connectathon.platform.ControllerTest;
import org.connectathon.platform.SignIn;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.InstanceParticipant;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * The automated steps panel alone, as the instance page asks for it at every change of
 * the instance's stream. The services would need the whole platform, so they answer what
 * each test gives them.
 */
@ControllerTest(AutomationPageController.class)
class AutomationPageControllerTests {

	private static final long INSTANCE = 7;

	private static final long ACME = 11;

	private static final OffsetDateTime RUN_ENDED = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

	@Autowired
	MockMvcTester pages;

	@MockitoBean
	AutomationService automation;

	@MockitoBean
	TestInstanceService instances;

	@Test
	void shouldReloadTheWholePageWhenARunEndedAfterThePageWasRendered() {
		anInstanceWhoseStepHasRun(run(ScriptRunStatus.PASSED, 15, RUN_ENDED));
		long ended = RUN_ENDED.toInstant().toEpochMilli();

		assertThat(panel(ended - 1000, participantOf(ACME))).hasStatusOk().headers().hasValue("HX-Refresh", "true");
		assertThat(panel(ended + 1000, participantOf(ACME))).hasStatusOk().headers().doesNotContainHeader("HX-Refresh");
	}

	@Test
	void shouldShowARunUnderWayWithoutPollingForIt() {
		anInstanceWhoseStepHasRun(run(ScriptRunStatus.RUNNING, 7, null));

		MvcTestResult panel = panel(System.currentTimeMillis(), participantOf(ACME));

		assertThat(panel).hasStatusOk().headers().doesNotContainHeader("HX-Refresh");
		assertThat(panel).bodyText()
			.contains("id=\"run-progress-1\">7 of 15 actions<")
			.as("the instance's stream asks for the panel again, not a timer")
			.doesNotContain("hx-trigger")
			.as("no second run while one is under way")
			.doesNotContain("id=\"run-step-1\"");
	}

	@Test
	void shouldOfferTheRunButtonOnlyToTheOrganizationsTakingPart() {
		anInstanceWhoseStepHasRun(run(ScriptRunStatus.FAILED, 15, RUN_ENDED));

		assertThat(panel(System.currentTimeMillis(), participantOf(ACME))).bodyText().contains("id=\"run-step-1\"");
		assertThat(panel(System.currentTimeMillis(), participantOf(99))).bodyText()
			.contains("IPS $summary")
			.doesNotContain("id=\"run-step-1\"");
	}

	@Test
	void shouldShowWhatAClientStepWaitsForAndWhereTheClientSends() {
		TestInstance instance = new TestInstance(INSTANCE, 3, "CLIENT-NO-PEER", "A client creates a Patient", 1,
				TestInstanceStatus.RUNNING, false, RUN_ENDED.minusHours(1), RUN_ENDED.minusHours(1),
				List.of(new InstanceParticipant("CLIENT", 6, 22, "Acme IPS Creator", ACME, "Acme")));
		EventTestScript script = new EventTestScript(32, 1, "patient-client", "A client creates a Patient", "R4", 11,
				"patient-client.json", List.of(), "Olivia", RUN_ENDED.minusDays(1));
		ScriptRun waiting = new ScriptRun(42, INSTANCE, 1, "patient-client", 32L,
				"http://127.0.0.1:8080/reference/r4/fhir", ScriptRunStatus.RUNNING, 11, 0,
				"Waiting for the client at http://connectathon.example:9100 to send POST Patient", null, null, 1,
				"Alice", RUN_ENDED.minusMinutes(1), RUN_ENDED.minusMinutes(1), null);
		given(this.instances.find(eq(INSTANCE), any())).willReturn(instance);
		given(this.automation.automatedSteps(eq(INSTANCE), any())).willReturn(List.of(new AutomatedStep(1,
				"patient-client", script, "Acme IPS Creator", "http://127.0.0.1:8080/reference/r4/fhir", "R4", null,
				waiting, List.of("POST Patient", "GET Patient (read)"), null)));

		MvcTestResult panel = panel(System.currentTimeMillis(), participantOf(ACME));

		assertThat(panel).bodyText()
			.contains("tests the client of Acme IPS Creator")
			.contains("forwards its requests to the platform&#39;s reference server (FHIR R4)")
			.contains("Waits for: POST Patient, GET Patient (read)")
			.contains("Waiting for the client at http://connectathon.example:9100 to send POST Patient")
			.as("the loopback address the node forwards to is no address for people")
			.doesNotContain("against Acme IPS Creator");
	}

	private void anInstanceWhoseStepHasRun(ScriptRun run) {
		TestInstance instance = new TestInstance(INSTANCE, 3, "IPS-SUMMARY", "The repository answers $summary", 1,
				TestInstanceStatus.RUNNING, false, RUN_ENDED.minusHours(1), RUN_ENDED.minusHours(1),
				List.of(new InstanceParticipant("REPOSITORY", 5, 21, "Acme IPS Repository", ACME, "Acme")));
		EventTestScript script = new EventTestScript(31, 1, "ips-summary-operation", "IPS $summary", "R4", 15,
				"ips-summary-operation.json", List.of(), "Olivia", RUN_ENDED.minusDays(1));
		given(this.instances.find(eq(INSTANCE), any())).willReturn(instance);
		given(this.automation.automatedSteps(eq(INSTANCE), any()))
			.willReturn(List.of(new AutomatedStep(1, "ips-summary-operation", script, "Acme IPS Repository",
					"http://localhost:8090/fhir", null, null, run)));
	}

	private static ScriptRun run(ScriptRunStatus status, int actionsFinished, @Nullable OffsetDateTime finishedAt) {
		return new ScriptRun(41, INSTANCE, 1, "ips-summary-operation", 31L, "http://localhost:8090/fhir", status, 15,
				actionsFinished, null, null, null, 1, "Alice", RUN_ENDED.minusMinutes(1), RUN_ENDED.minusMinutes(1),
				finishedAt);
	}

	private static SignedInUser participantOf(long organizationId) {
		return new SignedInUser(1, "alice", "Alice", Role.PARTICIPANT, organizationId, null);
	}

	private MvcTestResult panel(long renderedAt, SignedInUser user) {
		return this.pages.get()
			.uri("/test-instances/{id}/automated-steps", INSTANCE)
			.param("renderedAt", String.valueOf(renderedAt))
			.with(SignIn.as(user))
			.exchange();
	}

}
