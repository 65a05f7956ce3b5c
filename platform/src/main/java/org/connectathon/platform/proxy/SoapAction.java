package org.connectathon.platform.proxy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.connectathon.platform.proxy.soap.SoapMessage;
import org.jspecify.annotations.Nullable;

/**
 * The action of a SOAP request, which names its IHE transaction: SOAP 1.1 gives it in the
 * {@code SOAPAction} header, SOAP 1.2 in the {@code action} parameter of the content
 * type, and IHE requires it as well in the WS-Addressing {@code Action} header of the
 * envelope, which is read when the HTTP headers leave it out.
 */
final class SoapAction {

	static final String WS_ADDRESSING = "http://www.w3.org/2005/08/addressing";

	private static final Pattern ACTION_PARAMETER = Pattern.compile("(?i)(?:^|;)\\s*action\\s*=\\s*\"?([^\";]+)\"?");

	/** A body needs no more than its envelope's header to give the action. */
	private static final XMLInputFactory XML = XMLInputFactory.newFactory();

	static {
		// A captured body is whatever a client sent: no DTD, no entity from elsewhere.
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	private SoapAction() {
	}

	/**
	 * The action the HTTP headers give, null when they give none.
	 * @param soapActionHeader the {@code SOAPAction} header, quoted or not
	 * @param contentType the request's content type, whose {@code action} parameter SOAP
	 * 1.2 (and MTOM's {@code multipart/related}) carries
	 */
	static @Nullable String fromHeaders(@Nullable String soapActionHeader, @Nullable String contentType) {
		if (soapActionHeader != null) {
			String action = soapActionHeader.strip().replace("\"", "").strip();
			if (!action.isEmpty()) {
				return action;
			}
		}
		if (contentType != null) {
			Matcher parameter = ACTION_PARAMETER.matcher(contentType);
			if (parameter.find()) {
				return parameter.group(1).strip();
			}
		}
		return null;
	}

	/**
	 * The WS-Addressing action in the envelope's header, null when the body has none or
	 * is not XML. An MTOM body is read from its root part, the envelope; without a
	 * content type, from its first part, which follows the first blank line after the
	 * MIME boundary.
	 */
	static @Nullable String fromBody(@Nullable String contentType, byte @Nullable [] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			// MTOM: the envelope is the root part that the start parameter names,
			// wherever it is.
			String envelope = SoapMessage.read(contentType, body).envelope();
			return (envelope != null) ? fromBody(null, envelope.getBytes(StandardCharsets.UTF_8)) : null;
		}
		int start = envelopeStart(body);
		if (start < 0) {
			return null;
		}
		try {
			XMLStreamReader reader = XML
				.createXMLStreamReader(new ByteArrayInputStream(body, start, body.length - start));
			try {
				return action(reader);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException | RuntimeException notXml) {
			return null;
		}
	}

	private static @Nullable String action(XMLStreamReader reader) throws XMLStreamException {
		while (reader.hasNext()) {
			if (reader.next() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			String name = reader.getLocalName();
			if (name.equals("Action") && WS_ADDRESSING.equals(reader.getNamespaceURI())) {
				return reader.getElementText().strip();
			}
			if (name.equals("Body")) {
				// The header comes before the body: there is no action.
				return null;
			}
		}
		return null;
	}

	private static int envelopeStart(byte[] body) {
		int first = 0;
		while (first < body.length && Character.isWhitespace(body[first])) {
			first++;
		}
		if (first < body.length && body[first] == '<') {
			return first;
		}
		String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
		if (!head.startsWith("--") && !head.toLowerCase(Locale.ROOT).contains("content-type")) {
			return -1;
		}
		int blankLine = head.indexOf("\r\n\r\n");
		return (blankLine < 0) ? -1 : blankLine + 4;
	}

}
