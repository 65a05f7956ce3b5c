package org.connectathon.platform.proxy.hl7v2;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.NanoTimeGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Acknowledgements that the platform itself sends: the relay's rejection when it cannot
 * deliver a message, and the responder's answers. HAPI builds them from the parsed
 * message, as the message's version wants them (MSA-3 before 2.5, an ERR segment after);
 * a message HAPI cannot parse (a version it lacks, a broken segment) gets one written
 * from its MSH, so that the sender always learns why.
 */
final class Hl7v2Acknowledgements {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private final PipeParser parser;

	Hl7v2Acknowledgements(HapiContext hapi) {
		// HAPI's default numbers acknowledgements from a file it writes in the working
		// directory; a server has no business there.
		hapi.getParserConfiguration().setIdGenerator(new NanoTimeGenerator());
		this.parser = hapi.getPipeParser();
	}

	/**
	 * An ACK with {@code AR} saying why the message was not delivered, for a message
	 * whose control id is known; null when the text has no MSH to answer.
	 */
	@Nullable String rejection(String message, String reason) {
		Hl7v2Header header = Hl7v2Header.of(message);
		if (header == null) {
			return null;
		}
		try {
			Message parsed = this.parser.parse(message);
			return this.parser.encode(parsed.generateACK(AcknowledgmentCode.AR,
					new HL7Exception(reason, ErrorCode.APPLICATION_INTERNAL_ERROR)));
		}
		catch (HL7Exception | IOException | RuntimeException unparsable) {
			// HAPI throws unchecked exceptions on some broken messages too.
			String text = plain(reason);
			return writtenHeader(header, "ACK^" + header.component(9, 2) + "^ACK") + "\rMSA|AR|" + header.controlId()
					+ "|" + text + "\rERR|||207^Application internal error^HL70357|E||||" + text + "\r";
		}
	}

	/**
	 * The responder's answer: an RSP with one patient to a PDQ (QBP^Q22) or PIX (QBP^Q23)
	 * query, an ACK {@code AA} to anything else.
	 * @throws HL7Exception when HAPI cannot parse a message that is neither query
	 */
	String answer(String message) throws HL7Exception {
		Hl7v2Header header = Hl7v2Header.of(message);
		String type = (header != null) ? header.messageType() : null;
		if (header != null && ("QBP^Q22".equals(type) || "QBP^Q23".equals(type))) {
			return queryResponse(message, header, type.endsWith("Q22"));
		}
		Message parsed = this.parser.parse(message);
		try {
			return this.parser.encode(parsed.generateACK());
		}
		catch (IOException cannotBuild) {
			throw new HL7Exception(cannotBuild);
		}
	}

	private static String queryResponse(String message, Hl7v2Header header, boolean demographics) {
		String queryTag = "";
		String queryParameters = "QPD";
		for (String segment : Hl7v2Text.segments(message)) {
			if (segment.startsWith("QPD")) {
				queryParameters = segment;
				String[] fields = segment.split("\\|", -1);
				queryTag = (fields.length > 2) ? fields[2] : "";
			}
		}
		String patient = demographics
				? "PID|1||PAT-0001^^^DEMO&1.3.6.1.4.1.21367.13.20.1000&ISO^PI||Doe^Jane||19800101|F"
				: "PID|||PAT-0001^^^DEMO&1.3.6.1.4.1.21367.13.20.1000&ISO^PI||~^^^^^^S";
		String type = demographics ? "RSP^K22^RSP_K21" : "RSP^K23^RSP_K23";
		return writtenHeader(header, type) + "\rMSA|AA|" + header.controlId() + "\rQAK|" + queryTag + "|OK\r"
				+ queryParameters + "\r" + patient + "\r";
	}

	/** An MSH answering the given one: applications and facilities swapped. */
	private static String writtenHeader(Hl7v2Header header, String messageType) {
		String version = header.version().isEmpty() ? "2.5" : header.version();
		String processing = header.field(11).isEmpty() ? "P" : header.field(11);
		return "MSH|^~\\&|" + header.field(5) + "|" + header.field(6) + "|" + header.field(3) + "|" + header.field(4)
				+ "|" + ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP) + "||" + messageType + "|"
				+ UUID.randomUUID().toString().substring(0, 20) + "|" + processing + "|" + version;
	}

	/** The reason without HL7 separators, so that it stays one field. */
	private static String plain(String reason) {
		return reason.replaceAll("[|^~\\\\&\r\n]", " ");
	}

}
