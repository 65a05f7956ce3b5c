package org.connectathon.platform.proxy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The action of a SOAP request is found where SOAP 1.1, SOAP 1.2 and WS-Addressing put
 * it, in a plain or an MTOM body, and nothing else is taken for one.
 */
class SoapActionTests {

	private static final String QUERY = "urn:ihe:iti:2007:CrossGatewayQuery";

	@Test
	void shouldReadTheActionFromTheSoapActionHeaderOrTheContentTypesActionParameter() {
		assertThat(SoapAction.fromHeaders("\"" + QUERY + "\"", "text/xml")).isEqualTo(QUERY);
		assertThat(SoapAction.fromHeaders(null, "application/soap+xml; charset=UTF-8; action=\"" + QUERY + "\""))
			.isEqualTo(QUERY);
		assertThat(SoapAction.fromHeaders("\"\"",
				"multipart/related; type=\"application/xop+xml\"; start-info=\"application/soap+xml\"; action=\""
						+ QUERY + "\""))
			.as("an empty SOAPAction leaves the content type to say")
			.isEqualTo(QUERY);
		assertThat(SoapAction.fromHeaders(null, "application/soap+xml")).isNull();
	}

	@Test
	void shouldReadTheWsAddressingActionFromAPlainOrAnMtomEnvelope() {
		String envelope = """
				<?xml version="1.0" encoding="UTF-8"?>
				<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
				  <s:Header><a:MessageID>urn:uuid:1</a:MessageID><a:Action> %s </a:Action></s:Header>
				  <s:Body/>
				</s:Envelope>"""
			.formatted(QUERY);
		String mtom = "--MIMEBoundary_1\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\""
				+ "\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n"
				+ envelope.substring(envelope.indexOf('\n') + 1)
				+ "\r\n--MIMEBoundary_1\r\nContent-Type: text/xml\r\n\r\n<ClinicalDocument/>\r\n--MIMEBoundary_1--";

		assertThat(SoapAction.fromBody(null, bytes(envelope))).isEqualTo(QUERY);
		assertThat(SoapAction.fromBody(null, bytes(mtom))).isEqualTo(QUERY);
	}

	@Test
	void shouldReadTheActionFromTheRootPartThatAnMtomContentTypeNamesWhereverItIs() {
		String envelope = """
				<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
				  <s:Header><a:Action>%s</a:Action></s:Header><s:Body/>
				</s:Envelope>"""
			.formatted(QUERY);
		String mtom = "A preamble that MIME readers skip.\r\n--b1\r\nContent-Type: text/plain\r\nContent-ID: <doc>\r\n\r\n"
				+ "<not-the-envelope/>\r\n--b1\r\nContent-Type: application/xop+xml; type=\"application/soap+xml\"\r\n"
				+ "Content-ID: <root>\r\n\r\n" + envelope + "\r\n--b1--\r\n";

		assertThat(SoapAction.fromBody("multipart/related; type=\"application/xop+xml\"; boundary=b1; start=\"<root>\"",
				bytes(mtom)))
			.isEqualTo(QUERY);
	}

	@Test
	void shouldFindNoActionInABodyThatHasNoneOrIsNotXml() {
		String actionInTheBody = """
				<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
				  <s:Header/><s:Body><a:Action>urn:not:the:header</a:Action></s:Body>
				</s:Envelope>""";
		String withExternalEntity = """
				<?xml version="1.0"?>
				<!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/hostname">]>
				<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
				  <s:Header><a:Action>&x;</a:Action></s:Header><s:Body/>
				</s:Envelope>""";

		assertThat(SoapAction.fromBody(null, bytes(actionInTheBody))).isNull();
		assertThat(SoapAction.fromBody(null, bytes("{\"resourceType\": \"Patient\"}"))).isNull();
		assertThat(SoapAction.fromBody(null, bytes("<s:Envelope><unclosed"))).isNull();
		assertThat(SoapAction.fromBody(null, null)).isNull();
		assertThat(SoapAction.fromBody(null, bytes(withExternalEntity))).as("no entity is read from elsewhere")
			.isNull();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
