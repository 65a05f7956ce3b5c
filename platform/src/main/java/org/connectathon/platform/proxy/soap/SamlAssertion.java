package org.connectathon.platform.proxy.soap;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * What a monitor reads of the SAML 2.0 assertion in a request's WS-Security header: who
 * issued it, whom it is about, its validity period and its attributes (XSPA's subject
 * role, organization, purpose of use...). A coded attribute value (an HL7 v3
 * {@code PurposeOfUse} or {@code Role} element) reads as its code and display name.
 *
 * @param notBefore the {@code Conditions/@NotBefore}, null when absent or unreadable
 * @param notOnOrAfter the {@code Conditions/@NotOnOrAfter}, null when absent or
 * unreadable
 * @param path the assertion's XPath in the envelope
 */
public record SamlAssertion(@Nullable String issuer, @Nullable String subject, @Nullable String notBeforeText,
		@Nullable String notOnOrAfterText, @Nullable OffsetDateTime notBefore, @Nullable OffsetDateTime notOnOrAfter,
		List<Attribute> attributes, String path) {

	public SamlAssertion {
		attributes = List.copyOf(attributes);
	}

	/** One attribute: its name (a URN for XSPA attributes) and its values as text. */
	public record Attribute(String name, List<String> values) {

		public Attribute {
			values = List.copyOf(values);
		}

	}

	static SamlAssertion of(Element assertion) {
		String issuer = SoapEnvelope.child(assertion, SoapEnvelope.SAML, "Issuer")
			.map((element) -> element.getTextContent().strip())
			.orElse(null);
		String subject = SoapEnvelope.child(assertion, SoapEnvelope.SAML, "Subject")
			.flatMap((element) -> SoapEnvelope.child(element, SoapEnvelope.SAML, "NameID"))
			.map((element) -> element.getTextContent().strip())
			.orElse(null);
		Optional<Element> conditions = SoapEnvelope.child(assertion, SoapEnvelope.SAML, "Conditions");
		String notBefore = conditions.map((element) -> element.getAttribute("NotBefore"))
			.filter((text) -> !text.isBlank())
			.orElse(null);
		String notOnOrAfter = conditions.map((element) -> element.getAttribute("NotOnOrAfter"))
			.filter((text) -> !text.isBlank())
			.orElse(null);
		List<Attribute> attributes = new ArrayList<>();
		for (Element statement : SoapEnvelope.children(assertion, SoapEnvelope.SAML, "AttributeStatement")) {
			for (Element attribute : SoapEnvelope.children(statement, SoapEnvelope.SAML, "Attribute")) {
				attributes.add(new Attribute(attribute.getAttribute("Name"),
						SoapEnvelope.children(attribute, SoapEnvelope.SAML, "AttributeValue")
							.stream()
							.map(SamlAssertion::valueText)
							.toList()));
			}
		}
		return new SamlAssertion(issuer, subject, notBefore, notOnOrAfter, instant(notBefore), instant(notOnOrAfter),
				attributes, XmlPaths.of(assertion));
	}

	/** Plain text, or a coded element's code and display name. */
	private static String valueText(Element value) {
		List<Element> coded = SoapEnvelope.children(value);
		if (coded.isEmpty()) {
			return value.getTextContent().strip();
		}
		Element code = coded.get(0);
		String display = code.getAttribute("displayName");
		return code.getAttribute("code") + (display.isBlank() ? "" : " (" + display + ")");
	}

	private static @Nullable OffsetDateTime instant(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
	}

}
