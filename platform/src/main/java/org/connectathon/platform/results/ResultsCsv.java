package org.connectathon.platform.results;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The results matrix as CSV (RFC 4180), one row per actor registration. */
final class ResultsCsv {

	private static final String HEADER = "organization,system,profile,actor,option,testing,grade,computed grade,"
			+ "override reason,required roles,satisfied roles,verified instances,needed instances,percent verified,"
			+ "waiting,partially verified,failed,partners used,partners available";

	private ResultsCsv() {
	}

	static String write(List<RegistrationResult> results) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (RegistrationResult result : results) {
			Indicators indicators = result.indicators();
			csv.append(Stream
				.of(result.organizationName(), result.systemName(), result.profileKeyword(), result.actorKeyword(),
						result.optionKeyword(), result.testingType(), result.grade(), result.computedGrade(),
						result.overrideReason(), indicators.requiredRoles(), indicators.satisfiedRoles(),
						indicators.verifiedInstances(), indicators.neededInstances(), indicators.percentVerified(),
						indicators.waiting(), indicators.partiallyVerified(), indicators.failed(),
						indicators.partnersUsed(), indicators.partnersAvailable())
				.map(ResultsCsv::field)
				.collect(Collectors.joining(","))).append("\r\n");
		}
		return csv.toString();
	}

	private static String field(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		// Quoted when needed; a leading formula character is defused so that spreadsheets
		// show text.
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
