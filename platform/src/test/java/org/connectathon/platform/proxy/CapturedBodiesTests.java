package org.connectathon.platform.proxy;

import java.nio.charset.StandardCharsets;

import org.connectathon.platform.proxy.CapturedBodies.Syntax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Captured bodies as the detail page and the HAR file read them. */
class CapturedBodiesTests {

	@Test
	void shouldReadTextByItsContentTypeOrByDecodingWhenItHasNone() {
		assertThat(CapturedBodies.text("application/fhir+json; charset=utf-8", bytes("{\"a\":\"é\"}"), false))
			.isEqualTo("{\"a\":\"é\"}");
		assertThat(CapturedBodies.text("application/pdf", bytes("%PDF"), false)).isNull();
		assertThat(CapturedBodies.text(null, bytes("<Patient/>"), false)).isEqualTo("<Patient/>");
		assertThat(CapturedBodies.text(null, new byte[] { 0x25, 0x00, (byte) 0xff }, false)).isNull();
		assertThat(CapturedBodies.text(null, null, false)).isNull();
	}

	@Test
	void shouldIndentJsonAndOneLineXmlButShowTruncatedOrMalformedBodiesAsTheyCame() {
		assertThat(CapturedBodies.indented("{\"resourceType\":\"Patient\",\"active\":true}", Syntax.JSON, false))
			.isEqualTo("{\n  \"resourceType\" : \"Patient\",\n  \"active\" : true\n}");
		assertThat(CapturedBodies.indented("<Patient xmlns=\"http://hl7.org/fhir\"><active value=\"true\"/></Patient>",
				Syntax.XML, false))
			.isEqualTo("<Patient xmlns=\"http://hl7.org/fhir\">\n  <active value=\"true\"/>\n</Patient>");
		assertThat(CapturedBodies.indented("{\"resourceType\":\"Pat", Syntax.JSON, true))
			.isEqualTo("{\"resourceType\":\"Pat");
		assertThat(CapturedBodies.indented("{\"resourceType\":", Syntax.JSON, false)).isEqualTo("{\"resourceType\":");
	}

	@Test
	void shouldNotReadADocumentTypeInCapturedXml() {
		String external = "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>&x;</p>";

		assertThat(CapturedBodies.indented(external, Syntax.XML, false)).isEqualTo(external);
	}

	@Test
	void shouldTellTheSyntaxByContentTypeOrByTheFirstCharacter() {
		assertThat(Syntax.of("application/fhir+xml", "")).isEqualTo(Syntax.XML);
		assertThat(Syntax.of(null, "  {")).isEqualTo(Syntax.JSON);
		assertThat(Syntax.of("text/plain", "{")).isEqualTo(Syntax.OTHER);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
