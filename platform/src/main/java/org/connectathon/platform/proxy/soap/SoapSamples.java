package org.connectathon.platform.proxy.soap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.connectathon.platform.proxy.soap.SoapTemplates.Markup;

/**
 * Requests of the IHE SOAP transactions as an initiating system sends them (WS-Addressing
 * headers, a SAML assertion with XSPA attributes, SOAP 1.2), written for the platform:
 * the demo's traffic and the tests send them through the proxy. ITI-41 carries its
 * document as an MTOM/XOP attachment.
 */
public final class SoapSamples {

	/** The SOAP actions of the transactions, by catalog keyword (ITI TF-2). */
	public static final Map<String, String> ACTIONS = Map.of("ITI-18", "urn:ihe:iti:2007:RegistryStoredQuery", "ITI-38",
			"urn:ihe:iti:2007:CrossGatewayQuery", "ITI-39", "urn:ihe:iti:2007:CrossGatewayRetrieve", "ITI-41",
			"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b", "ITI-42", "urn:ihe:iti:2007:RegisterDocumentSet-b",
			"ITI-43", "urn:ihe:iti:2007:RetrieveDocumentSet", "ITI-55",
			"urn:hl7-org:v3:PRPA_IN201305UV02:CrossGatewayPatientDiscovery");

	/** The document that the ITI-41 sample submits. */
	public static final byte[] DOCUMENT = "Discharge summary of Chip Moore, written for the Connectathon demo.\n"
		.getBytes(StandardCharsets.UTF_8);

	// Short, so that the content type fits the 200 characters that captures keep of it.
	private static final String BOUNDARY = "MIMEBoundary_sample";

	private static final String ROOT_ID = "root@example";

	private static final String DOCUMENT_ID = "document1@connectathon.example";

	private SoapSamples() {
	}

	/**
	 * A request to send.
	 *
	 * @param messageId the {@code wsa:MessageID} it carries, {@code urn:uuid:...}
	 */
	public record Sample(String contentType, byte[] body, String messageId) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/**
	 * The transaction's request to the endpoint, its SAML assertion valid for the hour
	 * around {@code now}.
	 * @param keyword ITI-18, 38, 39, 41, 42, 43 or 55
	 */
	public static Sample request(String keyword, String to, OffsetDateTime now) {
		return request(keyword, to, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(55)));
	}

	/** The transaction's request, its SAML assertion valid between the two times. */
	public static Sample request(String keyword, String to, OffsetDateTime notBefore, OffsetDateTime notOnOrAfter) {
		String action = ACTIONS.get(keyword);
		if (action == null) {
			throw new IllegalArgumentException("No sample request for " + keyword);
		}
		String messageId = UUID.randomUUID().toString();
		Map<String, Object> values = new HashMap<>();
		values.put("action", action);
		values.put("messageId", messageId);
		values.put("to", to);
		values.put("security",
				new Markup(SoapTemplates.fill("samples/security-header.xml",
						Map.of("assertionId", UUID.randomUUID().toString(), "notBefore", instant(notBefore),
								"notOnOrAfter", instant(notOnOrAfter)))));
		String template = switch (keyword) {
			case "ITI-18", "ITI-38" -> "samples/adhoc-query-request.xml";
			case "ITI-39", "ITI-43" -> "samples/retrieve-document-set-request.xml";
			case "ITI-41" -> "samples/provide-and-register-request.xml";
			case "ITI-42" -> "samples/register-document-set-request.xml";
			default -> "samples/iti-55-request.xml";
		};
		if (keyword.equals("ITI-41") || keyword.equals("ITI-42")) {
			String documentEntryUuid = UUID.randomUUID().toString();
			values.put("documentEntryUuid", documentEntryUuid);
			values.put("metadata", new Markup(SoapTemplates.fill("samples/submission-metadata.xml",
					Map.of("documentEntryUuid", documentEntryUuid, "submissionSetUuid", UUID.randomUUID().toString(),
							"documentUniqueId", "1.3.6.1.4.1.21367.2026.1.4." + serial(), "submissionSetUniqueId",
							"1.3.6.1.4.1.21367.2026.1.5." + serial(), "hash", XdsMetadataRules.sha1(DOCUMENT), "size",
							Integer.toString(DOCUMENT.length)))));
			values.put("documentContentId", DOCUMENT_ID);
		}
		String envelope = SoapTemplates.fill(template, values);
		if (!keyword.equals("ITI-41")) {
			return new Sample("application/soap+xml; charset=UTF-8; action=\"" + action + "\"",
					envelope.getBytes(StandardCharsets.UTF_8), "urn:uuid:" + messageId);
		}
		return new Sample(mtomContentType(action), mtom(envelope, DOCUMENT), "urn:uuid:" + messageId);
	}

	/** A number to make unique ids of the samples differ from one run to the next. */
	private static String serial() {
		return Long.toString(System.nanoTime() & 0xffffffffL);
	}

	private static String mtomContentType(String action) {
		return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY + "\"; start=\"<" + ROOT_ID
				+ ">\"; start-info=\"application/soap+xml\"; action=\"" + action + "\"";
	}

	/** The envelope and the document as MTOM's two MIME parts. */
	private static byte[] mtom(String envelope, byte[] document) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String root = "--" + BOUNDARY + "\r\n"
				+ "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
				+ "Content-Transfer-Encoding: binary\r\nContent-ID: <" + ROOT_ID + ">\r\n\r\n";
		body.writeBytes(root.getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(envelope.getBytes(StandardCharsets.UTF_8));
		String attachment = "\r\n--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n"
				+ "Content-Transfer-Encoding: binary\r\nContent-ID: <" + DOCUMENT_ID + ">\r\n\r\n";
		body.writeBytes(attachment.getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(document);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	private static String instant(OffsetDateTime time) {
		return time.withOffsetSameInstant(ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.SECONDS)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
