package org.connectathon.engine.validation;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Finds out whether text is well-formed JSON or XML before the validator sees it, and if
 * not where it breaks. The validator's own parsers either accept sloppy JSON or fail
 * without a position (or with an exception), so a person pasting a resource would not
 * learn which line to fix. Streaming parsers make this a small fraction of a validation's
 * cost. Thread-safe.
 */
final class SyntaxCheck {

	/** The JSON parsers' factory, shared with {@link DeclaredProfiles}. */
	static final JsonFactory JSON = JsonFactory.builder().build();

	/** The XML parsers' factory, DTDs refused, shared with {@link DeclaredProfiles}. */
	static final XMLInputFactory XML = xmlInputFactory();

	private SyntaxCheck() {
	}

	/**
	 * The fatal issue that makes the content unusable, or empty when it is well-formed.
	 */
	static Optional<ValidationIssue> findProblem(String content) {
		String start = content.stripLeading();
		if (start.startsWith("{")) {
			return checkJson(content);
		}
		if (start.startsWith("<")) {
			return checkXml(content);
		}
		String found = start.isEmpty() ? "nothing" : "'" + start.substring(0, Math.min(20, start.length())) + "'";
		return Optional.of(fatal(1, 1, "CTN-2020: expected a FHIR resource as JSON or XML, but found " + found));
	}

	private static Optional<ValidationIssue> checkJson(String content) {
		try (JsonParser parser = JSON.createParser(content)) {
			while (parser.nextToken() != null) {
				// reading every token is the check
			}
			return Optional.empty();
		}
		catch (JsonProcessingException ex) {
			JsonLocation location = ex.getLocation();
			int line = location == null ? 1 : location.getLineNr();
			int column = location == null ? 1 : location.getColumnNr();
			return Optional.of(fatal(line, column, "CTN-2021: expected well-formed JSON, but at line " + line
					+ ", column " + column + ": " + ex.getOriginalMessage()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Reading a string cannot fail", ex);
		}
	}

	private static Optional<ValidationIssue> checkXml(String content) {
		XMLStreamReader reader = null;
		try {
			reader = XML.createXMLStreamReader(new StringReader(content));
			while (reader.hasNext()) {
				reader.next();
			}
			return Optional.empty();
		}
		catch (XMLStreamException ex) {
			int line = ex.getLocation() == null ? 1 : ex.getLocation().getLineNumber();
			int column = ex.getLocation() == null ? 1 : ex.getLocation().getColumnNumber();
			String message = ex.getMessage();
			int detail = message.indexOf("Message: ");
			return Optional.of(fatal(line, column, "CTN-2022: expected well-formed XML, but at line " + line
					+ ", column " + column + ": " + (detail < 0 ? message : message.substring(detail + 9))));
		}
		finally {
			close(reader);
		}
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ex) {
				// nothing was opened that closing could leak
			}
		}
	}

	private static ValidationIssue fatal(int line, int column, String message) {
		return new ValidationIssue(IssueSeverity.FATAL, "", line, column, message, null);
	}

	private static XMLInputFactory xmlInputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		// FHIR XML has no DTDs; refusing them keeps entity expansion attacks out
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

}
