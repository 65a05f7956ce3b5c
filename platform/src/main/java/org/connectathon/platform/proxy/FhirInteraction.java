package org.connectathon.platform.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a request is, as FHIR REST names it, read from its method and its path after the
 * server's base alone (the body is not read, so a POST on the base is a
 * {@code transaction} whether its Bundle is a transaction or a batch).
 *
 * <p>
 * The interaction is one of FHIR's restful interaction codes: {@code read},
 * {@code vread}, {@code update}, {@code patch}, {@code delete}, {@code history-instance},
 * {@code history-type}, {@code history-system}, {@code create}, {@code search-type},
 * {@code search-system}, {@code capabilities}, {@code transaction} and {@code operation};
 * a compartment search ({@code Patient/1/Observation}) is a {@code search-type} of the
 * searched type.
 *
 * @param resourceType the resource type the request is about, null at system level or
 * when the request is not FHIR REST
 * @param interaction the interaction code, null when the method and path are not a FHIR
 * REST interaction
 */
public record FhirInteraction(@Nullable String resourceType, @Nullable String interaction) {

	/** What a request that is not FHIR REST is. */
	public static final FhirInteraction UNKNOWN = new FhirInteraction(null, null);

	/**
	 * The interaction of a request.
	 * @param method the HTTP method, any case
	 * @param path the path after the server's base, with or without a leading slash and a
	 * query
	 */
	public static FhirInteraction of(String method, String path) {
		String verb = method.toUpperCase(Locale.ROOT);
		if (verb.equals("HEAD")) {
			verb = "GET";
		}
		List<String> segments = segments(path);
		if (segments.isEmpty()) {
			return switch (verb) {
				case "GET" -> system("search-system");
				case "POST" -> system("transaction");
				case "OPTIONS" -> system("capabilities");
				default -> UNKNOWN;
			};
		}
		String first = segments.get(0);
		if (!isResourceType(first)) {
			return systemLevel(verb, segments);
		}
		return switch (segments.size()) {
			case 1 -> typeLevel(verb, first);
			case 2 -> typeOrInstance(verb, first, segments.get(1));
			case 3 -> instanceSub(verb, first, segments.get(2));
			case 4 -> versioned(verb, first, segments.get(2), segments.get(3));
			default -> (segments.size() == 5 && segments.get(2).equals("_history") && isOperation(segments.get(4)))
					? new FhirInteraction(first, "operation") : UNKNOWN;
		};
	}

	/** Whether the method and path are a FHIR REST interaction at all. */
	public boolean isKnown() {
		return this.interaction != null;
	}

	private static FhirInteraction systemLevel(String verb, List<String> segments) {
		if (segments.size() != 1) {
			return UNKNOWN;
		}
		String segment = segments.get(0);
		if (isOperation(segment)) {
			return system("operation");
		}
		return switch (segment) {
			case "metadata" -> verb.equals("GET") ? system("capabilities") : UNKNOWN;
			case "_history" -> verb.equals("GET") ? system("history-system") : UNKNOWN;
			case "_search" -> (verb.equals("GET") || verb.equals("POST")) ? system("search-system") : UNKNOWN;
			default -> UNKNOWN;
		};
	}

	private static FhirInteraction typeLevel(String verb, String type) {
		return switch (verb) {
			case "GET" -> new FhirInteraction(type, "search-type");
			case "POST" -> new FhirInteraction(type, "create");
			// Conditional update, patch and delete name the resource by search
			// parameters.
			case "PUT" -> new FhirInteraction(type, "update");
			case "PATCH" -> new FhirInteraction(type, "patch");
			case "DELETE" -> new FhirInteraction(type, "delete");
			default -> UNKNOWN;
		};
	}

	private static FhirInteraction typeOrInstance(String verb, String type, String second) {
		if (isOperation(second)) {
			return new FhirInteraction(type, "operation");
		}
		if (second.equals("_search")) {
			return (verb.equals("GET") || verb.equals("POST")) ? new FhirInteraction(type, "search-type") : UNKNOWN;
		}
		if (second.equals("_history")) {
			return verb.equals("GET") ? new FhirInteraction(type, "history-type") : UNKNOWN;
		}
		return switch (verb) {
			case "GET" -> new FhirInteraction(type, "read");
			case "PUT" -> new FhirInteraction(type, "update");
			case "PATCH" -> new FhirInteraction(type, "patch");
			case "DELETE" -> new FhirInteraction(type, "delete");
			default -> UNKNOWN;
		};
	}

	private static FhirInteraction instanceSub(String verb, String type, String third) {
		if (isOperation(third)) {
			return new FhirInteraction(type, "operation");
		}
		if (third.equals("_history")) {
			return verb.equals("GET") ? new FhirInteraction(type, "history-instance") : UNKNOWN;
		}
		if (isResourceType(third) && verb.equals("GET")) {
			return new FhirInteraction(third, "search-type");
		}
		return UNKNOWN;
	}

	private static FhirInteraction versioned(String verb, String type, String third, String fourth) {
		if (third.equals("_history") && verb.equals("GET") && !isOperation(fourth)) {
			return new FhirInteraction(type, "vread");
		}
		if (isResourceType(third) && fourth.equals("_search")) {
			return new FhirInteraction(third, "search-type");
		}
		return UNKNOWN;
	}

	private static FhirInteraction system(String interaction) {
		return new FhirInteraction(null, interaction);
	}

	private static boolean isOperation(String segment) {
		return segment.length() > 1 && segment.charAt(0) == '$';
	}

	/** FHIR resource type names are letters only and start with a capital. */
	private static boolean isResourceType(String segment) {
		if (segment.isEmpty() || !Character.isUpperCase(segment.charAt(0))) {
			return false;
		}
		return segment.chars().allMatch(character -> character < 128 && Character.isLetter(character));
	}

	private static List<String> segments(String path) {
		int query = path.indexOf('?');
		String withoutQuery = (query < 0) ? path : path.substring(0, query);
		List<String> segments = new ArrayList<>();
		for (String segment : withoutQuery.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		return segments;
	}

}
