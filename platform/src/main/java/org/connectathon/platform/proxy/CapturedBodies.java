package org.connectathon.platform.proxy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.xml.sax.InputSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a captured body as people and tools want it: text when it is text (by its content
 * type, or by decoding as UTF-8 when it has none), and indented when it is JSON or XML
 * that arrived on one line.
 */
final class CapturedBodies {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private CapturedBodies() {
	}

	/** The body as text, or null when it is binary (or absent). */
	static @Nullable String text(@Nullable String contentType, byte @Nullable [] body, boolean truncated) {
		if (body == null) {
			return null;
		}
		MimeType type = mimeType(contentType);
		if (type != null && isTextual(type)) {
			Charset charset = (type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
			// A truncated body may end inside a character.
			return new String(body, charset);
		}
		if (type != null) {
			return null;
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(truncated ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
			return text.chars().anyMatch((c) -> c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? null : text;
		}
		catch (CharacterCodingException binary) {
			return null;
		}
	}

	/** What the body is written in, as far as a page cares. */
	enum Syntax {

		JSON, XML, OTHER;

		static Syntax of(@Nullable String contentType, String text) {
			String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
			String start = text.stripLeading();
			if (type.contains("json") || (type.isEmpty() && (start.startsWith("{") || start.startsWith("[")))) {
				return JSON;
			}
			if (type.contains("xml") || (type.isEmpty() && start.startsWith("<"))) {
				return XML;
			}
			return OTHER;
		}

	}

	/**
	 * The text indented: JSON always (issues are placed by their FHIRPath, not by the
	 * line the validator saw), XML only when it came on one line (issues keep the lines
	 * the validator saw). A truncated or malformed body is shown as it came.
	 */
	static String indented(String text, Syntax syntax, boolean truncated) {
		if (truncated) {
			return text;
		}
		if (syntax == Syntax.JSON) {
			try {
				JsonNode tree = JSON.readTree(text);
				return JSON.writeValueAsString(tree);
			}
			catch (JacksonException malformed) {
				return text;
			}
		}
		if (syntax == Syntax.XML && !text.strip().contains("\n")) {
			return indentedXml(text);
		}
		return text;
	}

	/**
	 * Indented XML, parsed with no document type, no external entity and no external
	 * stylesheet: the text came from a participant's system. The JDK's own parser and
	 * transformer, not another on the class path (such as Saxon), indent the same way
	 * everywhere.
	 */
	private static String indentedXml(String text) {
		try {
			DocumentBuilderFactory documents = DocumentBuilderFactory.newDefaultInstance();
			documents.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			documents.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			documents.setExpandEntityReferences(false);
			documents.setNamespaceAware(true);
			TransformerFactory transformers = TransformerFactory.newDefaultInstance();
			transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer transformer = transformers.newTransformer();
			transformer.setOutputProperty(OutputKeys.INDENT, "yes");
			transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, text.startsWith("<?xml") ? "no" : "yes");
			StringWriter indented = new StringWriter();
			transformer.transform(
					new DOMSource(documents.newDocumentBuilder().parse(new InputSource(new StringReader(text)))),
					new StreamResult(indented));
			return indented.toString().strip();
		}
		catch (Exception malformed) {
			// Any parser or transformer failure: the body is shown as it came.
			return text;
		}
	}

	private static @Nullable MimeType mimeType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			return MimeTypeUtils.parseMimeType(contentType);
		}
		catch (IllegalArgumentException unreadable) {
			return null;
		}
	}

	private static boolean isTextual(MimeType type) {
		String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
		return "text".equalsIgnoreCase(type.getType()) || subtype.contains("json") || subtype.contains("xml")
				|| subtype.equals("x-www-form-urlencoded") || subtype.equals("javascript") || subtype.equals("hl7-v2");
	}

}
