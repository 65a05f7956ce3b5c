package org.connectathon.engine.testscript;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import ca.uhn.fhir.parser.DataFormatException;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.connectathon.engine.outbound.RefusedAddressException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.TestScript;

/**
 * Turns a TestScript operation into an HTTP request, sends it and records the exchange.
 * The URL is the operation's {@code url} when given, else built from the operation type,
 * the resource type, {@code params} or the {@code targetId} fixture; the base URL comes
 * from the operation's destination. When the run is {@linkplain RunSettings#confined()
 * confined}, a URL that leaves the destination's base URL is an error and nothing is
 * sent. Redirects are not followed: the asserts judge the redirect itself.
 */
final class OperationRunner {

	/**
	 * Headers that the HTTP client sets itself from the request it sends, and that a
	 * script must not contradict.
	 */
	private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
			"transfer-encoding", "upgrade");

	/** Operation codes of the RESTful interactions on one resource. */
	private static final Set<String> INTERACTIONS = Set.of("read", "vread", "update", "updateCreate", "patch", "delete",
			"history");

	private final HttpClient http;

	private final ExecutionState state;

	OperationRunner(HttpClient http, ExecutionState state) {
		this.http = http;
		this.state = state;
	}

	/**
	 * Sends the operation's request and records the exchange.
	 * @throws ExecutionException when the request cannot be built or sent
	 */
	Exchange run(TestScript.SetupActionOperationComponent operation) {
		String code = TouchstoneConventions.operationCode(operation);
		String resourceType = resourceType(operation.getResource());
		String base = withoutTrailingSlashes(this.state.settings().baseUrl(operation.getDestination()).toString());
		Fixture source = operation.hasSourceId() ? this.state.content(operation.getSourceId()) : null;
		String method = operation.hasMethod() ? operation.getMethod().toCode().toUpperCase(Locale.ROOT)
				: defaultMethod(code, source != null);
		String url = url(operation, code, resourceType, base, method);

		Map<String, List<String>> headers = new LinkedHashMap<>();
		String accept = mediaType(operation.getAccept());
		if (accept != null) {
			headers.put("Accept", List.of(accept));
		}
		String body = null;
		if (source != null && !method.equals("GET") && !method.equals("DELETE")) {
			String contentType = mediaType(operation.getContentType());
			body = body(source, contentType, code, url);
			if (contentType == null) {
				contentType = defaultContentType(code, body);
			}
			headers.put("Content-Type", List.of(contentType));
		}
		for (TestScript.SetupActionOperationRequestHeaderComponent header : operation.getRequestHeader()) {
			headers.put(header.getField(), List.of(this.state.substitute(header.getValue())));
		}
		Exchange exchange = send(method, url, base, headers, body);
		this.state.record(exchange, operation.getRequestId(), operation.getResponseId());
		return exchange;
	}

	/**
	 * Creates a fixture on the server for {@code autocreate}: POST to the server,
	 * remembering where it was stored for {@code targetId} and {@code autodelete}.
	 */
	Exchange create(Fixture fixture) {
		Fixture filled = this.state.filled(fixture);
		String type = filled.resource().fhirType();
		String base = withoutTrailingSlashes(this.state.settings().server().toString());
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("Content-Type", List.of(fixture.isXml() ? "application/fhir+xml" : "application/fhir+json"));
		headers.put("Accept", List.of("application/fhir+json"));
		Exchange exchange = send("POST", base + "/" + type, base, headers, filled.body());
		this.state.record(exchange, null, null);
		String location = Exchange.firstHeader(exchange.responseHeaders(), "Location");
		if (location != null) {
			int history = location.indexOf("/_history/");
			String[] parts = (history < 0 ? location : location.substring(0, history)).split("/");
			if (parts.length >= 2) {
				fixture.serverLocation(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
			}
		}
		return exchange;
	}

	/** Deletes a fixture created with {@code autocreate}. */
	Exchange delete(Fixture fixture) {
		String base = withoutTrailingSlashes(this.state.settings().server().toString());
		Exchange exchange = send("DELETE", base + "/" + fixture.serverLocation(), base, Map.of(), null);
		this.state.record(exchange, null, null);
		return exchange;
	}

	private String url(TestScript.SetupActionOperationComponent operation, String code, String resourceType,
			String base, String method) {
		if (operation.hasUrl()) {
			String url = this.state.substitute(operation.getUrl());
			return isAbsolute(url) ? url : base + "/" + withoutLeadingSlashes(url);
		}
		String params = operation.hasParams() ? withLeadingSlash(this.state.substitute(operation.getParams())) : null;
		if (params != null && operation.getEncodeRequestUrl()) {
			params = encodeQuery(params);
		}
		String typePath = resourceType == null ? base : base + "/" + resourceType;
		String operationCode = code == null ? "" : code;
		switch (operationCode) {
			case "capabilities":
				return base + "/metadata" + (params == null ? "" : params);
			case "batch", "transaction":
				return base + (params == null ? "" : params);
			case "create", "search", "deleteCondSingle", "deleteCondMultiple":
				return typePath + (params == null ? "" : params);
			default:
				break;
		}
		if (params != null) {
			if (operationCode.isEmpty() || INTERACTIONS.contains(operationCode) || params.contains("$")) {
				return typePath + params;
			}
		}
		String target = operation.hasTargetId() ? targetPath(operation.getTargetId()) : null;
		String instancePath = target != null ? base + "/" + target : typePath;
		return switch (operationCode) {
			case "read", "update", "updateCreate", "patch", "delete" -> {
				if (target == null && operation.hasSourceId() && !operationCode.equals("read")
						&& !operationCode.equals("delete")) {
					IBaseResource resource = this.state.content(operation.getSourceId()).resource();
					yield typePath + "/" + this.state.substitute(resource.getIdElement().getIdPart());
				}
				if (target == null) {
					throw new ExecutionException("CTN-3006: a " + operationCode
							+ " operation needs params, url or targetId to know which resource; it has none");
				}
				yield instancePath;
			}
			case "vread" -> {
				if (target == null) {
					throw new ExecutionException(
							"CTN-3006: a vread operation needs params, url or targetId; it has none");
				}
				String versionId = this.state.content(operation.getTargetId()).resource().getMeta().getVersionId();
				yield instancePath + "/_history/" + versionId;
			}
			case "history" -> instancePath + "/_history";
			case "" -> throw new ExecutionException("CTN-3006: an operation needs a type or a url; it has neither");
			default -> instancePath + "/$" + operationCode + (params == null ? "" : params);
		};
	}

	/** The {@code Type/id} of the resource a targetId names. */
	private String targetPath(String targetId) {
		Fixture target = this.state.fixture(targetId);
		if (target.serverLocation() != null) {
			return target.serverLocation();
		}
		IBaseResource resource;
		try {
			resource = this.state.content(targetId).resource();
		}
		catch (DataFormatException ex) {
			throw new ExecutionException(
					"CTN-3007: targetId " + targetId + " is not a FHIR resource: " + ex.getMessage());
		}
		String id = resource.getIdElement().getIdPart();
		if (id == null) {
			throw new ExecutionException("CTN-3007: targetId " + targetId + " has no id");
		}
		return resource.fhirType() + "/" + id;
	}

	private String body(Fixture source, String contentType, String code, String url) {
		Fixture fixture = this.state.filled(source);
		String text = fixture.body();
		boolean wantXml = contentType != null ? contentType.contains("xml") : source.isXml();
		if (text.stripLeading().startsWith("[")) {
			return text;
		}
		boolean convert = wantXml != source.isXml();
		boolean fixId = "update".equals(code) || "updateCreate".equals(code);
		if (!convert && !fixId) {
			return text;
		}
		// a fixture without variables is encoded once, for every run; one with variables
		// is this run's own
		boolean shared = fixture == source;
		String id = null;
		if (fixId) {
			// the fixture is sent as the content of the resource the URL names; a
			// differing id in the body would be rejected by every server (the
			// specification's examples rely on this)
			String urlId = lastSegment(url);
			if (!urlId.isEmpty() && !urlId.startsWith("$")
					&& !urlId.equals(fixture.resource().getIdElement().getIdPart())) {
				id = urlId;
			}
			else if (!convert) {
				return text;
			}
		}
		return shared ? fixture.encode(wantXml, id)
				: Fixture.encode(fixture.release(), fixture.resource(), wantXml, id);
	}

	/**
	 * @param base the base URL of the request's destination, without trailing slashes
	 */
	private Exchange send(String method, String url, String base, Map<String, List<String>> headers, String body) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new ExecutionException("CTN-3008: the request URL '" + url
					+ "' is not a valid URL (set encodeRequestUrl to true?): " + ex.getMessage());
		}
		if (this.state.settings().confined() && !isUnder(uri, URI.create(base))) {
			throw new ExecutionException("CTN-3040: " + method + " " + url + " was not sent: it leaves " + base
					+ ", the base URL of the system under test, and requests stay there (same scheme, host and "
					+ "port, a path under the base's)");
		}
		ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(uri);
		headers.forEach((name, values) -> {
			if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach(value -> request.addHeader(name, value));
			}
		});
		if (body != null) {
			// the Content-Type header, when there is one, comes from the headers
			request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), null));
		}
		HttpClientContext context = HttpClientContext.create();
		Timeout timeout = Timeout.of(this.state.settings().timeout());
		context.setRequestConfig(
				RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build());
		long start = System.nanoTime();
		try {
			return this.http.execute(request.build(), context, (response) -> {
				HttpEntity entity = response.getEntity();
				String responseBody = (entity == null) ? ""
						: new String(EntityUtils.toByteArray(entity), StandardCharsets.UTF_8);
				long millis = (System.nanoTime() - start) / 1_000_000;
				return new Exchange(method, url, headers, body, response.getCode(), headers(response.getHeaders()),
						responseBody, millis);
			});
		}
		catch (RefusedAddressException ex) {
			throw new ExecutionException("CTN-3041: " + method + " " + url + " was not sent: " + ex.getMessage());
		}
		catch (InterruptedIOException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw new ExecutionException("CTN-3009: " + method + " " + url + " was interrupted");
			}
			throw noResponse(method, url);
		}
		catch (IOException ex) {
			// One sentence whatever went wrong, so that the messages do not tell an open
			// port from a closed one.
			throw noResponse(method, url);
		}
	}

	private ExecutionException noResponse(String method, String url) {
		return new ExecutionException("CTN-3009: " + method + " " + url
				+ " got no HTTP response: the server could not be reached, did not accept the connection or the TLS "
				+ "handshake, or did not answer within " + this.state.settings().timeout().toSeconds() + " s");
	}

	/**
	 * Whether a URL stays under a base URL: same scheme, host and port, and a path under
	 * the base's path once dot segments are resolved. A dot segment or a backslash that
	 * is percent-encoded ({@code %2e%2e}) counts as leaving: the server that decodes it
	 * could resolve it, and FHIR REST never needs one.
	 */
	static boolean isUnder(URI url, URI base) {
		if (url.getScheme() == null || base.getScheme() == null || url.getHost() == null
				|| !url.getScheme().equalsIgnoreCase(base.getScheme())
				|| !url.getHost().equalsIgnoreCase(base.getHost()) || port(url) != port(base)
				|| url.getRawUserInfo() != null || hasEncodedDotSegment(url.normalize())) {
			return false;
		}
		String path = Objects.requireNonNullElse(url.normalize().getRawPath(), "");
		String basePath = withoutTrailingSlashes(Objects.requireNonNullElse(base.normalize().getRawPath(), ""));
		return basePath.isEmpty() || path.equals(basePath) || path.startsWith(basePath + "/");
	}

	private static boolean hasEncodedDotSegment(URI normalized) {
		String decoded = Objects.requireNonNullElse(normalized.getPath(), "");
		return decoded.contains("\\") || Arrays.stream(decoded.split("/", -1))
			.anyMatch((segment) -> segment.equals(".") || segment.equals(".."));
	}

	private static int port(URI url) {
		if (url.getPort() >= 0) {
			return url.getPort();
		}
		return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
	}

	/** Response headers by name, found whatever the case of the name. */
	private static Map<String, List<String>> headers(Header[] received) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (Header header : received) {
			headers.computeIfAbsent(header.getName(), (name) -> new ArrayList<>()).add(header.getValue());
		}
		return headers;
	}

	private static String withoutTrailingSlashes(String url) {
		int end = url.length();
		while (end > 0 && url.charAt(end - 1) == '/') {
			end--;
		}
		return url.substring(0, end);
	}

	private static String withoutLeadingSlashes(String path) {
		int start = 0;
		while (start < path.length() && path.charAt(start) == '/') {
			start++;
		}
		return path.substring(start);
	}

	/**
	 * Params as the specification writes them, after the resource type: Touchstone's
	 * scripts also leave out the leading {@code /} ({@code id/$purge}).
	 */
	private static String withLeadingSlash(String params) {
		return params.isEmpty() || params.startsWith("?") || params.startsWith("/") ? params : "/" + params;
	}

	private static boolean isAbsolute(String url) {
		return url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
	}

	/** The last path segment of a URL, without query or fragment. */
	private static String lastSegment(String url) {
		int end = url.length();
		int query = url.indexOf('?');
		int fragment = url.indexOf('#');
		if (query >= 0) {
			end = query;
		}
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		return url.substring(url.lastIndexOf('/', end - 1) + 1, end);
	}

	static String defaultMethod(String code, boolean body) {
		if (code == null) {
			return "GET";
		}
		return switch (code) {
			case "create", "batch", "transaction" -> "POST";
			case "update", "updateCreate" -> "PUT";
			case "patch" -> "PATCH";
			case "delete", "deleteCondSingle", "deleteCondMultiple" -> "DELETE";
			case "read", "vread", "search", "history", "capabilities" -> "GET";
			default -> body ? "POST" : "GET";
		};
	}

	private static String defaultContentType(String code, String body) {
		boolean xml = body.stripLeading().startsWith("<");
		if ("patch".equals(code)) {
			if (body.stripLeading().startsWith("[")) {
				return "application/json-patch+json";
			}
			if (xml && !body.contains("<Parameters")) {
				return "application/xml-patch+xml";
			}
		}
		return xml ? "application/fhir+xml" : "application/fhir+json";
	}

	/**
	 * R4 gives {@code json}, {@code xml}, {@code ttl} or {@code none}; R5 a media type.
	 */
	static String mediaType(String format) {
		if (format == null || format.isBlank()) {
			return null;
		}
		return switch (format) {
			case "json" -> "application/fhir+json";
			case "xml" -> "application/fhir+xml";
			case "ttl" -> "text/turtle";
			case "none" -> null;
			default -> format;
		};
	}

	/** R5 names resources by URL; the last segment is the type either way. */
	static String resourceType(String resource) {
		if (resource == null || resource.isBlank()) {
			return null;
		}
		return resource.substring(resource.lastIndexOf('/') + 1);
	}

	/**
	 * Percent-encodes query parameter values, leaving the path and the structure of the
	 * query.
	 */
	static String encodeQuery(String params) {
		int question = params.indexOf('?');
		if (question < 0) {
			return params;
		}
		StringBuilder encoded = new StringBuilder(params.substring(0, question + 1));
		String[] pairs = params.substring(question + 1).split("&", -1);
		for (int i = 0; i < pairs.length; i++) {
			if (i > 0) {
				encoded.append('&');
			}
			int equals = pairs[i].indexOf('=');
			if (equals < 0) {
				encoded.append(encodeValue(pairs[i]));
			}
			else {
				encoded.append(encodeValue(pairs[i].substring(0, equals)))
					.append('=')
					.append(encodeValue(pairs[i].substring(equals + 1)));
			}
		}
		return encoded.toString();
	}

	private static String encodeValue(String value) {
		// values may already be encoded by the script author; decode first so that they
		// are not doubled
		String decoded;
		try {
			decoded = java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			decoded = value;
		}
		return URLEncoder.encode(decoded, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
