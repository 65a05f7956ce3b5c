package org.connectathon.engine.testscript;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A body the script can refer to by id: a fixture declared in the script, or the request
 * or response of an operation ({@code requestId}, {@code responseId}). Knows its HTTP
 * headers when it came from an exchange. The parsed resource is computed once, on first
 * use, in the release the fixture reads in: the preferred release (the server's, for a
 * fixture of a script written in another) when the body is valid there, else its own
 * release (the script's, or the server's for a response).
 */
final class Fixture {

	/** Ids that JSON and XML carry as they are, with nothing to escape. */
	private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9.-]{1,64}");

	/**
	 * Stands for the id in a cached encoding; a plain id, so that it is encoded as it is.
	 */
	private static final String ID_PLACEHOLDER = "connectathon-fixture-id-9f3c1e";

	private final String body;

	private final boolean xml;

	private final Map<String, List<String>> headers;

	private final FhirVersion version;

	/**
	 * The release tried first, strictly; {@code null} to read in {@link #version} only.
	 */
	private final FhirVersion preferred;

	private volatile IBaseResource resource;

	/** The release the resource was read in, known once it is. */
	private volatile FhirVersion readIn;

	/**
	 * The last {@link #inRelease} of this fixture, kept for the next run of its script.
	 */
	private volatile Fixture inPreferredRelease;

	private volatile String serverLocation;

	/**
	 * Encodings of the resource by format, with {@link #ID_PLACEHOLDER} for the id when
	 * one is given; a declared fixture is sent by every run of its script. Replaced whole
	 * when one is added (two threads may both encode, which is harmless), so that the
	 * many fixtures never encoded cost no map.
	 */
	private volatile Map<String, String> encodings = Map.of();

	Fixture(String body, boolean xml, Map<String, List<String>> headers, FhirVersion version) {
		this(body, xml, headers, version, null);
	}

	private Fixture(String body, boolean xml, Map<String, List<String>> headers, FhirVersion version,
			FhirVersion preferred) {
		this.body = Objects.requireNonNullElse(body, "");
		this.xml = xml;
		this.headers = Objects.requireNonNull(headers, "headers");
		this.version = Objects.requireNonNull(version, "version");
		this.preferred = (preferred == version) ? null : preferred;
	}

	/**
	 * This fixture read in {@code release} when its body is a valid resource of that
	 * release, else in its own: what a script's fixture is when the server answers in
	 * another release than the script's. The fixture itself when the releases are the
	 * same.
	 */
	Fixture inRelease(FhirVersion release) {
		if (release == this.version && this.preferred == null || release == this.preferred) {
			return this;
		}
		Fixture known = this.inPreferredRelease;
		if (known == null || known.preferred != release) {
			known = new Fixture(this.body, this.xml, this.headers, this.version, release);
			this.inPreferredRelease = known;
		}
		return known;
	}

	/**
	 * Another body read the same way as this one, such as this body with its variables
	 * filled in.
	 */
	Fixture withBody(String newBody) {
		return new Fixture(newBody, this.xml, Map.of(), this.version, this.preferred);
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
		return new Fixture(this.body, this.xml, this.headers, this.version, this.preferred);
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
			FhirVersion release = this.version;
			if (this.preferred != null) {
				try {
					parsed = parser(this.preferred).setParserErrorHandler(new StrictErrorHandler())
						.parseResource(this.body);
					release = this.preferred;
				}
				catch (DataFormatException notOfThatRelease) {
					// read in the fixture's own release, as it always was
				}
			}
			if (parsed == null) {
				parsed = parser(release).parseResource(this.body);
			}
			this.readIn = release;
			this.resource = parsed;
		}
		return parsed;
	}

	/**
	 * The release the body reads in, which FHIRPath, validation and encoding use; the
	 * fixture's own when the body is no resource at all.
	 */
	FhirVersion release() {
		if (this.readIn == null) {
			try {
				resource();
			}
			catch (DataFormatException notAResource) {
				return this.version;
			}
		}
		return this.readIn;
	}

	/**
	 * The resource encoded in JSON or XML, with its id replaced when {@code id} is not
	 * {@code null}. Made once per format from a resource parsed anew, which nothing else
	 * reads, and reused with the id put in its place: a declared fixture is sent by every
	 * run of its script.
	 * @throws DataFormatException when the body is empty or not FHIR
	 */
	String encode(boolean asXml, String id) {
		if (id != null && (!PLAIN_ID.matcher(id).matches() || this.body.contains(ID_PLACEHOLDER))) {
			return encode(release(), parser(release()).parseResource(this.body), asXml, id);
		}
		String key = (asXml ? "xml" : "json") + (id == null ? "" : "#id");
		String encoded = this.encodings.get(key);
		if (encoded == null) {
			encoded = encode(release(), parser(release()).parseResource(this.body), asXml,
					id == null ? null : ID_PLACEHOLDER);
			Map<String, String> more = new HashMap<>(this.encodings);
			more.put(key, encoded);
			this.encodings = Map.copyOf(more);
		}
		return id == null ? encoded : encoded.replace(ID_PLACEHOLDER, id);
	}

	/**
	 * Encodes a resource in JSON or XML, first setting its id when {@code id} is not
	 * {@code null}.
	 */
	static String encode(FhirVersion version, IBaseResource resource, boolean asXml, String id) {
		if (id != null) {
			resource.setId(resource.fhirType() + "/" + id);
		}
		IParser parser = asXml ? version.fhirContext().newXmlParser() : version.fhirContext().newJsonParser();
		return parser.encodeResourceToString(resource);
	}

	private IParser parser(FhirVersion release) {
		return this.xml ? release.fhirContext().newXmlParser() : release.fhirContext().newJsonParser();
	}

	/** The body as JSON, re-encoding XML. */
	String json() {
		return this.xml ? release().fhirContext().newJsonParser().encodeResourceToString(resource()) : this.body;
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
