package org.connectathon.engine.testscript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hl7.fhir.r5.model.TestScript;

/**
 * A TestScript read by {@link TestScriptLoader}, ready to run as often as wanted (it is
 * never changed by a run). R4 scripts are held converted to the R5 model, which is a
 * superset, and keep their release for the report.
 */
public final class LoadedTestScript {

	private final Path file;

	private final Path source;

	private final FhirVersion version;

	private final TestScript script;

	private final Map<String, Fixture> fixtures;

	private final Map<String, String> profileUrls;

	private final List<ScriptParticipant> participants;

	LoadedTestScript(Path file, Path source, FhirVersion version, TestScript script, Map<String, Fixture> fixtures,
			Map<String, String> profileUrls) {
		this.file = Objects.requireNonNull(file, "file");
		this.source = Objects.requireNonNull(source, "source");
		this.version = Objects.requireNonNull(version, "version");
		this.script = Objects.requireNonNull(script, "script");
		this.fixtures = Map.copyOf(fixtures);
		this.profileUrls = Map.copyOf(profileUrls);
		this.participants = participants(script);
		// HAPI's getters create missing parts on first call; create them now, before runs
		// on
		// several threads share the model
		script.getSetup().getAction();
		script.getTeardown().getAction();
		script.getTest().forEach(test -> test.getAction());
	}

	/** The file the script came from. */
	public Path file() {
		return this.file;
	}

	/** Where the script came from, for people: its file, or {@code package.tgz!/file}. */
	public Path source() {
		return this.source;
	}

	/** The FHIR release the script is written in. */
	public FhirVersion version() {
		return this.version;
	}

	/** The script's logical id, or its file name without extension when it has none. */
	public String id() {
		if (this.script.getIdElement().hasIdPart()) {
			return this.script.getIdElement().getIdPart();
		}
		String name = this.file.getFileName().toString();
		return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
	}

	/** The script's title, else its name, else its id. */
	public String title() {
		if (this.script.hasTitle()) {
			return this.script.getTitle();
		}
		return this.script.hasName() ? this.script.getName() : id();
	}

	/**
	 * How many actions a run reports: the autocreated fixtures, the setup's, every test's
	 * and the teardown's actions, and the autodeleted fixtures.
	 */
	public int actionCount() {
		int fixtures = 0;
		for (TestScript.TestScriptFixtureComponent fixture : this.script.getFixture()) {
			fixtures += (fixture.getAutocreate() ? 1 : 0) + (fixture.getAutodelete() ? 1 : 0);
		}
		int tests = this.script.getTest().stream().mapToInt((test) -> test.getAction().size()).sum();
		return fixtures + this.script.getSetup().getAction().size() + tests
				+ this.script.getTeardown().getAction().size();
	}

	/**
	 * The script's origins and destinations, each marked whether it is the system under
	 * test: as the script's {@code Interoplab-CL-ext-SUT} extensions say when it has any,
	 * else every destination is.
	 */
	public List<ScriptParticipant> participants() {
		return this.participants;
	}

	private static List<ScriptParticipant> participants(TestScript script) {
		boolean marked = script.getOrigin()
			.stream()
			.anyMatch(origin -> TouchstoneConventions.hasExtension(origin, TouchstoneConventions.SYSTEM_UNDER_TEST))
				|| script.getDestination()
					.stream()
					.anyMatch(destination -> TouchstoneConventions.hasExtension(destination,
							TouchstoneConventions.SYSTEM_UNDER_TEST));
		List<ScriptParticipant> participants = new ArrayList<>();
		for (TestScript.TestScriptOriginComponent origin : script.getOrigin()) {
			participants.add(new ScriptParticipant(ScriptParticipant.Role.ORIGIN, origin.getIndex(),
					origin.hasProfile() ? origin.getProfile().getCode() : null,
					TouchstoneConventions.booleanExtension(origin, TouchstoneConventions.SYSTEM_UNDER_TEST)));
		}
		for (TestScript.TestScriptDestinationComponent destination : script.getDestination()) {
			participants.add(new ScriptParticipant(ScriptParticipant.Role.DESTINATION, destination.getIndex(),
					destination.hasProfile() ? destination.getProfile().getCode() : null,
					!marked || TouchstoneConventions.booleanExtension(destination,
							TouchstoneConventions.SYSTEM_UNDER_TEST)));
		}
		return List.copyOf(participants);
	}

	/**
	 * The requests the script waits for from an origin when it is a client under test, in
	 * script order, such as {@code POST Patient}: for people, before a run.
	 */
	public List<String> requestsFrom(int origin) {
		List<TestScript.SetupActionOperationComponent> operations = new ArrayList<>();
		// HAPI's getters create what is missing: ask first, the model is shared by runs
		this.script.getSetup()
			.getAction()
			.stream()
			.filter(action -> action.hasOperation())
			.forEach(action -> operations.add(action.getOperation()));
		this.script.getTest()
			.forEach(test -> test.getAction()
				.stream()
				.filter(action -> action.hasOperation())
				.forEach(action -> operations.add(action.getOperation())));
		this.script.getTeardown()
			.getAction()
			.stream()
			.filter(action -> action.hasOperation())
			.forEach(action -> operations.add(action.getOperation()));
		List<String> requests = new ArrayList<>();
		for (TestScript.SetupActionOperationComponent operation : operations) {
			if (operation.hasOrigin() && operation.getOrigin() == origin) {
				try {
					requests.add(ExpectedRequest.of(operation).describe());
				}
				catch (ExecutionException ex) {
					requests.add("(" + ex.getMessage() + ")");
				}
			}
		}
		return requests;
	}

	TestScript script() {
		return this.script;
	}

	Map<String, Fixture> fixtures() {
		return this.fixtures;
	}

	/** Profile URLs by the id the script gives them, for {@code validateProfileId}. */
	Map<String, String> profileUrls() {
		return this.profileUrls;
	}

}
