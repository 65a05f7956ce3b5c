package org.connectathon.engine.testscript;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.connectathon.engine.outbound.RefusedAddressException;

/**
 * Learns the release a run judges the server's answers in: the one the settings give,
 * else the {@code fhirVersion} of the server's CapabilityStatement, else the script's own
 * with a note saying why. The CapabilityStatement is fetched once per server for the life
 * of the lookup (one runner), with the runner's client, so under its outbound address
 * policy; {@code [base]/metadata} is under the base URL, so a confined run may fetch it.
 */
final class ServerReleaseLookup {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Pattern XML_ROOT = Pattern.compile("<(?:[A-Za-z]+:)?([A-Za-z]+)[\\s>]");

	private static final Pattern XML_FHIR_VERSION = Pattern
		.compile("<(?:[A-Za-z]+:)?fhirVersion\\s+value\\s*=\\s*[\"']([^\"']*)[\"']");

	/**
	 * What a server's CapabilityStatement said.
	 *
	 * @param version its release, or null when it could not tell
	 * @param said its {@code fhirVersion}, or why there is none to read
	 * ({@code CTN-305x})
	 */
	private record Answer(FhirVersion version, String said) {
	}

	private final HttpClient http;

	private final Map<URI, Answer> answers = new ConcurrentHashMap<>();

	ServerReleaseLookup(HttpClient http) {
		this.http = http;
	}

	/** The release to judge the server's answers in when running a script of this one. */
	ServerRelease releaseFor(RunSettings settings, FhirVersion scriptRelease) {
		if (settings.fhirVersion() != null) {
			return ServerRelease.given(settings.fhirVersion());
		}
		Answer answer = this.answers.computeIfAbsent(settings.server(), (server) -> ask(server, settings));
		if (answer.version() != null) {
			return new ServerRelease(answer.version(), ServerRelease.Source.CAPABILITY_STATEMENT,
					"The server's answers are judged as FHIR " + answer.version()
							+ ", the release of its CapabilityStatement (fhirVersion " + answer.said() + ").");
		}
		return new ServerRelease(scriptRelease, ServerRelease.Source.SCRIPT, answer.said()
				+ "; the server's answers are judged as FHIR " + scriptRelease + ", the script's release.");
	}

	private Answer ask(URI server, RunSettings settings) {
		String base = server.toString().replaceAll("/+$", "");
		String url = base + "/metadata";
		HttpClientContext context = HttpClientContext.create();
		Timeout timeout = Timeout.of(settings.timeout());
		context.setRequestConfig(
				RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build());
		try {
			return this.http.execute(
					ClassicRequestBuilder.get(URI.create(url)).addHeader("Accept", "application/fhir+json").build(),
					context, (response) -> {
						String body = (response.getEntity() == null) ? ""
								: new String(EntityUtils.toByteArray(response.getEntity()), StandardCharsets.UTF_8);
						if (response.getCode() != 200) {
							return new Answer(null, "CTN-3051: GET " + url + " answered " + response.getCode()
									+ ", expected 200 with the server's CapabilityStatement");
						}
						return read(url, body);
					});
		}
		catch (RefusedAddressException ex) {
			return new Answer(null, "CTN-3050: GET " + url + " was not sent: " + ex.getMessage());
		}
		catch (IOException | IllegalArgumentException ex) {
			// one sentence whatever went wrong, as for the script's own requests
			return new Answer(null, "CTN-3050: GET " + url + " got no HTTP response within "
					+ settings.timeout().toSeconds() + " s, so the server's CapabilityStatement is unknown");
		}
	}

	private static Answer read(String url, String body) {
		String type;
		String fhirVersion;
		String text = body.stripLeading();
		if (text.startsWith("<")) {
			Matcher root = XML_ROOT.matcher(text.replaceFirst("^<\\?xml[^>]*\\?>\\s*", ""));
			type = root.lookingAt() ? root.group(1) : null;
			Matcher version = XML_FHIR_VERSION.matcher(text);
			fhirVersion = version.find() ? version.group(1) : null;
		}
		else {
			try {
				JsonNode json = MAPPER.readTree(text);
				type = (json != null) ? json.path("resourceType").asText(null) : null;
				fhirVersion = (json != null) ? json.path("fhirVersion").asText(null) : null;
			}
			catch (JsonProcessingException ex) {
				type = null;
				fhirVersion = null;
			}
		}
		if (!"CapabilityStatement".equals(type)) {
			return new Answer(null, "CTN-3051: GET " + url + " answered "
					+ ((type == null) ? "no FHIR resource" : "a " + type) + ", expected a CapabilityStatement");
		}
		if (fhirVersion == null || fhirVersion.isBlank()) {
			return new Answer(null, "CTN-3052: the CapabilityStatement of GET " + url + " has no fhirVersion");
		}
		String said = fhirVersion.strip();
		return FhirVersion.ofVersion(said)
			.map((release) -> new Answer(release, said))
			.orElseGet(() -> new Answer(null, "CTN-3052: the CapabilityStatement of GET " + url + " gives fhirVersion "
					+ AssertEvaluator.cut(said, 40) + ", expected one of R4 (4.0.x), R4B (4.3.x) or R5 (5.0.x)"));
	}

}
