package org.connectathon.platform.tracks;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Comments accepted as change requests, in the columns a specification issue tracker
 * imports (HL7's Jira among them): summary, description, specification, artifact, type,
 * submitter.
 */
final class FeedbackCsv {

	private static final String HEADER = "summary,description,specification,artifact,type,submitter";

	private FeedbackCsv() {
	}

	static String write(Track track, List<Feedback> feedback) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		String specification = specification(track.specification());
		for (Feedback comment : feedback) {
			String artifact = (comment.elementPath() == null) ? comment.artifact() : (comment.artifact() == null)
					? comment.elementPath() : comment.artifact() + " " + comment.elementPath();
			String description = comment.description() + "\n\n(" + track.name() + ", scenario "
					+ comment.scenarioKeyword() + ")";
			csv.append(Stream
				.of(comment.summary(), description, specification, artifact, typeName(comment.type()),
						comment.submitter())
				.map(FeedbackCsv::field)
				.collect(Collectors.joining(","))).append("\r\n");
		}
		return csv.toString();
	}

	private static String specification(Track.Specification specification) {
		if (specification.packageName() == null) {
			return (specification.fhirVersion() != null) ? "FHIR Core " + specification.fhirVersion() : "";
		}
		return (specification.version() != null) ? specification.packageName() + "#" + specification.version()
				: specification.packageName();
	}

	/** The trackers' own words for the types. */
	private static String typeName(FeedbackType type) {
		return switch (type) {
			case QUESTION -> "Question";
			case CLARIFICATION -> "Clarification";
			case ERROR -> "Correction";
			case ENHANCEMENT -> "Enhancement";
		};
	}

	private static String field(String value) {
		if (value == null) {
			return "";
		}
		String text = value;
		// a leading formula character is defused so that spreadsheets show text
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
