package org.connectathon.platform.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One issue that the background validation found in a capture's request or response body,
 * as stored in {@code captures.validation_issues}: a JSON array of objects with
 * {@code side} ({@code request} or {@code response}), {@code severity} (FHIR's code:
 * {@code fatal}, {@code error}, {@code warning}, {@code information}), {@code location}
 * (the FHIRPath of the element), {@code line} (in the body as stored) and
 * {@code message}.
 *
 * @param side which body, null when the issue is about the exchange as a whole
 * @param severity FHIR's code of the issue's severity
 * @param location the FHIRPath of the element concerned, null when unknown
 * @param line the 1-based line in the body as it was stored, null when unknown
 */
public record CaptureIssue(@Nullable Side side, String severity, @Nullable String location, @Nullable Integer line,
		String message) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The body an issue is about. */
	public enum Side {

		REQUEST, RESPONSE

	}

	/**
	 * Whether the issue makes the body invalid: fatal or error, as the validator counts
	 * errors.
	 */
	public boolean isError() {
		return "error".equals(this.severity) || "fatal".equals(this.severity);
	}

	/**
	 * The issues as stored; what does not read as an array of issues gives none, so that
	 * a page shows the capture whatever the validation wrote.
	 */
	static List<CaptureIssue> read(@Nullable String stored) {
		if (stored == null || stored.isBlank()) {
			return List.of();
		}
		JsonNode array;
		try {
			array = JSON.readTree(stored);
		}
		catch (JacksonException unreadable) {
			return List.of();
		}
		List<CaptureIssue> issues = new ArrayList<>();
		for (JsonNode issue : array) {
			String message = text(issue, "message");
			if (message != null) {
				issues
					.add(new CaptureIssue(side(text(issue, "side")),
							(text(issue, "severity") != null) ? text(issue, "severity").toLowerCase(Locale.ROOT)
									: "error",
							text(issue, "location"),
							issue.path("line").canConvertToInt() ? issue.path("line").asInt() : null, message));
			}
		}
		return List.copyOf(issues);
	}

	private static @Nullable Side side(@Nullable String typed) {
		if (typed == null) {
			return null;
		}
		return switch (typed.toUpperCase(Locale.ROOT)) {
			case "REQUEST" -> Side.REQUEST;
			case "RESPONSE" -> Side.RESPONSE;
			default -> null;
		};
	}

	private static @Nullable String text(JsonNode issue, String field) {
		JsonNode value = issue.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
