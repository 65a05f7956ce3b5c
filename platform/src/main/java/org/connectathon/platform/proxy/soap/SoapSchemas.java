package org.connectathon.platform.proxy.soap;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;

import org.connectathon.platform.proxy.soap.SoapTransaction.Schemas;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import org.xml.sax.helpers.NamespaceSupport;

/**
 * Validates the message in a SOAP body against its transaction's schemas, which come from
 * IPF's jars ({@code ipf-commons-ihe-xds}: ebRIM/ebRS 3.0 and IHEXDSB.xsd;
 * {@code ipf-commons-ihe-hl7v3}: the HL7 v3 2008 messages) and are compiled once, on
 * first use (the HL7 v3 ones take about a second).
 * <p>
 * One streaming parse of the whole envelope hands the body's element to the JDK's schema
 * validator, so that each error keeps the line and column of the captured text and the
 * XPath of the element it was found in. An {@code xop:Include} (an MTOM document) is left
 * out, as the receiver puts the attachment's bytes in its place.
 */
@Component
class SoapSchemas {

	private static final Map<Schemas, String> LOCATIONS = Map.of(Schemas.XDS, "wsdl/schema/IHE/IHEXDSB.xsd",
			Schemas.PRPA_IN201305UV02, "schema/HL7V3/NE2008/multicacheschemas/PRPA_IN201305UV02.xsd",
			Schemas.PRPA_IN201306UV02, "schema/HL7V3/NE2008/multicacheschemas/PRPA_IN201306UV02.xsd");

	private final Map<Schemas, Schema> compiled = new EnumMap<>(Schemas.class);

	/** A schema error at its place. */
	record SchemaError(String path, int line, int column, String message) {

	}

	/**
	 * The schema errors of the body's message; none when the envelope has no body element
	 * (the caller reports that).
	 * @throws SAXException when the envelope is not well-formed (checked before)
	 */
	List<SchemaError> validate(String envelope, Schemas schemas) throws SAXException, IOException {
		BodyForwarder forwarder = new BodyForwarder(schema(schemas));
		XmlPaths.parse(envelope, forwarder);
		return forwarder.errors;
	}

	private synchronized Schema schema(Schemas schemas) {
		return this.compiled.computeIfAbsent(schemas, SoapSchemas::compile);
	}

	private static Schema compile(Schemas schemas) {
		String location = LOCATIONS.get(schemas);
		URL resource = Objects.requireNonNull(SoapSchemas.class.getClassLoader().getResource(location),
				() -> location + " is missing from the class path");
		try {
			SchemaFactory factory = SchemaFactory.newDefaultInstance();
			// The schemas import one another from their own jar only.
			// IHEXDSB.xsd and IPF's xcf.xsd (imported by its rim.xsd) declare one
			// namespace:
			// both are read, not only the first.
			factory.setFeature("http://apache.org/xml/features/honour-all-schemaLocations", true);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
			return factory.newSchema(new StreamSource(resource.toExternalForm()));
		}
		catch (SAXException broken) {
			throw new IllegalStateException("The " + schemas + " schemas do not compile: " + broken.getMessage(),
					broken);
		}
	}

	/**
	 * Reads the envelope and forwards the body's first element, with the namespaces
	 * declared around it, to a schema validator.
	 */
	private static final class BodyForwarder extends XmlPaths.Tracker {

		private final Schema schema;

		private final NamespaceSupport namespaces = new NamespaceSupport();

		private final List<SchemaError> errors = new ArrayList<>();

		/** The namespaces declared on the element about to start. */
		private final List<String[]> pending = new ArrayList<>();

		private @Nullable ValidatorHandler validator;

		private int bodyDepth;

		private int skippedDepth;

		private boolean done;

		BodyForwarder(Schema schema) {
			this.schema = schema;
		}

		@Override
		public void startPrefixMapping(String prefix, String uri) throws SAXException {
			if (this.validator != null) {
				this.validator.startPrefixMapping(prefix, uri);
			}
			else {
				this.pending.add(new String[] { prefix, uri });
			}
		}

		@Override
		public void endPrefixMapping(String prefix) throws SAXException {
			if (this.validator != null) {
				this.validator.endPrefixMapping(prefix);
			}
		}

		@Override
		public void startElement(String uri, String localName, String qualifiedName, Attributes attributes)
				throws SAXException {
			super.startElement(uri, localName, qualifiedName, attributes);
			if (this.validator == null) {
				this.namespaces.pushContext();
				this.pending.forEach((declared) -> this.namespaces.declarePrefix(declared[0], declared[1]));
				this.pending.clear();
				if (this.bodyDepth == 0 && depth() == 2 && "Body".equals(localName)
						&& (SoapEnvelope.SOAP_11.equals(uri) || SoapEnvelope.SOAP_12.equals(uri))) {
					this.bodyDepth = depth();
				}
				else if (!this.done && this.bodyDepth > 0 && depth() == this.bodyDepth + 1) {
					start();
				}
			}
			if (this.validator == null) {
				return;
			}
			if (this.skippedDepth > 0 || (SoapEnvelope.XOP.equals(uri) && "Include".equals(localName))) {
				this.skippedDepth++;
				return;
			}
			this.validator.startElement(uri, localName, qualifiedName, attributes);
		}

		@Override
		public void endElement(String uri, String localName, String qualifiedName) throws SAXException {
			if (this.validator != null) {
				if (this.skippedDepth > 0) {
					this.skippedDepth--;
				}
				else {
					this.validator.endElement(uri, localName, qualifiedName);
				}
				if (depth() == this.bodyDepth + 1) {
					this.validator.endDocument();
					this.validator = null;
					this.done = true;
				}
			}
			if (this.validator == null) {
				this.namespaces.popContext();
			}
			super.endElement(uri, localName, qualifiedName);
		}

		@Override
		public void characters(char[] text, int start, int length) throws SAXException {
			if (this.validator != null && this.skippedDepth == 0) {
				this.validator.characters(text, start, length);
			}
		}

		@Override
		public void ignorableWhitespace(char[] text, int start, int length) throws SAXException {
			characters(text, start, length);
		}

		/** Starts the validator with every namespace in scope at the body's element. */
		private void start() throws SAXException {
			ValidatorHandler handler = this.schema.newValidatorHandler();
			handler.setErrorHandler(new DefaultHandler() {

				@Override
				public void error(SAXParseException exception) {
					add(exception);
				}

				@Override
				public void fatalError(SAXParseException exception) {
					add(exception);
				}

			});
			if (locator() != null) {
				handler.setDocumentLocator(locator());
			}
			handler.startDocument();
			var prefixes = this.namespaces.getPrefixes();
			while (prefixes.hasMoreElements()) {
				String prefix = (String) prefixes.nextElement();
				if (!"xml".equals(prefix)) {
					handler.startPrefixMapping(prefix, this.namespaces.getURI(prefix));
				}
			}
			String defaultNamespace = this.namespaces.getURI("");
			if (defaultNamespace != null) {
				handler.startPrefixMapping("", defaultNamespace);
			}
			this.validator = handler;
		}

		private void add(SAXParseException exception) {
			this.errors.add(new SchemaError(path(), line(), column(), exception.getMessage()));
		}

	}

}
