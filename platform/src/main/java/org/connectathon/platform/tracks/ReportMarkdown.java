package org.connectathon.platform.tracks;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A track's report-out as Markdown to paste into the event's wiki (Confluence and
 * GitHub-flavoured tables). Participants' text is escaped so that it cannot break a table
 * or start markup of its own.
 */
final class ReportMarkdown {

	private ReportMarkdown() {
	}

	static String write(Report report) {
		StringBuilder markdown = new StringBuilder();
		markdown.append("# ").append(text(report.trackName())).append(" - track report-out\n\n");
		if (!report.specificationLabel().isEmpty()) {
			markdown.append("Specification: ").append(text(report.specificationLabel())).append("  \n");
		}
		if (report.workGroup() != null) {
			markdown.append("Work group: ").append(text(report.workGroup())).append("  \n");
		}
		markdown.append("Track leads: ").append(text(String.join(", ", report.leads()))).append("\n\n");

		markdown.append("## Participants\n\n| Role | Systems |\n|---|---|\n");
		for (Report.RoleParticipants role : report.participants()) {
			markdown.append("| ")
				.append(text(role.roleName()))
				.append(" | ")
				.append(role.systems().isEmpty() ? "none" : text(String.join(", ", role.systems())))
				.append(" |\n");
		}

		markdown.append(
				"\n## Scenarios\n\n| Scenario | Pairs | Pass | Fail | Partial | Note |\n|---|---|---|---|---|---|\n");
		for (Report.ScenarioSummary scenario : report.scenarios()) {
			markdown.append("| ")
				.append(text(scenario.keyword() + ": " + scenario.action()))
				.append(" | ")
				.append(scenario.pairs());
			for (ScenarioResultOutcome outcome : ScenarioResultOutcome.values()) {
				markdown.append(" | ").append(scenario.counts().get(outcome));
			}
			markdown.append(" |\n");
		}
		markdown.append("| **All scenarios** | ")
			.append(report.scenarios().stream().mapToInt(Report.ScenarioSummary::pairs).sum());
		for (ScenarioResultOutcome outcome : ScenarioResultOutcome.values()) {
			markdown.append(" | ").append(report.counts().get(outcome));
		}
		markdown.append(" |\n");

		markdown.append("\n## Notable findings\n\n");
		if (report.findings().isEmpty()) {
			markdown.append("None recorded.\n");
		}
		for (Report.Finding finding : report.findings()) {
			markdown.append("- **")
				.append(finding.result())
				.append("** ")
				.append(text(finding.scenarioKeyword() + ", " + finding.clientSystemName() + " with "
						+ finding.serverSystemName()))
				.append(optional(": ", finding.comment()))
				.append(links(finding.links()))
				.append('\n');
		}

		markdown.append("\n## Feedback on the specification\n\n");
		if (report.feedback().isEmpty()) {
			markdown.append("None recorded.\n");
		}
		for (Feedback comment : report.feedback()) {
			markdown.append("- ")
				.append(comment.type())
				.append(": ")
				.append(text(comment.summary()))
				.append(optional(" (", comment.artifact()))
				.append((comment.artifact() != null) ? ")" : "")
				.append(" - ")
				.append((comment.triage() != null) ? comment.triage() : "not triaged yet")
				.append('\n');
		}
		return markdown.toString();
	}

	private static String optional(String prefix, @Nullable String value) {
		return (value == null) ? "" : prefix + text(value);
	}

	private static String links(List<String> links) {
		return links.isEmpty() ? "" : " ("
				+ links.stream().map((link) -> "<" + link.replace(">", "%3E") + ">").collect(Collectors.joining(", "))
				+ ")";
	}

	/** Markup characters escaped, lines joined: one item stays one item. */
	private static String text(String value) {
		return value.replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
	}

}
