package org.connectathon.engine.testscript;

import org.connectathon.engine.validation.ValidationServiceCache;

import org.connectathon.engine.packages.PackageResolver;

import org.connectathon.engine.packages.PackageCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ca.uhn.fhir.context.FhirContext;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;

/**
 * Runs small R4 TestScripts against one shared in-process reference server. Each script
 * gets its own patient id in variable {@code pid}; the setup stores contained fixture
 * {@code patient} (family Chalmers, given Peter, identifier {@code ${pid}}) as
 * {@code Patient/${pid}}.
 */
final class ScriptHarness {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	/**
	 * The core specification's profiles; the package cache only keeps the validator's
	 * warm-start files.
	 */
	private static final PackageProfileValidator VALIDATOR = new PackageProfileValidator(
			new PackageResolver(new PackageCache(Path.of("target", "test-package-cache"), List.of())), List.of(),
			new ValidationServiceCache());

	private static ReferenceServerLauncher launcher;

	private ScriptHarness() {
	}

	static synchronized String baseUrl() {
		if (launcher == null) {
			launcher = ReferenceServerLauncher.start(new ReferenceServer(FhirContext.forR4Cached()), 0);
			Runtime.getRuntime().addShutdownHook(new Thread(launcher::close));
		}
		return launcher.baseUrl();
	}

	static String op(String code) {
		return "{\"system\":\"http://terminology.hl7.org/CodeSystem/testscript-operation-codes\",\"code\":\"" + code
				+ "\"}";
	}

	/**
	 * An R4 script whose single test has the given actions (JSON objects,
	 * comma-separated).
	 */
	static String script(String testActions) {
		return script("", testActions, "");
	}

	static String script(String extraSetupActions, String testActions, String teardownActions) {
		return """
				{"resourceType":"TestScript","id":"case","url":"http://example.org/TestScript/case","name":"Case","status":"active",
				 "contained":[
				  {"resourceType":"Patient","id":"patient","identifier":[{"system":"urn:test","value":"${pid}"}],"name":[{"family":"Chalmers","given":["Peter"]}],"gender":"male"},
				  {"resourceType":"Patient","id":"minimum","name":[{"family":"Chalmers"}]},
				  {"resourceType":"Patient","id":"other","name":[{"family":"Smith"}]},
				  {"resourceType":"Bundle","id":"batch","type":"batch","entry":[{"request":{"method":"GET","url":"Patient/${pid}"}}]},
				  {"resourceType":"Bundle","id":"batch-missing","type":"batch","entry":[{"request":{"method":"GET","url":"Patient/${pid}-missing"}}]},
				  {"resourceType":"Bundle","id":"transaction","type":"transaction","entry":[{"fullUrl":"urn:uuid:6f2b0d3e-0000-4000-8000-000000000001","resource":{"resourceType":"Patient","identifier":[{"system":"urn:test","value":"${pid}-tx"}]},"request":{"method":"POST","url":"Patient"}}]},
				  {"resourceType":"Bundle","id":"transaction-missing","type":"transaction","entry":[{"request":{"method":"GET","url":"Patient/${pid}-missing"}}]}
				 ],
				 "fixture":[
				  {"id":"patient","autocreate":false,"autodelete":false,"resource":{"reference":"#patient"}},
				  {"id":"minimum","autocreate":false,"autodelete":false,"resource":{"reference":"#minimum"}},
				  {"id":"other","autocreate":false,"autodelete":false,"resource":{"reference":"#other"}},
				  {"id":"batch","autocreate":false,"autodelete":false,"resource":{"reference":"#batch"}},
				  {"id":"batch-missing","autocreate":false,"autodelete":false,"resource":{"reference":"#batch-missing"}},
				  {"id":"transaction","autocreate":false,"autodelete":false,"resource":{"reference":"#transaction"}},
				  {"id":"transaction-missing","autocreate":false,"autodelete":false,"resource":{"reference":"#transaction-missing"}},
				  {"id":"gender-female","autocreate":false,"autodelete":false,"resource":{"reference":"gender-female.json"}}
				 ],
				 "profile":[{"id":"patient-profile","reference":"http://hl7.org/fhir/StructureDefinition/Patient"},
				  {"id":"observation-profile","reference":"http://hl7.org/fhir/StructureDefinition/Observation"}],
				 "variable":[{"name":"pid","defaultValue":"unused"}],
				 "setup":{"action":[
				  {"operation":{"type":OP_UPDATE,"resource":"Patient","params":"/${pid}","sourceId":"patient","encodeRequestUrl":true}},
				  {"assert":{"operator":"in","responseCode":"200,201","warningOnly":false}}EXTRA_SETUP]},
				 "test":[{"name":"case","action":[TEST_ACTIONS]}]TEARDOWN}
				"""
			.replace("OP_UPDATE", op("update"))
			.replace("EXTRA_SETUP", extraSetupActions.isBlank() ? "" : "," + extraSetupActions)
			.replace("TEST_ACTIONS", testActions)
			.replace("TEARDOWN",
					teardownActions.isBlank() ? "" : ",\"teardown\":{\"action\":[" + teardownActions + "]}");
	}

	static ScriptResult run(String scriptJson) {
		return run(scriptJson, Map.of());
	}

	static ScriptResult run(String scriptJson, Map<Integer, URI> destinations) {
		return run(scriptJson, destinations, Map.of());
	}

	static ScriptResult run(String scriptJson, Map<Integer, URI> destinations, Map<String, String> variables) {
		return new TestScriptRunner(settings(destinations, variables)).run(load(scriptJson));
	}

	/**
	 * Loads a script from a folder of its own, beside the {@code gender-female.json}
	 * patch it may use.
	 */
	static LoadedTestScript load(String scriptJson) {
		return load(scriptJson, Map.of());
	}

	/**
	 * Loads a script as {@link #load(String)} does, with more fixture files beside it.
	 */
	static LoadedTestScript load(String scriptJson, Map<String, String> fixtureFiles) {
		try {
			Path folder = Files.createTempDirectory("testscript");
			Path file = folder.resolve("case.json");
			Files.writeString(file, scriptJson);
			Files.writeString(folder.resolve("gender-female.json"),
					"[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"female\"}]");
			for (Map.Entry<String, String> fixture : fixtureFiles.entrySet()) {
				Files.writeString(folder.resolve(fixture.getKey()), fixture.getValue());
			}
			return new TestScriptLoader().load(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Settings for the shared server, with a new patient id unless {@code pid} is given.
	 */
	static RunSettings settings(Map<Integer, URI> destinations, Map<String, String> variables) {
		Map<String, String> allVariables = new HashMap<>(variables);
		allVariables.putIfAbsent("pid", "case-" + COUNTER.incrementAndGet());
		return RunSettings.forServer(URI.create(baseUrl()))
			.withDestinations(destinations)
			.withVariables(allVariables)
			.withValidator(VALIDATOR);
	}

	/** The outcomes of the actions of the test, leaving out the setup and teardown. */
	static List<Outcome> testOutcomes(ScriptResult result) {
		return result.actions()
			.stream()
			.filter(action -> action.section().equals("case"))
			.map(ActionResult::outcome)
			.toList();
	}

}
