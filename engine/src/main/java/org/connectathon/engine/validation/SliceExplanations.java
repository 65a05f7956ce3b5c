package org.connectathon.engine.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * Says why a required slice chosen by profile was not found. When a profile slices
 * {@code Bundle.entry} by {@code resource.conformsTo(profile)}, as IPS does for its
 * Composition, a Composition missing its subject only yields
 * {@code Slice 'Bundle.entry:composition': a matching
 * slice is required, but not found}: the validator tried the entry against the slice's
 * profile, kept the reasons to itself, and moved on. For each entry of the slice's type
 * that failed that check, this validates the entry's resource against the slice's profile
 * on its own and reports its errors at their place in the whole input, e.g.
 * {@code Bundle.entry[0].resource.subject}. It costs nothing for valid input: it only
 * runs when such a slice error was reported.
 */
final class SliceExplanations {

	private static final Pattern REQUIRED_SLICE_MISSING = Pattern
		.compile("^Slice '[^']*:([^':]+)': a matching slice is required, but not found");

	private static final Pattern SLICE_BY_PROFILE = Pattern
		.compile("^Does not match slice '([^']+)' \\(discriminator: .*resource\\.conformsTo\\('([^']+)'\\)");

	/** Bounds the work on input that fails many slices at once. */
	private static final int MAX_EXPLAINED = 10;

	private SliceExplanations() {
	}

	/**
	 * The explaining errors, in the order of the entries concerned; empty when no
	 * required slice chosen by profile is missing or the input is not JSON.
	 * @param validator validates a resource's JSON against a profile
	 */
	static List<ValidationIssue> explain(String content, List<SingleValidationMessage> messages,
			List<ValidationIssue> reported, BiFunction<String, String, ValidationReport> validator) {
		Set<String> missingSlices = new HashSet<>();
		for (SingleValidationMessage message : messages) {
			Matcher matcher = REQUIRED_SLICE_MISSING.matcher(String.valueOf(message.getMessage()));
			if (message.getSeverity() == ResultSeverityEnum.ERROR && matcher.find()) {
				missingSlices.add(matcher.group(1));
			}
		}
		if (missingSlices.isEmpty() || !content.stripLeading().startsWith("{")) {
			return List.of();
		}
		Set<String> alreadyReported = new HashSet<>();
		reported.forEach(issue -> alreadyReported.add(issue.location() + "|" + issue.message()));
		List<ValidationIssue> explanations = new ArrayList<>();
		int explained = 0;
		for (SingleValidationMessage message : messages) {
			if (explained == MAX_EXPLAINED || !message.hasSliceMessages() || message.getLocationString() == null) {
				continue;
			}
			List<String> sliceMessages = message.getSliceMessages();
			for (int index = 0; index + 1 < sliceMessages.size(); index++) {
				Matcher matcher = SLICE_BY_PROFILE.matcher(sliceMessages.get(index));
				// "Details for ..." follows only when the entry had the slice's type and
				// was checked against its profile
				if (matcher.find() && missingSlices.contains(matcher.group(1))
						&& sliceMessages.get(index + 1).startsWith("Details for")) {
					String location = message.getLocationString() + ".resource";
					explanations.addAll(explainEntry(content, location, matcher.group(1), matcher.group(2), validator,
							alreadyReported));
					explained++;
				}
			}
		}
		return explanations;
	}

	private static List<ValidationIssue> explainEntry(String content, String location, String slice, String profile,
			BiFunction<String, String, ValidationReport> validator, Set<String> alreadyReported) {
		Optional<JsonLocator.Located> located = JsonLocator.locate(content, location);
		if (located.isEmpty()) {
			return List.of();
		}
		JsonLocator.Located resource = located.get();
		List<ValidationIssue> explanations = new ArrayList<>();
		for (ValidationIssue issue : validator.apply(resource.json(), profile).errors()) {
			String path = location + withoutResourceType(issue.location());
			String message = "Does not conform to " + profile + ", so fills no slice '" + slice + "': "
					+ issue.message();
			if (alreadyReported.contains(path + "|" + issue.message())) {
				continue;
			}
			Integer line = issue.line() == null ? null : resource.lineInWhole(issue.line());
			Integer column = issue.line() == null || issue.column() == null ? null
					: resource.columnInWhole(issue.line(), issue.column());
			explanations.add(new ValidationIssue(issue.severity(), path, line, column, message, issue.messageId()));
		}
		return explanations;
	}

	/**
	 * {@code Composition.subject} becomes {@code .subject}; {@code Composition} becomes
	 * nothing.
	 */
	private static String withoutResourceType(String location) {
		int dot = location.indexOf('.');
		return dot < 0 ? "" : location.substring(dot);
	}

}
