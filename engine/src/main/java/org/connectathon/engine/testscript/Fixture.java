package org.connectathon.engine.testscript;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A body the script can refer to by id: a fixture declared in the script, or the request
 * or response of an operation ({@code requestId}, {@code responseId}). Knows its HTTP
 * headers when it came from an exchange. The parsed resource is computed once, on first
 * use.
 */
final class Fixture {

	private final String body;

	private final boolean xml;

	private final Map<String, List<String>> headers;

	private final FhirVersion version;

	private volatile IBaseResource resource;

	private volatile String serverLocation;

	Fixture(String body, boolean xml, Map<String, List<String>> headers, FhirVersion version) {
		this.body = Objects.requireNonNullElse(body, "");
		this.xml = xml;
		this.headers = Objects.requireNonNull(headers, "headers");
		this.version = Objects.requireNonNull(version, "version");
	}

	/**
	 * A fixture whose format is guessed from its first character, for bodies whose media
	 * type is unknown.
	 */
	static Fixture of(String body, String mediaType, Map<String, List<String>> headers, FhirVersion version) {
		boolean xml = mediaType != null ? mediaType.toLowerCase(Locale.ROOT).contains("xml")
				: body != null && body.stripLeading().startsWith("<");
		return new Fixture(body, xml, headers, version);
	}

	/**
	 * A fixture with the same content and no server location, for one run to create on
	 * the server.
	 */
	Fixture copy() {
		return new Fixture(this.body, this.xml, this.headers, this.version);
	}

	String body() {
		return this.body;
	}

	boolean isXml() {
		return this.xml;
	}

	boolean hasBody() {
		return !this.body.isBlank();
	}

	Map<String, List<String>> headers() {
		return this.headers;
	}

	/** The first value of a header, case-insensitively, or {@code null}. */
	String header(String name) {
		for (Map.Entry<String, List<String>> header : this.headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
				return String.join(", ", header.getValue());
			}
		}
		return null;
	}

	/**
	 * The body as a resource.
	 * @throws DataFormatException when the body is empty or not FHIR
	 */
	IBaseResource resource() {
		IBaseResource parsed = this.resource;
		if (parsed == null) {
			if (!hasBody()) {
				throw new DataFormatException("there is no body");
			}
			IParser parser = this.xml ? this.version.fhirContext().newXmlParser()
					: this.version.fhirContext().newJsonParser();
			parsed = parser.parseResource(this.body);
			this.resource = parsed;
		}
		return parsed;
	}

	/** The body as JSON, re-encoding XML. */
	String json() {
		return this.xml ? this.version.fhirContext().newJsonParser().encodeResourceToString(resource()) : this.body;
	}

	/**
	 * Where the server stored this fixture when the engine created it ({@code Type/id}),
	 * or {@code null}.
	 */
	String serverLocation() {
		return this.serverLocation;
	}

	void serverLocation(String location) {
		this.serverLocation = location;
	}

}
