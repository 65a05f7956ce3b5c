package org.connectathon.engine.testscript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hl7.fhir.r5.model.TestScript;

/**
 * The request a client operation waits for: its method, resource type and interaction,
 * each when the operation says it (by its method, resource and type; the method follows
 * from the type as for requests the engine sends). A request matches when it agrees on
 * each; its URL, headers and body are for the asserts to judge.
 *
 * @param method the HTTP method, or {@code null} for any
 * @param resourceType the resource type of the URL, or {@code null} for any
 * @param interaction the operation code, or {@code null} for any
 */
record ExpectedRequest(String method, String resourceType, String interaction) {

	/** Codes that ask for the same request as another, by code. */
	private static final Map<String, String> SAME_REQUEST = Map.of("updateCreate", "update", "transaction", "batch",
			"deleteCondSingle", "deleteConditional", "deleteCondMultiple", "deleteConditional");

	static ExpectedRequest of(TestScript.SetupActionOperationComponent operation) {
		String code = TouchstoneConventions.operationCode(operation);
		String method = operation.hasMethod() ? operation.getMethod().toCode().toUpperCase(Locale.ROOT)
				: code == null ? null : OperationRunner.defaultMethod(code, operation.hasSourceId());
		return new ExpectedRequest(method, OperationRunner.resourceType(operation.getResource()), code);
	}

	boolean matches(ClientRequest request) {
		if (this.method != null && !this.method.equals(request.method())) {
			return false;
		}
		List<String> segments = segments(request.target());
		if (this.resourceType != null && (segments.isEmpty() || !segments.get(0).equals(this.resourceType))) {
			return false;
		}
		if (this.interaction == null) {
			return true;
		}
		String wanted = SAME_REQUEST.getOrDefault(this.interaction, this.interaction);
		return wanted.equals(interaction(request.method(), segments, request.target().contains("?")));
	}

	/** {@code POST Patient}, {@code GET Patient (read)}, for people. */
	String describe() {
		StringBuilder text = new StringBuilder(this.method == null ? "a request" : this.method);
		text.append(' ').append(this.resourceType == null ? "[base]" : this.resourceType);
		if (this.interaction != null && !this.interaction.equals("create")) {
			text.append(" (").append(this.interaction).append(')');
		}
		return text.toString();
	}

	/**
	 * The interaction a request asks for, from its method and path as the RESTful API
	 * lays them out; an operation's code without its {@code $}.
	 */
	static String interaction(String method, List<String> segments, boolean query) {
		if (!segments.isEmpty() && segments.get(segments.size() - 1).startsWith("$")) {
			return segments.get(segments.size() - 1).substring(1);
		}
		int count = segments.size();
		if (count == 0) {
			return method.equals("POST") ? "batch" : method.equals("GET") && query ? "search" : "capabilities";
		}
		if (count == 1 && segments.get(0).equals("metadata")) {
			return "capabilities";
		}
		String last = segments.get(count - 1);
		if (last.equals("_history")) {
			return "history";
		}
		if (last.equals("_search")) {
			return "search";
		}
		if (count == 4 && segments.get(2).equals("_history")) {
			return "vread";
		}
		if (count == 1) {
			return switch (method) {
				case "POST" -> "create";
				case "PUT" -> "update";
				case "DELETE" -> "deleteConditional";
				case "PATCH" -> "patch";
				default -> "search";
			};
		}
		return switch (method) {
			case "PUT" -> "update";
			case "PATCH" -> "patch";
			case "DELETE" -> "delete";
			default -> "read";
		};
	}

	/** The path segments of a target, without query and empty segments. */
	static List<String> segments(String target) {
		int end = target.length();
		int query = target.indexOf('?');
		if (query >= 0) {
			end = query;
		}
		List<String> segments = new ArrayList<>();
		for (String segment : target.substring(0, end).split("/")) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		return segments;
	}

}
