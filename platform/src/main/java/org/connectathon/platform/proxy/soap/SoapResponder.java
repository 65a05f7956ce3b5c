package org.connectathon.platform.proxy.soap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.connectathon.platform.proxy.soap.SoapTemplates.Markup;
import org.connectathon.platform.proxy.soap.SoapTransaction.Names;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The platform's own responding system for the IHE SOAP transactions, for tests, the demo
 * and no-peer steps: it answers ITI-18 and ITI-38 with an empty AdhocQueryResponse,
 * ITI-39 and ITI-43 with each requested document (a line of text), ITI-41 and ITI-42 with
 * a RegistryResponse, ITI-55 with a PRPA_IN201306UV02 that found no patient; each with a
 * status of Success, valid against its schema, in the request's SOAP version, its
 * {@code wsa:RelatesTo} the request's MessageID. Anything else gets a SOAP 1.2 Fault. It
 * keeps nothing.
 */
@Component
class SoapResponder {

	private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private static final String UNSPECIFIED = "http://www.w3.org/2005/08/addressing/unspecified";

	/** The answer: an HTTP status, a content type and an envelope. */
	record Answer(int status, String contentType, String envelope) {

	}

	Answer answer(@Nullable String contentType, byte @Nullable [] body, @Nullable String soapAction) {
		SoapMessage message = SoapMessage.read(contentType, body);
		if (message.envelope() == null) {
			return fault(null, "InvalidAddressingHeader",
					(message.problem() != null) ? message.problem() : "The request has no SOAP envelope.");
		}
		SoapEnvelope envelope;
		try {
			envelope = new SoapEnvelope(XmlPaths.document(message.envelope()));
		}
		catch (SAXException | IOException malformed) {
			return fault(null, "InvalidAddressingHeader",
					"The request is not well-formed XML: " + malformed.getMessage());
		}
		String relatesTo = envelope.addressingValue("MessageID").orElse(UNSPECIFIED);
		if (envelope.version() == null || envelope.bodyElement().isEmpty()) {
			return fault(relatesTo, "InvalidAddressingHeader", "The request is not a SOAP envelope with a body.");
		}
		String action = envelope.addressingValue("Action").orElseGet(() -> actionOf(contentType, soapAction));
		if (action == null) {
			return fault(relatesTo, "MessageAddressingHeaderRequired", "The request names no action.");
		}
		Element request = envelope.bodyElement().orElseThrow();
		String answerBody = switch (action) {
			case "urn:ihe:iti:2007:RegistryStoredQuery", "urn:ihe:iti:2007:CrossGatewayQuery" ->
				SoapTemplates.fill("responses/adhoc-query-response.xml", Map.of());
			case "urn:ihe:iti:2007:CrossGatewayRetrieve", "urn:ihe:iti:2007:RetrieveDocumentSet" ->
				SoapTemplates.fill("responses/retrieve-document-set-response.xml",
						Map.of("documents", new Markup(documents(request))));
			case "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b", "urn:ihe:iti:2007:RegisterDocumentSet-b" ->
				SoapTemplates.fill("responses/registry-response.xml", Map.of());
			case "urn:hl7-org:v3:PRPA_IN201305UV02:CrossGatewayPatientDiscovery" ->
				SoapTemplates.fill("responses/patient-discovery-response.xml",
						Map.of("messageId", UUID.randomUUID().toString(), "creationTime",
								HL7_TIME.format(OffsetDateTime.now(ZoneOffset.UTC)), "requestId",
								SoapEnvelope.child(request, Names.HL7V3, "id")
									.map((id) -> id.getAttribute("extension"))
									.orElse("")));
			default -> null;
		};
		if (answerBody == null) {
			return fault(relatesTo, "ActionNotSupported", "The responder does not answer " + action + ".");
		}
		boolean soap11 = "1.1".equals(envelope.version());
		String responseAction = SoapTransaction.responseAction(action);
		Map<String, Object> values = new HashMap<>();
		values.put("soapNamespace", soap11 ? SoapEnvelope.SOAP_11 : SoapEnvelope.SOAP_12);
		values.put("action", responseAction);
		values.put("messageId", UUID.randomUUID().toString());
		values.put("relatesTo", relatesTo);
		values.put("body", new Markup(answerBody));
		return new Answer(200,
				soap11 ? "text/xml; charset=UTF-8"
						: "application/soap+xml; charset=UTF-8; action=\"" + responseAction + "\"",
				SoapTemplates.fill("responses/envelope.xml", values));
	}

	/** One DocumentResponse for each DocumentRequest, the document a line of text. */
	private static String documents(Element request) {
		StringBuilder documents = new StringBuilder();
		for (Element wanted : SoapEnvelope.children(request, Names.XDS_B, "DocumentRequest")) {
			String documentId = text(wanted, "DocumentUniqueId").orElse("");
			Optional<String> community = text(wanted, "HomeCommunityId");
			Map<String, Object> values = new HashMap<>();
			values.put("homeCommunityId", new Markup(community
				.map((id) -> "        <xdsb:HomeCommunityId>" + SoapTemplates.escaped(id) + "</xdsb:HomeCommunityId>\n")
				.orElse("")));
			values.put("repositoryUniqueId", text(wanted, "RepositoryUniqueId").orElse(""));
			values.put("documentUniqueId", documentId);
			values.put("document",
					Base64.getEncoder()
						.encodeToString(("Document " + documentId + ", from the Connectathon SOAP responder.\n")
							.getBytes(StandardCharsets.UTF_8)));
			documents.append(SoapTemplates.fill("responses/document-response.xml", values));
		}
		return documents.toString();
	}

	private static Optional<String> text(Element parent, String name) {
		return SoapEnvelope.child(parent, Names.XDS_B, name)
			.map((element) -> element.getTextContent().strip())
			.filter((value) -> !value.isEmpty());
	}

	/**
	 * The action of a request without WS-Addressing: the SOAP 1.2 parameter, or SOAP
	 * 1.1's header.
	 */
	private static @Nullable String actionOf(@Nullable String contentType, @Nullable String soapAction) {
		if (soapAction != null && !soapAction.isBlank()) {
			return soapAction.strip().replace("\"", "");
		}
		if (contentType != null) {
			for (String parameter : contentType.split(";")) {
				String[] pair = parameter.strip().split("=", 2);
				if (pair.length == 2 && pair[0].equalsIgnoreCase("action")) {
					return pair[1].replace("\"", "").strip();
				}
			}
		}
		return null;
	}

	private static Answer fault(@Nullable String relatesTo, String subcode, String reason) {
		Map<String, Object> values = new HashMap<>();
		values.put("messageId", UUID.randomUUID().toString());
		values.put("relatesTo", new Markup((relatesTo != null)
				? "    <wsa:RelatesTo>" + SoapTemplates.escaped(relatesTo) + "</wsa:RelatesTo>\n" : ""));
		values.put("subcode", subcode);
		values.put("reason", reason);
		return new Answer(400, "application/soap+xml; charset=UTF-8",
				SoapTemplates.fill("responses/fault.xml", values));
	}

}
