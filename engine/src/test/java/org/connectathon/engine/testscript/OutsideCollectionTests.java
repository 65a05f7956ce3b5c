package org.connectathon.engine.testscript;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Acceptance from outside (issue 13): TestScripts that others wrote and published run
 * unchanged against the reference server loaded with their own fixtures. The sample and
 * its licence are in {@code src/test/resources/outside-testscripts/}; the measurement on
 * larger public collections is {@code bench/run-outside-testscripts.sh}.
 */
class OutsideCollectionTests {

	private static ReferenceServerLauncher launcher;

	private static Path mitreScripts;

	@BeforeAll
	static void start() throws Exception {
		mitreScripts = Path
			.of(OutsideCollectionTests.class.getResource("/outside-testscripts/mitre-testscript-engine").toURI());
		FhirContext fhirContext = FhirContext.forR4Cached();
		ReferenceServer server = new ReferenceServer(fhirContext);
		// the read script expects its fixture Patient/example to be on the server already
		server.store()
			.put("Patient", "example", fhirContext.newJsonParser()
				.parseResource(Files.readString(mitreScripts.resolve("fixtures/Patient/example.json"))));
		launcher = ReferenceServerLauncher.start(server, 0);
		// HAPI builds its server on the first request, which can take longer than the
		// scripts'
		// 30 second limit on a busy machine
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(launcher.baseUrl() + "/metadata"))
				.timeout(Duration.ofMinutes(5))
				.build(), HttpResponse.BodyHandlers.discarding());
	}

	@AfterAll
	static void stop() {
		launcher.close();
	}

	@Test
	void mitreEngineScriptsFailAgainstACorrectServerOnlyWhereTheScriptsAreWrong() {
		TestScriptLoader loader = new TestScriptLoader();
		List<LoadedTestScript> scripts = Stream
			.of("read_testscript.json", "search_testscript.json", "general_testscript.json")
			.map(name -> loader.load(mitreScripts.resolve(name)))
			.toList();
		RunSettings settings = RunSettings.forServer(URI.create(launcher.baseUrl()))
			.withVariables(Map.of("PatientSearchFamilyName", "Chalmers", "PatientSearchGivenName", "Peter"));

		// in this order: the read script expects Patient/1 not to exist, and the
		// search script creates a patient to which this server gives the id 1
		TestScriptRunner runner = new TestScriptRunner(settings);
		List<ScriptResult> results = scripts.stream().map(runner::run).toList();

		assertThat(results).extracting(ScriptResult::scriptId)
			.containsExactly("testscript-example-readtest", "testscript-example-search", "testscript-example");
		assertThat(results.get(1).outcome()).as(results.get(1).actions().toString()).isEqualTo(Outcome.PASS);
		// like the specification's readtest it expects 400 for an id with capitals,
		// but ids may contain capitals: a correct server answers 404
		assertThat(onlyFailure(results.get(0)).message())
			.contains("GET " + launcher.baseUrl() + "/Patient/ID-may-not-contain-CAPITALS -> 404");
		// its setup deletes Patient/example and creates it again with an update:
		// 201 Created is right, but the script (its label says 201) wants 200
		assertThat(onlyFailure(results.get(2))).satisfies(failure -> {
			assertThat(failure.label()).isEqualTo("01-ConfirmResponse201");
			assertThat(failure.message()).startsWith("expected response status to equal '200', found '201'");
		});
	}

	private static ActionResult onlyFailure(ScriptResult result) {
		assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
		List<ActionResult> failures = result.actions()
			.stream()
			.filter(action -> action.outcome() == Outcome.FAIL || action.outcome() == Outcome.ERROR)
			.toList();
		assertThat(failures).as(result.scriptId()).hasSize(1);
		return failures.get(0);
	}

	@Test
	void mitreEngineScriptsWhoseFixtureHasAnInvalidBirthDateAreRefusedNamingIt() {
		// the scripts' own mistake: fixtures/Patient/example2.json has birthDate
		// "1978-3-1"
		TestScriptLoader loader = new TestScriptLoader();
		for (String name : List.of("history_testscript.json", "update_testscript.json")) {
			assertThatThrownBy(() -> loader.load(mitreScripts.resolve(name))).as(name)
				.isInstanceOf(TestScriptLoadException.class)
				.hasMessageStartingWith("CTN-1006: ")
				.hasMessageContaining("example2.json")
				.hasMessageContaining("\"1978-3-1\"");
		}
	}

}
