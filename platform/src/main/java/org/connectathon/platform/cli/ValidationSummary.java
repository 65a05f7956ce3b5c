package org.connectathon.platform.cli;

import java.io.PrintWriter;
import java.util.List;

import org.connectathon.engine.validation.ValidationIssue;
import org.connectathon.platform.cli.ValidateCommand.FileResult;

/**
 * The console summary of {@code connectathon validate}: one line per file, its errors
 * beneath it with location and position, and a total. Warnings are counted, not listed
 * (the {@code --out} OperationOutcome has them all), so that the errors stand out.
 */
class ValidationSummary {

	private final List<FileResult> results;

	private final double seconds;

	ValidationSummary(List<FileResult> results, double seconds) {
		this.results = results;
		this.seconds = seconds;
	}

	boolean hasErrors() {
		return results.stream().anyMatch(result -> !result.report().isValid());
	}

	void print(PrintWriter out) {
		long errors = 0;
		long warnings = 0;
		long invalid = 0;
		for (FileResult result : results) {
			long fileErrors = result.report().errorCount();
			long fileWarnings = result.report().warningCount();
			errors += fileErrors;
			warnings += fileWarnings;
			invalid += fileErrors > 0 ? 1 : 0;
			out.printf("%s %s: %s, %s%n", fileErrors > 0 ? "FAIL" : "ok  ", result.path(), count(fileErrors, "error"),
					count(fileWarnings, "warning"));
			for (ValidationIssue issue : result.report().errors()) {
				out.printf("     %s%s%s: %s%n", issue.severity().code(),
						issue.location().isEmpty() ? "" : " " + issue.location(), position(issue), issue.message());
			}
		}
		out.printf("%s: %d valid, %d with errors; %s, %s; %.1f s%n", count(results.size(), "file"),
				results.size() - invalid, invalid, count(errors, "error"), count(warnings, "warning"), seconds);
		out.flush();
	}

	private static String position(ValidationIssue issue) {
		if (issue.line() == null) {
			return "";
		}
		return " (line " + issue.line() + (issue.column() == null ? "" : ", column " + issue.column()) + ")";
	}

	private static String count(long count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

}
