package org.connectathon.engine.testscript.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.connectathon.engine.testscript.Outcome;
import org.connectathon.engine.testscript.ScriptResult;

/**
 * Writes the results of a run to a folder: {@code <script-id>.testreport.json} for each
 * script (R4 or R5 like the script; a second script with the same id gets {@code -2}, and
 * so on) and {@code summary.json} listing each script's id, file, release, the server's
 * release (with where it came from and a note), result and counts of pass, fail, warning,
 * error and skip, plus the report file name.
 */
public final class RunReports {

	private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private RunReports() {
	}

	/** Writes every report and the summary; returns the summary file. */
	public static Path write(List<ScriptResult> results, Path folder) {
		Objects.requireNonNull(results, "results");
		Objects.requireNonNull(folder, "folder");
		try {
			Files.createDirectories(folder);
			Map<String, String> fileNames = fileNames(results);
			ArrayNode scripts = MAPPER.createArrayNode();
			for (ScriptResult result : results) {
				String fileName = fileNames.get(key(result));
				Files.writeString(folder.resolve(fileName), result.testReportJson(), StandardCharsets.UTF_8);
				ObjectNode entry = scripts.addObject();
				entry.put("id", result.scriptId());
				entry.put("title", result.title());
				entry.put("file", result.file().toString());
				entry.put("fhirVersion", result.version().name());
				ObjectNode server = entry.putObject("serverFhirVersion");
				server.put("fhirVersion", result.serverRelease().version().name());
				server.put("source", result.serverRelease().source().name());
				server.put("note", result.serverRelease().note());
				entry.put("result", result.outcome().reportCode());
				entry.put("testReport", fileName);
				entry.put("durationMillis", result.duration().toMillis());
				ObjectNode counts = entry.putObject("counts");
				result.counts().forEach((outcome, count) -> counts.put(outcome.reportCode(), count));
			}
			ObjectNode summary = MAPPER.createObjectNode();
			summary.put("result", overall(results).reportCode());
			summary.set("scripts", scripts);
			Path summaryFile = folder.resolve("summary.json");
			Files.writeString(summaryFile, MAPPER.writeValueAsString(summary), StandardCharsets.UTF_8);
			return summaryFile;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Jackson cannot write a tree it built", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("CTN-4001: cannot write reports to " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/** FAIL when any script failed, else ERROR when any could not run, else PASS. */
	public static Outcome overall(List<ScriptResult> results) {
		if (results.stream().anyMatch(result -> result.outcome() == Outcome.FAIL)) {
			return Outcome.FAIL;
		}
		return results.stream().anyMatch(result -> result.outcome() == Outcome.ERROR) ? Outcome.ERROR : Outcome.PASS;
	}

	/** Report file names by script, made unique when two scripts share an id. */
	static Map<String, String> fileNames(List<ScriptResult> results) {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		for (ScriptResult result : results) {
			int count = seen.merge(result.scriptId(), 1, Integer::sum);
			String base = result.scriptId().replaceAll("[^A-Za-z0-9._-]", "_") + (count > 1 ? "-" + count : "");
			names.put(key(result), base + ".testreport.json");
		}
		return names;
	}

	private static String key(ScriptResult result) {
		return result.file() + "#" + result.scriptId();
	}

}
