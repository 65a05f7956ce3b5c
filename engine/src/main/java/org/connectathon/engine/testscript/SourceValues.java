package org.connectathon.engine.testscript;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import ca.uhn.fhir.fhirpath.IFhirPath;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads values out of a fixture with a FHIRPath {@code expression} or a {@code path}. A
 * path starting with {@code $} is JSONPath, on the JSON form of the body (XML resources
 * are converted): a string, number or boolean selected gives its text, an object or array
 * its JSON. Any other path is XPath on the XML form of the resource, with or without the
 * {@code fhir:} prefix; an element selected that carries a {@code value} attribute gives
 * that value, as in the specification's examples
 * ({@code fhir:Patient/fhir:name/fhir:family/@value} and {@code Patient/id} both work).
 */
final class SourceValues {

	/**
	 * JSONPath on Jackson trees, decimals kept as written; every path gives a list, empty
	 * when nothing matches.
	 */
	private static final Configuration JSON_PATH = Configuration.builder()
		.jsonProvider(new JacksonJsonNodeJsonProvider(JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
			.build()))
		.mappingProvider(new JacksonMappingProvider())
		.options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
		.build();

	private SourceValues() {
	}

	/**
	 * The values an expression selects, evaluated in the release the source reads in:
	 * primitives as their string, other elements as JSON.
	 */
	static List<String> expression(Fixture source, String expression) {
		IBaseResource resource = source.resource();
		FhirVersion version = source.release();
		IFhirPath.IParsedExpression parsed = version.parse(expression);
		List<IBase> found = version.withFhirPath(fhirPath -> fhirPath.evaluate(resource, parsed, IBase.class));
		List<String> values = new ArrayList<>(found.size());
		for (IBase element : found) {
			if (element instanceof IPrimitiveType<?> primitive) {
				values.add(primitive.getValueAsString());
			}
			else {
				values.add(version.fhirContext().newJsonParser().encodeToString(element));
			}
		}
		return values;
	}

	/**
	 * The values a JSONPath or an XPath selects.
	 * @throws IllegalArgumentException when the path is not valid, or the body not JSON
	 * for JSONPath or not XML for XPath
	 */
	static List<String> path(Fixture source, String path) {
		if (path.startsWith("$")) {
			return jsonPath(source, path);
		}
		String xml = source.isXml() ? source.body()
				: source.release().fhirContext().newXmlParser().encodeResourceToString(source.resource());
		NodeList nodes;
		try {
			nodes = (NodeList) XPathFactory.newInstance()
				.newXPath()
				.evaluate(path.replace("fhir:", ""), document(xml), XPathConstants.NODESET);
		}
		catch (XPathExpressionException ex) {
			throw new IllegalArgumentException("CTN-3011: XPath '" + path + "' is not valid: "
					+ (ex.getMessage() != null ? ex.getMessage() : ex.getCause()), ex);
		}
		List<String> values = new ArrayList<>(nodes.getLength());
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			if (node instanceof Attr attribute) {
				values.add(attribute.getValue());
			}
			else if (node instanceof Element element && element.hasAttribute("value")) {
				values.add(element.getAttribute("value"));
			}
			else {
				values.add(node.getTextContent());
			}
		}
		return values;
	}

	private static List<String> jsonPath(Fixture source, String path) {
		JsonPath compiled;
		try {
			compiled = JsonPath.compile(path);
		}
		catch (InvalidPathException ex) {
			throw new IllegalArgumentException("CTN-3010: JSONPath '" + path + "' is not valid: " + ex.getMessage(),
					ex);
		}
		JsonNode found;
		try {
			found = JsonPath.using(JSON_PATH).parse(source.json()).read(compiled);
		}
		catch (InvalidJsonException ex) {
			throw new IllegalArgumentException(
					"CTN-3014: JSONPath '" + path + "' needs a JSON body, but the body is not JSON: "
							+ (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()),
					ex);
		}
		List<String> values = new ArrayList<>(found.size());
		for (JsonNode node : found) {
			values.add(node.isNull() ? null : node.isBigDecimal() ? node.decimalValue().toPlainString()
					: node.isValueNode() ? node.asText() : node.toString());
		}
		return values;
	}

	private static Document document(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			// element names are matched without namespace, so that "fhir:" is optional in
			// paths
			factory.setNamespaceAware(false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("CTN-3012: the body is not well-formed XML: " + ex.getMessage(), ex);
		}
	}

}
