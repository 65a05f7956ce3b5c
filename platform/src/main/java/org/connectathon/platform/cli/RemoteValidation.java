package org.connectathon.platform.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.connectathon.engine.validation.IssueSeverity;
import org.connectathon.engine.validation.OperationOutcomes;
import org.connectathon.engine.validation.ValidationIssue;
import org.connectathon.engine.validation.ValidationReport;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Validation on a running platform, whose validator is warm: each file is posted to its
 * {@code POST /api/validate} (the same validator as the FHIR {@code $validate} operation,
 * for any resource type, and malformed input gets the same positioned error as on the
 * command line) with the user's API token, and the OperationOutcome it answers is read
 * back into the report the local validator would give. Only the JDK's
 * {@link HttpURLConnection} and Jackson are used, so that the command starts without
 * loading HAPI; and not the JDK's newer {@code HttpClient}, which sets up TLS and a
 * selector thread when it is built, even for plain http: a sixth of the command's start.
 */
final class RemoteValidation {

	/** What the platform names an implementation guide by; it takes no paths. */
	private static final Pattern PACKAGE_REFERENCE = Pattern
		.compile("[A-Za-z0-9][A-Za-z0-9._-]*#[A-Za-z0-9][A-Za-z0-9._+-]*");

	/**
	 * The issue a platform adds when it found nothing, which the local report does not
	 * have.
	 */
	private static final String NO_ISSUES = "No issues detected during validation";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

	private final URI server;

	private final String token;

	private final List<String> implementationGuides;

	private final String profile;

	RemoteValidation(String server, String token, List<String> implementationGuides, String profile) {
		this.server = platformAddress(server);
		if (token == null || token.isBlank()) {
			throw new UsageException("expected an API token of the platform with --server (--token TOKEN, or "
					+ "the variable CONNECTATHON_TOKEN; create one on your account page), but none was given");
		}
		this.token = token.strip();
		for (String guide : implementationGuides) {
			if (!PACKAGE_REFERENCE.matcher(guide).matches()) {
				throw new UsageException("expected --ig NAME#VERSION with --server (the platform takes packages "
						+ "from its own cache, never a file), but got " + guide);
			}
		}
		this.implementationGuides = List.copyOf(implementationGuides);
		this.profile = profile;
	}

	/** Where the platform is, for the console. */
	URI server() {
		return this.server;
	}

	/**
	 * Validates one file's content on the platform.
	 * @throws UsageException with one readable line when the platform cannot be reached,
	 * refuses the token or the request, or answers something other than an
	 * OperationOutcome
	 */
	ValidationReport validate(String content) {
		Answer answer;
		try {
			answer = post(content);
		}
		catch (SocketTimeoutException ex) {
			throw new UsageException("the platform at " + this.server + " did not answer in time");
		}
		catch (ConnectException | UnknownHostException ex) {
			throw new UsageException("cannot reach the platform at " + this.server + ": the connection was refused"
					+ " or the host is unknown; is it running?");
		}
		catch (IOException ex) {
			throw new UsageException("cannot reach the platform at " + this.server + ": " + reason(ex));
		}
		return switch (answer.status()) {
			case 200 -> report(answer.body());
			case 401 -> throw new UsageException("the platform at " + this.server + " refused the token: "
					+ detail(answer.body(), "it is unknown, expired or revoked"));
			case 403 -> throw new UsageException(
					"the platform at " + this.server + " refused the request: " + detail(answer.body(), "forbidden"));
			default -> throw new UsageException("the platform at " + this.server + " refused the request (HTTP "
					+ answer.status() + "): " + detail(answer.body(), "no reason given"));
		};
	}

	/**
	 * Posts the content and reads the whole answer, which hands the connection back to
	 * the JDK's keep-alive cache: the next file, or another thread's, reuses it (and its
	 * TLS session) instead of connecting again.
	 */
	private Answer post(String content) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) validateAddress().toURL().openConnection();
		connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
		connection.setReadTimeout((int) ANSWER_TIMEOUT.toMillis());
		// a redirect would turn the POST into a GET elsewhere; the user gives the address
		connection.setInstanceFollowRedirects(false);
		connection.setRequestMethod("POST");
		connection.setRequestProperty("Authorization", "Bearer " + this.token);
		connection.setRequestProperty("Accept", "application/fhir+json");
		connection.setRequestProperty("Content-Type",
				isXml(content) ? "application/fhir+xml" : "application/fhir+json");
		byte[] body = content.getBytes(StandardCharsets.UTF_8);
		connection.setFixedLengthStreamingMode(body.length);
		connection.setDoOutput(true);
		try (OutputStream out = connection.getOutputStream()) {
			out.write(body);
		}
		int status = connection.getResponseCode();
		try (InputStream in = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
			return new Answer(status, (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "");
		}
	}

	private record Answer(int status, String body) {
	}

	private URI validateAddress() {
		StringBuilder query = new StringBuilder();
		for (String guide : this.implementationGuides) {
			query.append(query.isEmpty() ? "?" : "&").append("ig=").append(encode(guide));
		}
		if (this.profile != null) {
			query.append(query.isEmpty() ? "?" : "&").append("profile=").append(encode(this.profile));
		}
		return URI.create(this.server + "/api/validate" + query);
	}

	private ValidationReport report(String body) {
		JsonNode outcome;
		try {
			outcome = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			outcome = null;
		}
		if (outcome == null || !"OperationOutcome".equals(outcome.path("resourceType").asText())) {
			throw new UsageException("expected an OperationOutcome from " + this.server
					+ "/api/validate, but got something else: is it a Connectathon platform?");
		}
		List<ValidationIssue> issues = new ArrayList<>();
		for (JsonNode issue : outcome.path("issue")) {
			IssueSeverity severity = severity(issue.path("severity").asText());
			String message = issue.path("diagnostics").asText("");
			String location = issue.path("expression").path(0).asText("");
			if (severity == IssueSeverity.INFORMATION && message.equals(NO_ISSUES) && location.isEmpty()) {
				continue;
			}
			issues.add(new ValidationIssue(severity, location, extension(issue, OperationOutcomes.LINE_EXTENSION),
					extension(issue, OperationOutcomes.COLUMN_EXTENSION), message, null));
		}
		return new ValidationReport(issues);
	}

	private static IssueSeverity severity(String code) {
		for (IssueSeverity severity : IssueSeverity.values()) {
			if (severity.code().equals(code)) {
				return severity;
			}
		}
		return IssueSeverity.INFORMATION;
	}

	private static Integer extension(JsonNode issue, String url) {
		for (JsonNode extension : issue.path("extension")) {
			if (url.equals(extension.path("url").asText()) && extension.path("valueInteger").isInt()) {
				return extension.path("valueInteger").asInt();
			}
		}
		return null;
	}

	/** The problem's (API) or OperationOutcome's reason, on one line. */
	private static String detail(String body, String otherwise) {
		try {
			JsonNode answer = JSON.readTree(body);
			String detail = answer.path("detail").asText(answer.path("issue").path(0).path("diagnostics").asText(""));
			if (!detail.isBlank()) {
				return detail.strip().replaceAll("\\s+", " ");
			}
		}
		catch (JacksonException | RuntimeException ex) {
			// not JSON: the fallback says enough
		}
		return otherwise;
	}

	private static URI platformAddress(String address) {
		URI uri;
		try {
			uri = new URI(address.strip());
		}
		catch (java.net.URISyntaxException ex) {
			uri = null;
		}
		String scheme = (uri != null && uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
				|| uri.getFragment() != null) {
			throw new UsageException("expected --server to be the http(s) address of a Connectathon platform, "
					+ "such as https://connectathon.example.org, but got " + address);
		}
		String text = uri.toString();
		return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
	}

	private static boolean isXml(String content) {
		for (int i = 0; i < content.length(); i++) {
			char character = content.charAt(i);
			if (!Character.isWhitespace(character) && character != '\uFEFF') {
				return character == '<';
			}
		}
		return false;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String reason(IOException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
