package org.connectathon.platform.proxy.hl7v2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.catalog.Hl7v2ConformanceProfile;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.proxy.Capture;
import org.connectathon.platform.proxy.CaptureValidation;
import org.connectathon.platform.proxy.CaptureValidationIssue;
import org.connectathon.platform.proxy.CaptureValidationStatus;
import org.connectathon.platform.proxy.CapturedMessage;
import org.connectathon.platform.proxy.MessageValidator;
import org.connectathon.platform.proxy.hl7v2.Hl7v2Checks.Finding;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Validates a captured HL7 v2 message and its acknowledgement: each against the
 * structures of its version ({@link Hl7v2Checks}); the acknowledgement linked to the
 * message (MSA-2 must be the message's MSH-10); and an acknowledgement that reports an
 * error or a rejection (MSA-1 {@code AE}, {@code AR}, {@code CE}, {@code CR}) is a
 * finding with what MSA-3 and the ERR segments say; and the message against the
 * conformance profile that the catalog names for its transaction and message type, if it
 * names one.
 */
@Component
class Hl7v2MessageValidator implements MessageValidator {

	private static final Set<String> NOT_ACCEPTED = Set.of("AE", "AR", "CE", "CR");

	private final Hl7v2Checks checks = new Hl7v2Checks(
			new DefaultHapiContext(ValidationContextFactory.defaultValidation()));

	private final CatalogService catalog;

	Hl7v2MessageValidator(CatalogService catalog) {
		this.catalog = catalog;
	}

	@Override
	public Protocol protocol() {
		return Protocol.HL7V2;
	}

	@Override
	public CaptureValidation validate(Capture capture, Optional<CapturedMessage> request,
			Optional<CapturedMessage> response) {
		String message = text(request);
		if (message == null) {
			return new CaptureValidation(CaptureValidationStatus.SKIPPED, null, null, List.of());
		}
		List<CaptureValidationIssue> issues = new ArrayList<>();
		if (request.get().bodyTruncated()) {
			issues.add(new CaptureValidationIssue(CaptureValidationIssue.REQUEST, "information", "", null, null,
					"The message was longer than the capture keeps; it is not validated."));
		}
		else {
			Hl7v2Checks.Checked checked = this.checks.check(message);
			add(CaptureValidationIssue.REQUEST, checked.findings(), issues);
			Hl7v2ConformanceProfile profile = conformanceProfile(capture, message);
			if (checked.message() != null && profile != null) {
				add(CaptureValidationIssue.REQUEST, this.checks.conformance(checked.message(), message, profile),
						issues);
			}
		}
		String acknowledgement = text(response);
		if (acknowledgement != null && !response.get().bodyTruncated()) {
			add(CaptureValidationIssue.RESPONSE, this.checks.check(acknowledgement).findings(), issues);
			acknowledges(message, acknowledgement, issues);
		}
		return CaptureValidation.of(issues);
	}

	/**
	 * The conformance profile that the capture's transaction names for the message's
	 * type, null when it names none.
	 */
	private @Nullable Hl7v2ConformanceProfile conformanceProfile(Capture capture, String message) {
		Hl7v2Header header = Hl7v2Header.of(message);
		String messageType = (header != null) ? header.messageType() : null;
		if (capture.transactionKeyword() == null || messageType == null) {
			return null;
		}
		return this.catalog.hl7v2Profiles(capture.transactionKeyword())
			.stream()
			.filter((profile) -> profile.messageType().equals(messageType))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The acknowledgement's MSA segment against the message: the control id it names, and
	 * the code it gives.
	 */
	private static void acknowledges(String message, String acknowledgement, List<CaptureValidationIssue> issues) {
		Hl7v2Header header = Hl7v2Header.of(acknowledgement);
		if (header == null) {
			return;
		}
		String[] lines = Hl7v2Text.segments(acknowledgement);
		Integer msaLine = Hl7v2Checks.lineOf(lines, "MSA", 1);
		if (msaLine == null) {
			issues.add(
					issue("error", "MSA", null, "The answer has no MSA segment: it does not acknowledge the message."));
			return;
		}
		String[] msa = fields(lines[msaLine - 1], header.fieldSeparator());
		Hl7v2Header messageHeader = Hl7v2Header.of(message);
		String controlId = (messageHeader != null) ? messageHeader.controlId() : "";
		String acknowledged = msa[2].strip();
		if (!acknowledged.equals(controlId)) {
			issues.add(issue("error", "MSA-2", msaLine, "MSA-2 (" + acknowledged
					+ ") does not name the message acknowledged: its control id, MSH-10, is " + controlId + "."));
		}
		String code = msa[1].strip();
		if (NOT_ACCEPTED.contains(code)) {
			StringBuilder reason = new StringBuilder("The receiver answered " + code
					+ (code.endsWith("R") ? " (rejected)" : " (error)") + " instead of accepting the message");
			if (!msa[3].isBlank()) {
				reason.append(": ").append(msa[3].strip());
			}
			for (String line : lines) {
				if (line.startsWith("ERR" + header.fieldSeparator())) {
					reason.append("; ERR: ").append(errorText(line, header.fieldSeparator()));
				}
			}
			issues.add(issue("error", "MSA-1", msaLine, reason.append('.').toString()));
		}
	}

	/** The non-empty fields of an ERR segment, components read as words. */
	private static String errorText(String segment, char fieldSeparator) {
		List<String> parts = new ArrayList<>();
		String[] fields = fields(segment, fieldSeparator);
		for (int field = 1; field < fields.length; field++) {
			String value = fields[field].replace('^', ' ').replace('&', ' ').strip();
			if (!value.isEmpty()) {
				parts.add(value);
			}
		}
		return String.join(" | ", parts);
	}

	/** A segment's fields, {@code [n]} being field n, with at least four. */
	private static String[] fields(String segment, char fieldSeparator) {
		String[] split = segment.split(Pattern.quote(String.valueOf(fieldSeparator)), -1);
		String[] fields = new String[Math.max(split.length, 4)];
		for (int index = 0; index < fields.length; index++) {
			fields[index] = (index < split.length) ? split[index] : "";
		}
		return fields;
	}

	private static void add(String side, List<Finding> findings, List<CaptureValidationIssue> issues) {
		for (Finding finding : findings) {
			issues.add(new CaptureValidationIssue(side, finding.severity(), finding.location(), finding.line(), null,
					finding.message()));
		}
	}

	private static CaptureValidationIssue issue(String severity, String location, @Nullable Integer line,
			String message) {
		return new CaptureValidationIssue(CaptureValidationIssue.RESPONSE, severity, location, line, null, message);
	}

	private static @Nullable String text(Optional<CapturedMessage> message) {
		return message.map(CapturedMessage::body).map(Hl7v2Text::text).orElse(null);
	}

}
