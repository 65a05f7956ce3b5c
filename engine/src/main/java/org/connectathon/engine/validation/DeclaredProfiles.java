package org.connectathon.engine.validation;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The profiles a resource declares in its own {@code meta.profile}, read from its text
 * with a streaming parser. HAPI validates a resource against these as if the caller had
 * named them, besides what the validator itself makes of {@code meta.profile}; the kept
 * validators do the same, so that their findings are HAPI's. Only the root resource's
 * {@code meta} counts, as in HAPI. Thread-safe.
 */
final class DeclaredProfiles {

	private DeclaredProfiles() {
	}

	/**
	 * The canonical URLs in the root resource's {@code meta.profile}, in their order;
	 * none for text that is not well-formed (the syntax check reports that first).
	 */
	static List<String> of(String content) {
		String start = content.stripLeading();
		try {
			return start.startsWith("<") ? ofXml(content) : ofJson(content);
		}
		catch (IOException | XMLStreamException ex) {
			return List.of();
		}
	}

	private static List<String> ofJson(String content) throws IOException {
		try (JsonParser parser = SyntaxCheck.JSON.createParser(content)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return List.of();
			}
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("meta".equals(name) && value == JsonToken.START_OBJECT) {
					return profilesOfJsonMeta(parser);
				}
				parser.skipChildren();
			}
			return List.of();
		}
	}

	private static List<String> profilesOfJsonMeta(JsonParser parser) throws IOException {
		List<String> profiles = new ArrayList<>();
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("profile".equals(name) && value == JsonToken.START_ARRAY) {
				for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
					if (item.isScalarValue() && item != JsonToken.VALUE_NULL) {
						profiles.add(parser.getText());
					}
					parser.skipChildren();
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return profiles;
	}

	private static List<String> ofXml(String content) throws XMLStreamException {
		XMLStreamReader reader = SyntaxCheck.XML.createXMLStreamReader(new StringReader(content));
		try {
			List<String> profiles = new ArrayList<>();
			int depth = 0;
			boolean inMeta = false;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
					String name = reader.getLocalName();
					if (depth == 2 && name.equals("meta")) {
						inMeta = true;
					}
					else if (depth == 3 && inMeta && name.equals("profile")) {
						String value = reader.getAttributeValue(null, "value");
						if (value != null) {
							profiles.add(value);
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
					if (depth == 1 && inMeta) {
						return profiles;
					}
				}
			}
			return profiles;
		}
		finally {
			reader.close();
		}
	}

}
