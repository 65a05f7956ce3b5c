package org.connectathon.platform.proxy.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A well-formed SOAP envelope read into a DOM tree, with what the validation and the
 * capture page look up in it: its SOAP version, its WS-Addressing headers, its body's
 * element and its SAML assertion.
 */
final class SoapEnvelope {

	static final String SOAP_11 = "http://schemas.xmlsoap.org/soap/envelope/";

	static final String SOAP_12 = "http://www.w3.org/2003/05/soap-envelope";

	static final String ADDRESSING = "http://www.w3.org/2005/08/addressing";

	static final String SECURITY = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

	static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

	static final String XOP = "http://www.w3.org/2004/08/xop/include";

	private final Document document;

	SoapEnvelope(Document document) {
		this.document = document;
	}

	Element root() {
		return this.document.getDocumentElement();
	}

	/** {@code 1.1} or {@code 1.2}; null when the root is not a SOAP envelope. */
	@Nullable String version() {
		Element root = root();
		if (!"Envelope".equals(root.getLocalName())) {
			return null;
		}
		if (SOAP_11.equals(root.getNamespaceURI())) {
			return "1.1";
		}
		return SOAP_12.equals(root.getNamespaceURI()) ? "1.2" : null;
	}

	Optional<Element> header() {
		return child(root(), root().getNamespaceURI(), "Header");
	}

	Optional<Element> body() {
		return child(root(), root().getNamespaceURI(), "Body");
	}

	/** The body's first element: the transaction's message, or a Fault. */
	Optional<Element> bodyElement() {
		return body().flatMap((body) -> children(body).stream().findFirst());
	}

	/**
	 * A WS-Addressing header by its local name ({@code Action}, {@code MessageID}...).
	 */
	Optional<Element> addressing(String name) {
		return header().flatMap((header) -> child(header, ADDRESSING, name));
	}

	/** The text of a WS-Addressing header, trimmed; empty when absent or blank. */
	Optional<String> addressingValue(String name) {
		return addressing(name).map((element) -> element.getTextContent().strip()).filter((text) -> !text.isEmpty());
	}

	/** The SAML 2.0 assertion of the WS-Security header. */
	Optional<Element> samlAssertion() {
		return header().flatMap((header) -> child(header, SECURITY, "Security"))
			.flatMap((security) -> child(security, SAML, "Assertion"));
	}

	/** The element's child elements, in order. */
	static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	/** The element's child elements of that namespace and local name, in order. */
	static List<Element> children(Element parent, @Nullable String namespace, String localName) {
		return children(parent).stream()
			.filter((element) -> localName.equals(element.getLocalName())
					&& Objects.equals(namespace, element.getNamespaceURI()))
			.toList();
	}

	static Optional<Element> child(Element parent, @Nullable String namespace, String localName) {
		return children(parent, namespace, localName).stream().findFirst();
	}

	/** Every descendant element of that namespace and local name, in document order. */
	static List<Element> descendants(Element parent, String namespace, String localName) {
		List<Element> found = new ArrayList<>();
		var nodes = parent.getElementsByTagNameNS(namespace, localName);
		for (int index = 0; index < nodes.getLength(); index++) {
			found.add((Element) nodes.item(index));
		}
		return found;
	}

}
