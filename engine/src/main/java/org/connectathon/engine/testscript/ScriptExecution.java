package org.connectathon.engine.testscript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.classic.HttpClient;
import org.hl7.fhir.r5.model.TestScript;

/**
 * One run of one script, with the specification's flow: fixtures marked autocreate are
 * created, then the setup runs and stops at its first failure or error, which skips every
 * test; each test runs its actions in order and stops at an operation error or at a
 * failed assert marked stopTestOnFail; the teardown always runs, then the autodelete
 * fixtures are deleted. The server's answers are judged in the server's release; the
 * TestReport is in the script's release and names both.
 */
final class ScriptExecution {

	/** Who ran the script, as the TestReport names it. */
	static final String TESTER = "Connectathon TestScript engine";

	/** The engine as a TestReport participant. */
	static final String ENGINE_URI = "urn:connectathon:testscript-engine";

	private final LoadedTestScript loaded;

	private final ExecutionState state;

	private final OperationRunner operations;

	private final AssertEvaluator asserts;

	private final ClientExchanges clientExchanges;

	private final List<ActionResult> results = new ArrayList<>();

	/** Tests started so far, to name a test without a name by its position. */
	private int testsRun;

	private final RunProgressListener listener;

	private final int actionCount;

	private final TestReportBuilder report;

	/**
	 * @param placeholders fills Touchstone's built-in placeholders
	 * @param report collects the run's TestReport; given so that callers may build it in
	 * the other release too
	 * @param serverRelease the release the server's answers are judged in
	 * @param clients the origins whose requests the engine waits for, and how it forwards
	 * them
	 */
	ScriptExecution(LoadedTestScript loaded, RunSettings settings, HttpClient http, Placeholders placeholders,
			RunProgressListener listener, TestReportBuilder report, ServerRelease serverRelease,
			ClientsUnderTest clients) {
		this.loaded = loaded;
		this.listener = listener;
		this.actionCount = loaded.actionCount();
		this.report = report;
		this.state = new ExecutionState(loaded, settings, placeholders, serverRelease);
		this.operations = new OperationRunner(http, this.state);
		this.asserts = new AssertEvaluator(this.state);
		this.clientExchanges = new ClientExchanges(clients,
				clients.forwarder() != null ? clients.forwarder() : new HttpClientForwarder(http, settings.timeout()),
				this.state, listener);
	}

	ScriptResult run() {
		long start = System.nanoTime();
		TestScript script = this.loaded.script();
		boolean setupPassed = runSetup(script);
		for (TestScript.TestScriptTestComponent test : script.getTest()) {
			runTest(test, setupPassed);
		}
		runTeardown(script);
		Outcome outcome = overall();
		this.report.finish(this.loaded.id(), this.loaded.title(),
				script.hasUrl() ? script.getUrl() : "TestScript/" + this.loaded.id(), outcome, this.state.settings(),
				this.loaded.version(), this.state.serverRelease());
		return new ScriptResult(this.loaded.source(), this.loaded.id(), this.loaded.title(), this.loaded.version(),
				this.state.serverRelease(), outcome, this.results, this.report.build(this.loaded.version()),
				Duration.ofNanos(System.nanoTime() - start));
	}

	private boolean runSetup(TestScript script) {
		boolean passed = true;
		for (TestScript.TestScriptFixtureComponent declared : script.getFixture()) {
			if (declared.getAutocreate() && passed) {
				// the loaded fixture is shared by every run of the script; where this run
				// stored it is not
				Fixture fixture = this.state.fixture(declared.getId()).copy();
				this.state.fixtures().put(declared.getId(), fixture);
				ActionResult result = operationResult("setup", "autocreate " + declared.getId(), () -> {
					Exchange exchange = this.operations.create(fixture);
					if (exchange.status() < 200 || exchange.status() >= 300) {
						return new ActionResult("setup", "operation", "autocreate " + declared.getId(), Outcome.FAIL,
								"expected the server to create fixture " + declared.getId() + ", but "
										+ exchange.summary());
					}
					return null;
				});
				this.report.setupOperation(result);
				passed = result.outcome() == Outcome.PASS;
			}
		}
		for (TestScript.SetupActionComponent action : script.getSetup().getAction()) {
			if (!passed) {
				ActionResult skipped = skipped("setup", action.hasOperation() ? "operation" : "assert",
						label(action.hasOperation() ? action.getOperation().getLabel() : action.getAssert().getLabel(),
								action.hasOperation() ? action.getOperation().getDescription()
										: action.getAssert().getDescription(),
								this.results.size()),
						"skipped: the setup failed before");
				if (action.hasOperation()) {
					this.report.setupOperation(skipped);
				}
				else {
					this.report.setupAssert(skipped, action.getAssert());
				}
				continue;
			}
			if (action.hasOperation()) {
				ActionResult result = runOperation("setup", action.getOperation());
				this.report.setupOperation(result);
				passed = result.outcome() == Outcome.PASS;
			}
			else {
				ActionResult result = runAssert("setup", action.getAssert());
				this.report.setupAssert(result, action.getAssert());
				passed = result.outcome() != Outcome.FAIL && result.outcome() != Outcome.ERROR;
			}
		}
		return passed;
	}

	private void runTest(TestScript.TestScriptTestComponent test, boolean setupPassed) {
		this.testsRun++;
		String section = test.hasName() ? test.getName() : "test " + this.testsRun;
		this.report.test(test.getName(), test.getDescription());
		String skipReason = setupPassed ? null : "skipped: the setup failed";
		for (TestScript.TestActionComponent action : test.getAction()) {
			if (skipReason != null) {
				String kind = action.hasOperation() ? "operation" : "assert";
				String actionLabel = action.hasOperation()
						? label(action.getOperation().getLabel(), action.getOperation().getDescription(),
								this.results.size())
						: label(action.getAssert().getLabel(), action.getAssert().getDescription(),
								this.results.size());
				ActionResult skipped = skipped(section, kind, actionLabel, skipReason);
				if (action.hasOperation()) {
					this.report.testOperation(skipped);
				}
				else {
					this.report.testAssert(skipped, action.getAssert());
				}
				continue;
			}
			if (action.hasOperation()) {
				ActionResult result = runOperation(section, action.getOperation());
				this.report.testOperation(result);
				if (result.outcome() != Outcome.PASS) {
					skipReason = "skipped: an operation of this test could not be run";
				}
			}
			else {
				ActionResult result = runAssert(section, action.getAssert());
				this.report.testAssert(result, action.getAssert());
				if (result.outcome() == Outcome.FAIL && TouchstoneConventions.stopTestOnFail(action.getAssert())) {
					skipReason = "skipped: a previous assert failed and has stopTestOnFail";
				}
			}
		}
	}

	private void runTeardown(TestScript script) {
		for (TestScript.TeardownActionComponent action : script.getTeardown().getAction()) {
			this.report.teardownOperation(runOperation("teardown", action.getOperation()));
		}
		for (TestScript.TestScriptFixtureComponent declared : script.getFixture()) {
			Fixture fixture = this.state.fixtures().get(declared.getId());
			if (declared.getAutodelete() && fixture != null && fixture.serverLocation() != null) {
				this.report.teardownOperation(operationResult("teardown", "autodelete " + declared.getId(), () -> {
					this.operations.delete(fixture);
					return null;
				}));
			}
		}
	}

	private ActionResult runOperation(String section, TestScript.SetupActionOperationComponent operation) {
		String label = label(operation.getLabel(), operation.getDescription(), this.results.size());
		if (this.clientExchanges.receives(operation)) {
			return operationResult(section, label, () -> this.clientExchanges.receive(section, label, operation));
		}
		return operationResult(section, label, () -> {
			this.operations.run(operation);
			return null;
		});
	}

	/**
	 * Runs an operation step; it passes when an HTTP exchange took place, whatever the
	 * status, since asserts judge the response.
	 */
	private ActionResult operationResult(String section, String label, java.util.function.Supplier<ActionResult> step) {
		this.listener.actionStarted(section, label, this.results.size(), this.actionCount);
		ActionResult result;
		try {
			ActionResult stepResult = step.get();
			result = stepResult != null ? stepResult
					: new ActionResult(section, "operation", label, Outcome.PASS, this.state.lastExchange().summary());
		}
		catch (ExecutionException ex) {
			result = new ActionResult(section, "operation", label, Outcome.ERROR, ex.getMessage());
		}
		catch (RuntimeException ex) {
			result = new ActionResult(section, "operation", label, Outcome.ERROR,
					"CTN-3000: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		finish(result);
		return result;
	}

	private ActionResult runAssert(String section, TestScript.SetupActionAssertComponent assertion) {
		String label = label(assertion.getLabel(), assertion.getDescription(), this.results.size());
		this.listener.actionStarted(section, label, this.results.size(), this.actionCount);
		ActionResult result;
		String unsupported = TouchstoneConventions.unsupportedAssert(assertion);
		if (unsupported != null) {
			result = new ActionResult(section, "assert", label, Outcome.ERROR, unsupported);
		}
		else if (assertion.hasOperator() && assertion.getOperator() == TestScript.AssertionOperatorType.MANUALEVAL) {
			result = new ActionResult(section, "assert", label, Outcome.SKIP,
					"manual evaluation required: " + (assertion.hasDescription() ? assertion.getDescription()
							: "the script leaves this assert to a person"));
		}
		else {
			try {
				AssertEvaluator.Verdict verdict = this.asserts.evaluate(assertion);
				Outcome outcome = verdict.passed() ? Outcome.PASS
						: assertion.getWarningOnly() ? Outcome.WARNING : Outcome.FAIL;
				// a failed assert names the request it judged
				String message = verdict.passed() || !this.state.hasExchange() ? verdict.message()
						: verdict.message() + " [request: " + this.state.lastExchange().summary() + "]";
				result = new ActionResult(section, "assert", label, outcome, message);
			}
			catch (ExecutionException ex) {
				result = new ActionResult(section, "assert", label, Outcome.ERROR, ex.getMessage());
			}
			catch (RuntimeException ex) {
				result = new ActionResult(section, "assert", label, Outcome.ERROR,
						"CTN-3000: cannot evaluate the assert: " + TestScriptLoader.clean(ex));
			}
		}
		finish(result);
		return result;
	}

	private ActionResult skipped(String section, String kind, String label, String reason) {
		ActionResult result = new ActionResult(section, kind, label, Outcome.SKIP, reason);
		finish(result);
		return result;
	}

	private void finish(ActionResult result) {
		this.results.add(result);
		this.listener.actionFinished(result, this.results.size(), this.actionCount);
	}

	private static String label(String label, String description, int position) {
		if (label != null && !label.isBlank()) {
			return label;
		}
		if (description != null && !description.isBlank()) {
			return description;
		}
		return "action " + (position + 1);
	}

	private Outcome overall() {
		boolean error = false;
		for (ActionResult result : this.results) {
			if (result.outcome() == Outcome.FAIL) {
				return Outcome.FAIL;
			}
			error |= result.outcome() == Outcome.ERROR;
		}
		return error ? Outcome.ERROR : Outcome.PASS;
	}

}
