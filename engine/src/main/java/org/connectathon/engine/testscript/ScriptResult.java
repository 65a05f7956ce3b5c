package org.connectathon.engine.testscript;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The result of running one script.
 *
 * @param file the script file, or {@code package.tgz!/file} for a script of a FHIR
 * package
 * @param scriptId the script's id, which names its report file
 * @param title the script's title
 * @param version the script's FHIR release, which is also the TestReport's
 * @param serverRelease the release the server's answers were judged in, and why
 * @param outcome {@link Outcome#FAIL} when any action failed, else {@link Outcome#ERROR}
 * when any could not be run, else {@link Outcome#PASS} (warnings and skipped actions
 * pass)
 * @param actions every action, in the order run
 * @param testReport the TestReport, R4 or R5 like the script
 * @param duration how long the run took
 */
public record ScriptResult(Path file, String scriptId, String title, FhirVersion version, ServerRelease serverRelease,
		Outcome outcome, List<ActionResult> actions, IBaseResource testReport, Duration duration) {

	public ScriptResult {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(scriptId, "scriptId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(serverRelease, "serverRelease");
		Objects.requireNonNull(outcome, "outcome");
		actions = List.copyOf(actions);
		Objects.requireNonNull(testReport, "testReport");
		Objects.requireNonNull(duration, "duration");
	}

	/** How many actions ended with each outcome; every outcome is present. */
	public Map<Outcome, Integer> counts() {
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			counts.put(outcome, 0);
		}
		this.actions.forEach(action -> counts.merge(action.outcome(), 1, Integer::sum));
		return counts;
	}

	/** The TestReport as pretty JSON. */
	public String testReportJson() {
		return this.version.fhirContext().newJsonParser().setPrettyPrint(true).encodeResourceToString(this.testReport);
	}

}
