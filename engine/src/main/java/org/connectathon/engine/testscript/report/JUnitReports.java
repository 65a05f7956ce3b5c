package org.connectathon.engine.testscript.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.connectathon.engine.testscript.ActionResult;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.ScriptResult;

/**
 * Writes JUnit XML, as CI servers read it: one {@code TEST-<script-id>.xml} per script, a
 * testsuite whose testcases are the setup, each test and the teardown. A testcase with a
 * failed action has a failure, one with an action that could not run an error, one whose
 * actions were all skipped is skipped; warnings go to system-out.
 */
public final class JUnitReports {

	private JUnitReports() {
	}

	public static void write(List<ScriptResult> results, Path folder) {
		Objects.requireNonNull(results, "results");
		Objects.requireNonNull(folder, "folder");
		try {
			Files.createDirectories(folder);
			Map<String, String> fileNames = RunReports.fileNames(results);
			for (ScriptResult result : results) {
				String name = "TEST-"
						+ fileNames.get(result.file() + "#" + result.scriptId()).replace(".testreport.json", ".xml");
				Files.writeString(folder.resolve(name), xml(result), StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("CTN-4002: cannot write JUnit XML to " + folder + ": " + ex.getMessage(),
					ex);
		}
	}

	static String xml(ScriptResult result) {
		Map<String, List<ActionResult>> sections = new LinkedHashMap<>();
		result.actions()
			.forEach(action -> sections.computeIfAbsent(action.section(), s -> new ArrayList<>()).add(action));
		int failures = 0;
		int errors = 0;
		int skipped = 0;
		StringBuilder cases = new StringBuilder();
		for (Map.Entry<String, List<ActionResult>> section : sections.entrySet()) {
			List<ActionResult> actions = section.getValue();
			cases.append("  <testcase classname=\"")
				.append(escape(result.scriptId()))
				.append("\" name=\"")
				.append(escape(section.getKey()))
				.append("\">\n");
			ActionResult failed = first(actions, Outcome.FAIL);
			ActionResult broken = first(actions, Outcome.ERROR);
			if (failed != null) {
				failures++;
				cases.append("    <failure message=\"")
					.append(escape(failed.message()))
					.append("\">")
					.append(escape(failed.label() + ": " + failed.message()))
					.append("</failure>\n");
			}
			else if (broken != null) {
				errors++;
				cases.append("    <error message=\"")
					.append(escape(broken.message()))
					.append("\">")
					.append(escape(broken.label() + ": " + broken.message()))
					.append("</error>\n");
			}
			else if (actions.stream().allMatch(action -> action.outcome() == Outcome.SKIP)) {
				skipped++;
				cases.append("    <skipped message=\"").append(escape(actions.get(0).message())).append("\"/>\n");
			}
			StringBuilder out = new StringBuilder();
			actions.forEach(action -> out.append(action.outcome())
				.append(' ')
				.append(action.kind())
				.append(": ")
				.append(action.label())
				.append(" - ")
				.append(action.message())
				.append('\n'));
			cases.append("    <system-out>").append(escape(out.toString())).append("</system-out>\n");
			cases.append("  </testcase>\n");
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + escape(result.scriptId())
				+ "\" tests=\"" + sections.size() + "\" failures=\"" + failures + "\" errors=\"" + errors
				+ "\" skipped=\"" + skipped + "\" time=\"" + result.duration().toMillis() / 1000.0 + "\">\n" + cases
				+ "</testsuite>\n";
	}

	private static ActionResult first(List<ActionResult> actions, Outcome outcome) {
		return actions.stream().filter(action -> action.outcome() == outcome).findFirst().orElse(null);
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				default -> {
					// characters XML 1.0 forbids cannot appear even escaped
					if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
