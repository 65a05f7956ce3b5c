package org.connectathon.platform.proxy.soap;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Names elements of a captured XML body by one kind of XPath, the same whether found by a
 * streaming parse (schema errors) or in a DOM tree (header, SAML and metadata findings):
 * the qualified names as written, each with its 1-based position among the siblings of
 * that name when it is not the first, e.g.
 * {@code /soap:Envelope/soap:Body/lcm:SubmitObjectsRequest/rim:RegistryObjectList/rim:ExtrinsicObject[2]}.
 * The same path read again in the body pretty-printed finds the line to show an issue on.
 * <p>
 * Every parse here refuses document types and external entities: the text came from a
 * participant's system.
 */
final class XmlPaths {

	private XmlPaths() {
	}

	/** The element's path in its document. */
	static String of(Element element) {
		StringBuilder path = new StringBuilder();
		for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
			int position = 1;
			for (Node sibling = current.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
				if (sibling instanceof Element && sibling.getNodeName().equals(current.getNodeName())) {
					position++;
				}
			}
			path.insert(0, "/" + current.getNodeName() + ((position > 1) ? "[" + position + "]" : ""));
		}
		return path.toString();
	}

	/**
	 * The line where each element starts, by path; as far as the text reads when it is
	 * malformed.
	 */
	static Map<String, Integer> lines(String xml) {
		Map<String, Integer> lines = new LinkedHashMap<>();
		Tracker tracker = new Tracker() {

			@Override
			public void startElement(String uri, String localName, String qualifiedName, Attributes attributes)
					throws SAXException {
				super.startElement(uri, localName, qualifiedName, attributes);
				lines.putIfAbsent(path(), line());
			}

		};
		try {
			parse(xml, tracker);
		}
		catch (SAXException | IOException malformed) {
			// The lines found before the fault are still right.
		}
		return lines;
	}

	/** Parses the text with the handler, namespace aware, with no document type. */
	static void parse(String xml, DefaultHandler handler) throws SAXException, IOException {
		XMLReader reader;
		try {
			SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			reader = factory.newSAXParser().getXMLReader();
		}
		catch (ParserConfigurationException unsupported) {
			throw new IllegalStateException("The JDK's XML parser lacks a feature it always has", unsupported);
		}
		reader.setContentHandler(handler);
		reader.setErrorHandler(handler);
		reader.parse(new InputSource(new StringReader(xml)));
	}

	/** Parses the text into a namespace-aware DOM tree, with no document type. */
	static Document document(String xml) throws SAXException, IOException {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler() {

				@Override
				public void fatalError(org.xml.sax.SAXParseException exception) throws SAXException {
					throw exception;
				}

			});
			return builder.parse(new InputSource(new StringReader(xml)));
		}
		catch (ParserConfigurationException unsupported) {
			throw new IllegalStateException("The JDK's XML parser lacks a feature it always has", unsupported);
		}
	}

	/**
	 * A SAX handler that knows the path of the element being read and the line of the
	 * parser; subclasses call {@code super} first in {@code startElement} and last in
	 * {@code endElement}.
	 */
	static class Tracker extends DefaultHandler {

		private final Deque<String> path = new ArrayDeque<>();

		private final Deque<Map<String, Integer>> siblings = new ArrayDeque<>();

		private @Nullable Locator locator;

		Tracker() {
			this.siblings.push(new HashMap<>());
		}

		@Override
		public void setDocumentLocator(Locator locator) {
			this.locator = locator;
		}

		@Override
		public void startElement(String uri, String localName, String qualifiedName, Attributes attributes)
				throws SAXException {
			int position = this.siblings.peek().merge(qualifiedName, 1, Integer::sum);
			String parent = this.path.isEmpty() ? "" : this.path.peek();
			this.path.push(parent + "/" + qualifiedName + ((position > 1) ? "[" + position + "]" : ""));
			this.siblings.push(new HashMap<>());
		}

		@Override
		public void endElement(String uri, String localName, String qualifiedName) throws SAXException {
			this.path.pop();
			this.siblings.pop();
		}

		/** The path of the element being read, empty outside the root. */
		String path() {
			return this.path.isEmpty() ? "" : this.path.peek();
		}

		int depth() {
			return this.path.size();
		}

		int line() {
			return (this.locator != null) ? this.locator.getLineNumber() : 0;
		}

		int column() {
			return (this.locator != null) ? this.locator.getColumnNumber() : 0;
		}

		@Nullable Locator locator() {
			return this.locator;
		}

	}

}
