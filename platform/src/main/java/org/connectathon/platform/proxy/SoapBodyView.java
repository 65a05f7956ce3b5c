package org.connectathon.platform.proxy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.proxy.CaptureDetails.Message;
import org.connectathon.platform.proxy.CapturePageController.SourceLine;
import org.connectathon.platform.proxy.CapturedBodies.Syntax;
import org.connectathon.platform.proxy.soap.SamlAssertion;
import org.connectathon.platform.proxy.soap.SoapAttachment;
import org.connectathon.platform.proxy.soap.SoapMessage;
import org.jspecify.annotations.Nullable;

/**
 * A SOAP body as the capture page shows it: the envelope (the root part of an MTOM
 * message) indented when it came on one line, in three parts so that the page can fold
 * its Header; each line with the issues whose XPath starts on it; the attachments with
 * their download numbers; and the SAML assertion's summary. Null parts when the body is
 * not a SOAP envelope: the page then shows it as any other body.
 *
 * @param firstAttachmentNumber the download number of the first attachment: the
 * response's continue after the request's
 */
record SoapBodyView(@Nullable String version, List<SourceLine> beforeHeader, List<SourceLine> header,
		List<SourceLine> afterHeader, List<CaptureIssue> unplacedIssues, List<Attachment> attachments,
		@Nullable SamlAssertion samlAssertion, @Nullable String problem) {

	/** An attachment with the number it downloads by. */
	record Attachment(int number, String contentId, String contentType, long size) {

	}

	/** Whether the envelope is shown here rather than as any other body. */
	public boolean shown() {
		return !this.beforeHeader.isEmpty();
	}

	static SoapBodyView of(Message message, List<CaptureIssue> issues, int firstAttachmentNumber) {
		SoapMessage soap = read(message);
		List<Attachment> attachments = soap.attachments()
			.stream()
			.map((attachment) -> attachment(attachment, firstAttachmentNumber))
			.toList();
		String envelope = soap.envelope();
		if (envelope == null || message.bodyTruncated()) {
			return new SoapBodyView(null, List.of(), List.of(), List.of(), issues, attachments, null, soap.problem());
		}
		String shown = CapturedBodies.indented(envelope, Syntax.XML, false);
		Map<String, Integer> lines = SoapMessage.elementLines(shown);
		String[] texts = shown.split("\\R", -1);
		List<List<CaptureIssue>> byLine = new ArrayList<>();
		for (int index = 0; index < texts.length; index++) {
			byLine.add(new ArrayList<>());
		}
		List<CaptureIssue> unplaced = new ArrayList<>();
		for (CaptureIssue issue : issues) {
			Integer line = lineOf(issue, lines, shown.equals(envelope));
			if (line != null && line >= 1 && line <= texts.length) {
				byLine.get(line - 1).add(issue);
			}
			else {
				unplaced.add(issue);
			}
		}
		List<SourceLine> numbered = new ArrayList<>();
		for (int index = 0; index < texts.length; index++) {
			numbered.add(new SourceLine(index + 1, texts[index], byLine.get(index)));
		}
		String root = lines.keySet().stream().findFirst().orElse("");
		Integer headerStart = lines.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(root + "/") && entry.getKey().endsWith(":Header")
					&& entry.getKey().indexOf('/', root.length() + 1) < 0)
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		Integer bodyStart = lines.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(root + "/") && entry.getKey().endsWith(":Body")
					&& entry.getKey().indexOf('/', root.length() + 1) < 0)
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
		if (headerStart == null || bodyStart == null || bodyStart <= headerStart) {
			return new SoapBodyView(soap.soapVersion(), numbered, List.of(), List.of(), unplaced, attachments,
					soap.samlAssertion().orElse(null), soap.problem());
		}
		return new SoapBodyView(soap.soapVersion(), numbered.subList(0, headerStart - 1),
				numbered.subList(headerStart - 1, bodyStart - 1), numbered.subList(bodyStart - 1, numbered.size()),
				unplaced, attachments, soap.samlAssertion().orElse(null), soap.problem());
	}

	/**
	 * The line of the issue's element in the text shown; else the line the validator saw,
	 * when the text is shown as it came.
	 */
	private static @Nullable Integer lineOf(CaptureIssue issue, Map<String, Integer> lines, boolean asStored) {
		if (issue.location() != null && lines.containsKey(issue.location())) {
			return lines.get(issue.location());
		}
		return asStored ? issue.line() : null;
	}

	/** The body as stored: the text, or the bytes of a multipart body. */
	static SoapMessage read(Message message) {
		if (message.bodyBase64() != null) {
			return SoapMessage.read(message.contentType(), Base64.getDecoder().decode(message.bodyBase64()));
		}
		return SoapMessage.ofText(message.contentType(), message.bodyText());
	}

	private static Attachment attachment(SoapAttachment attachment, int firstNumber) {
		return new Attachment(firstNumber + attachment.number() - 1, attachment.contentId(), attachment.contentType(),
				attachment.size());
	}

}
