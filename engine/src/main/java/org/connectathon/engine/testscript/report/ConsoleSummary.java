package org.connectathon.engine.testscript.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.connectathon.engine.testscript.ActionResult;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.ScriptResult;
import org.connectathon.engine.testscript.ServerRelease;

/**
 * The text printed after a run: one line per script with its result, its release and the
 * server's, and its counts, then why the server's release is the script's when its
 * CapabilityStatement could not tell, every action that failed or could not run with its
 * message, and the totals.
 */
public final class ConsoleSummary {

	private ConsoleSummary() {
	}

	public static String format(List<ScriptResult> results) {
		Objects.requireNonNull(results, "results");
		StringBuilder text = new StringBuilder();
		int[] totals = new int[Outcome.values().length];
		for (ScriptResult result : results) {
			Map<Outcome, Integer> counts = result.counts();
			counts.forEach((outcome, count) -> totals[outcome.ordinal()] += count);
			text.append(String.format("%-5s %s (%s, %s, server %s) %s, %d ms%n", result.outcome(), result.scriptId(),
					result.file(), result.version(), result.serverRelease().version(), counts(counts),
					result.duration().toMillis()));
			if (result.serverRelease().source() == ServerRelease.Source.SCRIPT) {
				text.append(String.format("      %s%n", result.serverRelease().note()));
			}
			for (ActionResult action : result.actions()) {
				if (action.outcome() == Outcome.FAIL || action.outcome() == Outcome.ERROR) {
					text.append(String.format("      %s in %s: %s%n        %s%n", action.outcome(), action.section(),
							action.label(), action.message()));
				}
			}
		}
		long passed = results.stream().filter(result -> result.outcome() == Outcome.PASS).count();
		text.append(String.format("%d of %d scripts passed; actions: %d pass, %d fail, %d warning, %d error, %d skip%n",
				passed, results.size(), totals[Outcome.PASS.ordinal()], totals[Outcome.FAIL.ordinal()],
				totals[Outcome.WARNING.ordinal()], totals[Outcome.ERROR.ordinal()], totals[Outcome.SKIP.ordinal()]));
		return text.toString();
	}

	private static String counts(Map<Outcome, Integer> counts) {
		return String.format("%d pass, %d fail, %d warning, %d error, %d skip", counts.get(Outcome.PASS),
				counts.get(Outcome.FAIL), counts.get(Outcome.WARNING), counts.get(Outcome.ERROR),
				counts.get(Outcome.SKIP));
	}

}
