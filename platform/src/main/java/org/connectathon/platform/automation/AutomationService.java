package org.connectathon.platform.automation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.connectathon.engine.testscript.FhirVersion;
import org.connectathon.engine.testscript.ScriptResult;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.monitoring.MonitoringService;
import org.connectathon.platform.monitoring.StepVerdict;
import org.connectathon.platform.monitoring.StepVerdictForm;
import org.connectathon.platform.monitoring.StepVerdictRecord;
import org.connectathon.platform.monitoring.VerdictForm;
import org.connectathon.platform.proxy.CaptureAttachmentService;
import org.connectathon.platform.proxy.NewCapture;
import org.connectathon.platform.referenceserver.HostedReferenceServers;
import org.connectathon.platform.registration.Endpoint;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.security.OutboundAddresses;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.evidence.Evidence;
import org.connectathon.platform.evidence.EvidenceKind;
import org.connectathon.platform.evidence.EvidenceService;
import org.connectathon.platform.testing.InstanceParticipant;
import org.connectathon.platform.testing.InstanceProgressed;
import org.connectathon.platform.testing.StatusForm;
import org.connectathon.platform.testing.StepStatus;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.connectathon.platform.testing.TestRole;
import org.connectathon.platform.testing.TestStep;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automated steps: a step that names a TestScript is run by the engine against the
 * endpoint that the responding system declared for the step's actor. The organizations
 * taking part in the instance (and organizers) start runs; a worker of some node runs
 * them in the background. A finished run attaches its TestReport to the step and, when it
 * passed, marks the step done. Once every step of a fully automated test has passed, the
 * engine verifies the instance if the test allows it ({@code automatedPassVerifies}), or
 * else hands it to the monitors, who confirm the passing reports in one action.
 * <p>
 * The engine sends requests only to the registered endpoint of the step's system, under
 * the event's outbound address policy, and never outside that endpoint's base URL. What a
 * run found (its message, its TestReport) quotes the system's responses: only the
 * organizations taking part, the test's monitors and organizers see it.
 */
@Service
public class AutomationService {

	/**
	 * Who the engine's own changes are recorded as. It acts for the platform, as the
	 * server console does, and is never signed in.
	 */
	static final SignedInUser ENGINE = new SignedInUser(0, "testscript-engine", "TestScript engine", Role.ADMIN, null,
			null);

	private final ScriptRunRepository runs;

	private final TestScriptLibrary scripts;

	private final TestInstanceService instances;

	private final TestDefinitionService tests;

	private final EvidenceService evidence;

	private final SystemService systems;

	private final MonitoringService monitoring;

	private final ApplicationEventPublisher publisher;

	private final EventService events;

	private final OutboundAddresses outbound;

	private final HostedReferenceServers referenceServers;

	private final CaptureAttachmentService captures;

	AutomationService(ScriptRunRepository runs, TestScriptLibrary scripts, TestInstanceService instances,
			TestDefinitionService tests, EvidenceService evidence, SystemService systems, MonitoringService monitoring,
			ApplicationEventPublisher publisher, EventService events, OutboundAddresses outbound,
			HostedReferenceServers referenceServers, CaptureAttachmentService captures) {
		this.referenceServers = referenceServers;
		this.captures = captures;
		this.runs = runs;
		this.scripts = scripts;
		this.instances = instances;
		this.tests = tests;
		this.evidence = evidence;
		this.systems = systems;
		this.monitoring = monitoring;
		this.publisher = publisher;
		this.events = events;
		this.outbound = outbound;
	}

	/**
	 * The instance's steps that name a TestScript, each with its latest run, whose
	 * message only those who see the instance's reports read.
	 */
	public List<AutomatedStep> automatedSteps(long instanceId, SignedInUser user) {
		TestInstance instance = this.instances.find(instanceId, user);
		TestDefinition test = this.tests.find(instance.testId(), user);
		Map<Integer, ScriptRun> latest = this.runs.findLatestPerStep(instanceId);
		boolean maySeeReports = this.instances.maySeeToolReports(instance, user);
		return test.steps()
			.stream()
			.filter((step) -> step.testScript() != null)
			.map((step) -> describe(instance, test, step, latest.get(step.index())))
			.map((step) -> maySeeReports ? step : step.withoutRunMessage())
			.toList();
	}

	/**
	 * Queues a run of the step's TestScript; the organizations taking part and organizers
	 * only.
	 * @throws RuleViolationException when the step names no script, or cannot run now (no
	 * endpoint, no uploaded script, a run under way, a closed instance)
	 */
	@Transactional
	public ScriptRun startRun(long instanceId, int stepIndex, SignedInUser user) {
		TestInstance instance = this.instances.requireTakingPart(instanceId, user);
		// Two clicks at once: the second waits here, then finds the first one's run.
		this.instances.lockStep(instanceId, stepIndex);
		TestDefinition test = this.tests.find(instance.testId(), user);
		TestStep step = test.steps()
			.stream()
			.filter((candidate) -> candidate.index() == stepIndex)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Step", stepIndex));
		if (step.testScript() == null) {
			throw new RuleViolationException("Step " + stepIndex + " of " + test.keyword()
					+ " names no TestScript: its participants do it and attach the evidence.");
		}
		if (instance.status().participantMoves().isEmpty()) {
			throw new RuleViolationException(
					"The instance is " + instance.status().describe() + "; its steps cannot run any more.");
		}
		AutomatedStep automated = describe(instance, test, step,
				this.runs.findLatestPerStep(instanceId).get(stepIndex));
		if (automated.busy()) {
			throw new RuleViolationException("Step " + stepIndex + " is already being run (run "
					+ automated.latestRun().id() + "); wait until it ends.");
		}
		if (automated.problem() != null) {
			throw new RuleViolationException(automated.problem());
		}
		boolean allowPrivateAddresses = this.events.find(instance.eventId(), user).allowPrivateAddresses();
		// The platform's own reference server is no address a participant chose.
		boolean toReferenceServer = automated.clientStep() && step.responderRole() == null;
		if (!toReferenceServer) {
			this.outbound.refusal(URI.create(automated.serverUrl()), allowPrivateAddresses).ifPresent((refusal) -> {
				throw new RuleViolationException("Step " + stepIndex + " cannot run: the platform will not send "
						+ "requests to " + automated.serverUrl() + ": " + refusal + ".");
			});
		}
		EventTestScript script = automated.script();
		long id = this.runs.insert(instanceId, stepIndex, script.id(), script.keyword(), automated.serverUrl(),
				script.actionCount(), user.id(), user.displayName());
		this.publisher.publishEvent(new ScriptRunQueued(id));
		this.publisher.publishEvent(new InstanceProgressed(instanceId));
		return this.runs.find(id).orElseThrow();
	}

	/**
	 * A run, for those who see the reports of its instance: the organizations taking
	 * part, the test's monitors and organizers.
	 */
	public ScriptRun findRun(long runId, SignedInUser user) {
		ScriptRun run = this.runs.find(runId).orElseThrow(() -> new NotFoundException("Script run", runId));
		this.instances.requireMaySeeToolReports(run.testInstanceId(), user);
		return run;
	}

	/** The instance's runs, newest first, for those who see its reports. */
	public List<ScriptRun> findRuns(long instanceId, SignedInUser user) {
		this.instances.requireMaySeeToolReports(instanceId, user);
		return this.runs.findOfInstance(instanceId);
	}

	/**
	 * Where a run sends its requests, as things stand when it starts: the endpoint it was
	 * queued for, if that is still the one the step's system declares, and whether the
	 * event allows private addresses now.
	 * @throws RuleViolationException when the endpoint is no longer the step's
	 */
	RunTarget target(ScriptRun run) {
		TestInstance instance = this.instances.find(run.testInstanceId(), ENGINE);
		TestDefinition test = this.tests.find(instance.testId(), ENGINE);
		AutomatedStep automated = test.steps()
			.stream()
			.filter((step) -> step.index() == run.stepIndex())
			.findFirst()
			.map((step) -> describe(instance, test, step, null))
			.orElse(null);
		// The reference server is the running node's own, at its own port: a node other
		// than the one that queued the run forwards to its server.
		boolean toReferenceServer = automated != null && automated.clientStep() && automated.destinationName() == null
				&& automated.serverUrl() != null;
		if (automated == null || (!toReferenceServer && !run.serverUrl().equals(automated.serverUrl()))) {
			throw new RuleViolationException("Not run: " + run.serverUrl() + " is no longer the registered endpoint "
					+ "of the system answering step " + run.stepIndex() + "; start a new run.");
		}
		TestStep step = test.steps()
			.stream()
			.filter((candidate) -> candidate.index() == run.stepIndex())
			.findFirst()
			.orElseThrow();
		return new RunTarget(URI.create(automated.serverUrl()),
				toReferenceServer || this.events.find(instance.eventId(), ENGINE).allowPrivateAddresses(),
				(automated.serverFhirVersion() != null) ? FhirVersion.valueOf(automated.serverFhirVersion()) : null,
				automated.clientStep(), instance.eventId(), systemPlaying(instance, step.initiatorRole()),
				systemPlaying(instance, step.responderRole()));
	}

	private static @Nullable Long systemPlaying(TestInstance instance, @Nullable String roleKeyword) {
		InstanceParticipant participant = (roleKeyword != null) ? playing(instance, roleKeyword) : null;
		return (participant != null) ? participant.systemId() : null;
	}

	/**
	 * Where a run sends its requests, under which address policy, and the release the
	 * endpoint declares, which judges its answers (null: the engine asks the server); for
	 * a client step, where the client's requests are forwarded. Forwarding to the
	 * platform's own reference server allows its loopback address: no participant chose
	 * it. The step's initiating and responding systems name the sender and receiver of
	 * the exchanges a client step forwards, which decides who sees their captures.
	 */
	record RunTarget(URI serverUrl, boolean allowPrivateAddresses, @Nullable FhirVersion fhirVersion,
			boolean clientStep, long eventId, @Nullable Long senderSystemId, @Nullable Long receiverSystemId) {

	}

	/**
	 * A monitor verifies an instance whose automated steps passed, in one action: each
	 * automated step is judged passed on its latest TestReport and the instance verified.
	 * Steps without a script must have been judged passed already.
	 */
	@Transactional
	public TestInstance confirmPassingReports(long instanceId, SignedInUser user) {
		// The monitor's rules first: only a monitor of the test, never of a taking-part
		// organization.
		this.monitoring.claim(instanceId, user);
		TestInstance instance = this.instances.find(instanceId, user);
		TestDefinition test = this.tests.find(instance.testId(), user);
		Map<Integer, ScriptRun> latest = this.runs.findLatestPerStep(instanceId);
		Map<Integer, StepVerdict> judged = this.monitoring.findStepVerdicts(instanceId, user)
			.stream()
			.collect(Collectors.toMap(StepVerdictRecord::stepIndex, StepVerdictRecord::verdict));
		List<String> problems = new ArrayList<>();
		List<ScriptRun> passing = new ArrayList<>();
		for (TestStep step : test.steps()) {
			ScriptRun run = latest.get(step.index());
			if (step.testScript() == null) {
				if (judged.get(step.index()) != StepVerdict.PASSED) {
					problems.add("step " + step.index() + " names no TestScript; judge it first");
				}
			}
			else if (run == null) {
				problems.add("step " + step.index() + " has not run");
			}
			else if (run.status() != ScriptRunStatus.PASSED) {
				problems.add("the latest run of step " + step.index() + " (run " + run.id() + ") is "
						+ run.status().name().toLowerCase());
			}
			else {
				passing.add(run);
			}
		}
		if (passing.isEmpty() && problems.isEmpty()) {
			problems.add(test.keyword() + " has no automated step");
		}
		if (!problems.isEmpty()) {
			throw new RuleViolationException(
					"The TestReports cannot be confirmed: " + String.join("; ", problems) + ".");
		}
		for (ScriptRun run : passing) {
			this.monitoring.judgeStep(instanceId, run.stepIndex(),
					new StepVerdictForm(StepVerdict.PASSED, "The TestReport of run " + run.id() + " passed."), user);
		}
		return this.monitoring.judge(instanceId, new VerdictForm(TestInstanceStatus.VERIFIED,
				"Confirmed the passing TestReports of runs " + runIds(passing) + "."), user);
	}

	/**
	 * What a worker found, recorded for the node that holds the run: the run ends, its
	 * TestReport goes to the step, a pass marks the step done and may conclude the
	 * instance. Nothing happens when another node took the run back meanwhile.
	 */
	@Transactional
	void recordResult(ScriptRun run, String node, ScriptRunStatus status, String message, @Nullable ScriptResult result,
			List<NewCapture> exchanges) {
		TestInstance instance = this.instances.find(run.testInstanceId(), ENGINE);
		boolean open = !instance.status().participantMoves().isEmpty();
		String recorded = open ? message : message + " The instance was " + instance.status().describe()
				+ " meanwhile, so the TestReport was not attached.";
		if (!this.runs.finish(run.id(), node, status, recorded)) {
			return;
		}
		this.publisher.publishEvent(new InstanceProgressed(instance.id()));
		if (!open) {
			return;
		}
		if (result != null) {
			Evidence report = this.evidence.upload(instance.id(), run.stepIndex(), EvidenceKind.TEST_REPORT,
					run.scriptKeyword() + ".testreport.json", "application/fhir+json",
					result.testReportJson().getBytes(StandardCharsets.UTF_8),
					"TestScript " + run.scriptKeyword() + " " + status.name().toLowerCase() + " (run " + run.id() + ")",
					ENGINE);
			this.runs.updateEvidence(run.id(), report.id());
		}
		// What a client under test sent and got, as the recording proxy keeps exchanges.
		this.captures.recordForStep(exchanges, instance.id(), run.stepIndex());
		if (status == ScriptRunStatus.PASSED) {
			this.instances.changeStep(instance.id(), run.stepIndex(), StepStatus.DONE, ENGINE);
			concludeIfEveryStepPassed(instance.id());
		}
	}

	/**
	 * Ends a run that could not be recorded otherwise, so that it never stays running.
	 */
	@Transactional
	void recordError(ScriptRun run, String node, String message) {
		if (this.runs.finish(run.id(), node, ScriptRunStatus.ERROR, message)) {
			this.publisher.publishEvent(new InstanceProgressed(run.testInstanceId()));
		}
	}

	/**
	 * When the latest run of every step of a fully automated test passed, the engine
	 * verifies the instance if the test allows it, else hands it to the monitors.
	 */
	private void concludeIfEveryStepPassed(long instanceId) {
		TestInstance instance = this.instances.find(instanceId, ENGINE);
		TestDefinition test = this.tests.find(instance.testId(), ENGINE);
		Map<Integer, ScriptRun> latest = this.runs.findLatestPerStep(instanceId);
		boolean everyStepPassed = test.fullyAutomated() && test.steps()
			.stream()
			.allMatch((step) -> latest.containsKey(step.index())
					&& latest.get(step.index()).status() == ScriptRunStatus.PASSED);
		if (!everyStepPassed) {
			return;
		}
		String reason = "The TestScript of every step passed (runs "
				+ runIds(test.steps().stream().map((step) -> latest.get(step.index())).toList()) + ")";
		if (test.automatedPassVerifies()) {
			this.instances.verifyWithoutMonitor(instanceId,
					reason + "; " + test.keyword() + " lets an automated pass verify without a monitor.", ENGINE);
		}
		else if (instance.status() == TestInstanceStatus.RUNNING || instance.status() == TestInstanceStatus.PAUSED) {
			this.instances.changeStatus(instanceId,
					new StatusForm(TestInstanceStatus.TO_BE_VERIFIED, reason + "; a monitor confirms them."), ENGINE);
		}
	}

	private AutomatedStep describe(TestInstance instance, TestDefinition test, TestStep step,
			@Nullable ScriptRun latestRun) {
		EventTestScript script = this.scripts.findByKeyword(test.eventId(), step.testScript()).orElse(null);
		if (script != null) {
			Optional<TestScriptLibrary.ClientSide> client = this.scripts.clientSide(script);
			if (client.isPresent()) {
				return describeClientStep(instance, test, step, script, client.get(), latestRun);
			}
		}
		if (step.responderRole() == null) {
			return new AutomatedStep(step.index(), step.testScript(), script, null, null, null,
					"Step " + step.index() + " is answered by a tool: the engine sends requests, so it runs scripts "
							+ "against a responding system only.",
					latestRun);
		}
		TestRole role = test.role(step.responderRole()).orElseThrow();
		InstanceParticipant participant = instance.participants()
			.stream()
			.filter((candidate) -> candidate.roleKeyword().equals(role.keyword()))
			.findFirst()
			.orElse(null);
		if (participant == null) {
			return new AutomatedStep(step.index(), step.testScript(), script, null, null, null,
					"No system plays " + role.keyword() + " in this instance.", latestRun);
		}
		// Asked as the engine: a system taking part stays the target even if it is no
		// longer published.
		List<Endpoint> endpoints = this.systems.findEndpoints(participant.systemId(), ENGINE)
			.stream()
			.filter((endpoint) -> endpoint.actorId() == role.actorId())
			.toList();
		Endpoint endpoint = (script != null) ? endpointFor(endpoints, script.fhirVersion())
				: endpoints.stream().findFirst().orElse(null);
		String problem = null;
		if (endpoints.isEmpty()) {
			problem = participant.systemName() + " has no endpoint for " + role.actor()
					+ "; its organization declares one on the system's page.";
		}
		else if (script == null) {
			problem = "Step " + step.index() + " runs TestScript '" + step.testScript()
					+ "', which the organizers have not uploaded to the event yet.";
		}
		return new AutomatedStep(step.index(), step.testScript(), script, participant.systemName(),
				(endpoint != null) ? endpoint.baseUrl() : null,
				(endpoint != null && endpoint.fhirVersion() != null && !endpoint.fhirVersion().isEmpty())
						? endpoint.fhirVersion() : null,
				problem, latestRun);
	}

	/**
	 * A step whose script tests a client: the step's initiator sends, and its requests go
	 * to the responder's endpoint (peer-to-peer), or to the platform's reference server
	 * of the script's release when a tool answers the step (no-peer).
	 */
	private AutomatedStep describeClientStep(TestInstance instance, TestDefinition test, TestStep step,
			EventTestScript script, TestScriptLibrary.ClientSide client, @Nullable ScriptRun latestRun) {
		InstanceParticipant sender = (step.initiatorRole() != null) ? playing(instance, step.initiatorRole()) : null;
		String problem = null;
		if (step.initiatorRole() == null) {
			problem = "Step " + step.index() + " runs a TestScript that tests a client, but the step names no "
					+ "initiator whose client would send the requests.";
		}
		else if (sender == null) {
			problem = "No system plays " + step.initiatorRole() + " in this instance.";
		}
		String destinationUrl = null;
		String destinationName = null;
		String destinationRelease = null;
		if (step.responderRole() == null) {
			destinationRelease = script.fhirVersion();
			destinationUrl = this.referenceServers.localBaseUrl(FhirVersion.valueOf(script.fhirVersion())).orElse(null);
			if (destinationUrl == null && problem == null) {
				problem = "Step " + step.index() + " forwards the client's requests to the platform's reference "
						+ "server, which this platform does not host.";
			}
		}
		else {
			TestRole role = test.role(step.responderRole()).orElseThrow();
			InstanceParticipant partner = playing(instance, role.keyword());
			if (partner == null) {
				problem = (problem != null) ? problem : "No system plays " + role.keyword() + " in this instance.";
			}
			else {
				destinationName = partner.systemName();
				Endpoint endpoint = endpointFor(this.systems.findEndpoints(partner.systemId(), ENGINE)
					.stream()
					.filter((candidate) -> candidate.actorId() == role.actorId())
					.toList(), script.fhirVersion());
				if (endpoint == null) {
					problem = (problem != null) ? problem : partner.systemName() + " has no endpoint for "
							+ role.actor() + "; its organization declares one on the system's page.";
				}
				else {
					destinationUrl = endpoint.baseUrl();
					destinationRelease = (endpoint.fhirVersion() != null && !endpoint.fhirVersion().isEmpty())
							? endpoint.fhirVersion() : null;
				}
			}
		}
		return new AutomatedStep(step.index(), step.testScript(), script, (sender != null) ? sender.systemName() : null,
				destinationUrl, destinationRelease, problem, latestRun, client.requests(), destinationName);
	}

	private static @Nullable InstanceParticipant playing(TestInstance instance, String roleKeyword) {
		return instance.participants()
			.stream()
			.filter((candidate) -> candidate.roleKeyword().equals(roleKeyword))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The endpoint that speaks the script's FHIR release, else the first that does not
	 * say which it speaks, else the first of another release: a system may answer R4 and
	 * R5 at different addresses, and a script judges the answers in the release of the
	 * endpoint it runs against, so an R5 script runs against an R4-only system too.
	 */
	private static @Nullable Endpoint endpointFor(List<Endpoint> endpoints, String fhirVersion) {
		return endpoints.stream()
			.filter((endpoint) -> fhirVersion.equals(endpoint.fhirVersion()))
			.findFirst()
			.or(() -> endpoints.stream()
				.filter((endpoint) -> endpoint.fhirVersion() == null || endpoint.fhirVersion().isEmpty())
				.findFirst())
			.or(() -> endpoints.stream().findFirst())
			.orElse(null);
	}

	private static String runIds(List<ScriptRun> runs) {
		return runs.stream().map((run) -> String.valueOf(run.id())).collect(Collectors.joining(", "));
	}

}
