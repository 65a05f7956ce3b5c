package org.connectathon.platform.proxy.hl7v2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.conf.ProfileException;
import ca.uhn.hl7v2.Severity;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.model.AbstractGroup;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.validation.CollectingValidationExceptionHandler;
import ca.uhn.hl7v2.validation.DefaultValidator;
import ca.uhn.hl7v2.validation.ValidationException;
import org.connectathon.platform.catalog.Hl7v2ConformanceProfile;
import org.jspecify.annotations.Nullable;

/**
 * Checks one HL7 v2 message against the structures of its version (MSH-12), with HAPI: it
 * must parse; required segments, groups and fields must be there; a field may not repeat
 * more than its structure allows; segments the structure does not expect are reported;
 * and HAPI's default validation rules (formats of dates, numbers and the like) must hold.
 * Each finding names its place, {@code PID-3}, and the line of the segment (one segment a
 * line, as the capture page shows the message).
 */
final class Hl7v2Checks {

	private final HapiContext hapi;

	/**
	 * @param hapi a context with the validation rules to apply (HAPI's default ones); its
	 * parser is set not to validate, so that a message with a broken rule still parses
	 * and every broken rule is reported, not the first one
	 */
	Hl7v2Checks(HapiContext hapi) {
		this.hapi = hapi;
		this.hapi.getParserConfiguration().setValidating(false);
	}

	/**
	 * One finding.
	 *
	 * @param severity {@code fatal}, {@code error}, {@code warning} or
	 * {@code information}
	 * @param location the place, {@code PID-3}, or the segment, {@code PID}; empty for
	 * the whole message
	 * @param line the 1-based line of the segment, null when unknown or missing
	 */
	record Finding(String severity, String location, @Nullable Integer line, String message) {

	}

	/**
	 * The message parsed, with what is wrong with it; the message is null when it did not
	 * parse.
	 */
	record Checked(@Nullable Message message, List<Finding> findings) {

	}

	Checked check(String text) {
		List<Finding> findings = new ArrayList<>();
		Hl7v2Header header = Hl7v2Header.of(text);
		if (header == null) {
			findings.add(new Finding("fatal", "", null,
					"This is not an HL7 v2 message in ER7 (pipe) form:" + " it does not begin with an MSH segment."));
			return new Checked(null, findings);
		}
		String version = header.version();
		if (!Version.supportsVersion(version) || !Version.versionOf(version).available()) {
			findings.add(new Finding("error", "MSH-12", 1,
					"The version " + (version.isEmpty() ? "(empty)" : version)
							+ " is not one the platform has structures for: "
							+ Version.availableVersions().stream().map(Version::getVersion).toList() + "."));
			return new Checked(null, findings);
		}
		String[] lines = Hl7v2Text.segments(text);
		Message message;
		try {
			message = this.hapi.getPipeParser().parse(text);
		}
		catch (HL7Exception | RuntimeException unparsable) {
			// HAPI throws unchecked exceptions on some broken segments too.
			Location location = (unparsable instanceof HL7Exception hl7) ? hl7.getLocation() : null;
			findings.add(new Finding("fatal", place(location), line(lines, location),
					"The message cannot be parsed as HL7 v2." + version + ": " + reason(unparsable)));
			return new Checked(null, findings);
		}
		try {
			new StructureWalk(lines, findings).group(message);
		}
		catch (HL7Exception unreadable) {
			findings.add(new Finding("error", "", null,
					"The message's structure could not be read: " + unreadable.getMessageWithoutLocation()));
		}
		rules(message, lines, findings);
		return new Checked(message, findings);
	}

	/** HAPI's validation rules of the context, collected rather than thrown. */
	private void rules(Message message, String[] lines, List<Finding> findings) {
		CollectingValidationExceptionHandler<Boolean> collected = new CollectingValidationExceptionHandler<>(
				this.hapi) {

			@Override
			public Boolean result() {
				return !hasFailed();
			}

		};
		collected.setMinimumSeverityToCollect(Severity.WARNING);
		DefaultValidator<Boolean> validator = new DefaultValidator<>(this.hapi);
		// Off by default: the parser checks primitives as it reads them, when it
		// validates.
		validator.setValidatePrimitives(true);
		try {
			validator.validate(message, collected);
		}
		catch (HL7Exception | RuntimeException failed) {
			findings.add(new Finding("error", "", null, "HAPI's validation rules could not run: " + reason(failed)));
			return;
		}
		for (ValidationException exception : collected.getExceptions()) {
			Location location = exception.getLocation();
			String severity = (exception.getSeverity() == Severity.WARNING) ? "warning"
					: (exception.getSeverity() == Severity.INFO) ? "information" : "error";
			findings.add(new Finding(severity, place(location), line(lines, location),
					exception.getMessageWithoutLocation()));
		}
	}

	/**
	 * What breaks the conformance profile's static definition (usage, cardinality,
	 * lengths, data types, constant values), each at its place, found by HAPI's
	 * conformance validator.
	 */
	List<Finding> conformance(Message message, String text, Hl7v2ConformanceProfile profile) {
		String[] lines = Hl7v2Text.segments(text);
		List<Finding> findings = new ArrayList<>();
		String source = "[conformance profile " + profile.messageType() + "] ";
		try {
			for (HL7Exception broken : new ca.uhn.hl7v2.conf.check.DefaultValidator(this.hapi).validate(message,
					profile.definition())) {
				Location location = broken.getLocation();
				findings.add(new Finding("error", place(location), line(lines, location),
						source + broken.getMessageWithoutLocation()));
			}
		}
		catch (ProfileException | HL7Exception | RuntimeException failed) {
			findings
				.add(new Finding("error", "", null, source + "the profile could not be applied: " + reason(failed)));
		}
		return findings;
	}

	private static String reason(Exception failure) {
		String reason = (failure instanceof HL7Exception hl7) ? hl7.getMessageWithoutLocation() : failure.getMessage();
		return (reason != null) ? reason : failure.getClass().getSimpleName();
	}

	private static String place(@Nullable Location location) {
		if (location == null || location.isUnknown() || location.getSegmentName() == null) {
			return "";
		}
		return (location.getField() > 0) ? location.getSegmentName() + "-" + location.getField()
				: location.getSegmentName();
	}

	/**
	 * The line of the segment a HAPI location names: its repetition among those so named.
	 */
	private static @Nullable Integer line(String[] lines, @Nullable Location location) {
		if (location == null || location.isUnknown() || location.getSegmentName() == null) {
			return null;
		}
		return lineOf(lines, location.getSegmentName(), Math.max(location.getSegmentRepetition(), 1));
	}

	/** The 1-based line of the n-th segment of that name, null when there is none. */
	static @Nullable Integer lineOf(String[] lines, String segmentName, int occurrence) {
		int seen = 0;
		for (int index = 0; index < lines.length; index++) {
			String line = lines[index];
			if (line.startsWith(segmentName) && (line.length() == segmentName.length()
					|| !Character.isLetterOrDigit(line.charAt(segmentName.length())))) {
				seen++;
				if (seen == occurrence) {
					return index + 1;
				}
			}
		}
		return null;
	}

	/**
	 * Walks the parsed message in the order of its structure, which is the order of its
	 * segments, counting each segment name to find its line.
	 */
	private static final class StructureWalk {

		private final String[] lines;

		private final List<Finding> findings;

		private final Map<String, Integer> seen = new HashMap<>();

		StructureWalk(String[] lines, List<Finding> findings) {
			this.lines = lines;
			this.findings = findings;
		}

		void group(Group group) throws HL7Exception {
			for (String name : group.getNames()) {
				Structure[] repetitions = group.getAll(name);
				boolean present = false;
				for (Structure repetition : repetitions) {
					present |= !repetition.isEmpty();
				}
				boolean nonStandard = (group instanceof AbstractGroup abstractGroup)
						&& abstractGroup.getNonStandardNames().contains(name);
				if (!present) {
					if (!nonStandard && group.isRequired(name) && !group.isChoiceElement(name)) {
						String what = group.isGroup(name) ? "The group " + name : "The segment " + name;
						this.findings.add(new Finding("error", segmentName(name), null,
								what + " is required in " + group.getName() + " and missing."));
					}
					continue;
				}
				for (Structure repetition : repetitions) {
					if (repetition.isEmpty()) {
						continue;
					}
					if (repetition instanceof Group inner) {
						group(inner);
					}
					else if (repetition instanceof Segment segment) {
						segment(segment, nonStandard, group.getName());
					}
				}
			}
		}

		private void segment(Segment segment, boolean nonStandard, String groupName) throws HL7Exception {
			String name = segment.getName();
			int occurrence = this.seen.merge(name, 1, Integer::sum);
			Integer line = lineOf(this.lines, name, occurrence);
			if (nonStandard) {
				this.findings.add(new Finding("warning", name, line,
						"The segment " + name + " is not expected here by the structure " + groupName + "."));
				return;
			}
			int first = name.equals("MSH") ? 3 : 1;
			for (int field = first; field <= segment.numFields(); field++) {
				Type[] repetitions = segment.getField(field);
				boolean empty = Arrays.stream(repetitions).allMatch(StructureWalk::isEmpty);
				String place = name + "-" + field;
				if (empty && segment.isRequired(field)) {
					this.findings.add(new Finding("error", place, line,
							place + " (" + fieldName(segment, field) + ") is required and empty."));
				}
				int maximum = segment.getMaxCardinality(field);
				if (maximum > 0 && repetitions.length > maximum) {
					this.findings.add(new Finding("error", place, line, place + " (" + fieldName(segment, field)
							+ ") repeats " + repetitions.length + " times; at most " + maximum + " are allowed."));
				}
			}
		}

		private static boolean isEmpty(Type type) {
			try {
				return type.isEmpty();
			}
			catch (HL7Exception unreadable) {
				return false;
			}
		}

		private static String fieldName(Segment segment, int field) {
			String[] names = segment.getNames();
			return (field <= names.length) ? names[field - 1] : "field " + field;
		}

		/** A segment's name as it stands in a group ({@code PID}), not as a group's. */
		private static String segmentName(String structureName) {
			return structureName.matches("[A-Z][A-Z0-9]{2}") ? structureName : "";
		}

	}

}
