package org.connectathon.engine.referenceserver;

import java.util.Objects;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Applies an RFC 6902 JSON Patch (add, remove, replace, move, copy, test) to a JSON
 * document. A malformed patch is a 400, a patch that does not apply (missing path, failed
 * test) a 422.
 */
public final class JsonPatch {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private JsonPatch() {
	}

	/** Returns the patched document; {@code document} is not changed. */
	public static String apply(String document, String patch) {
		Objects.requireNonNull(document, "document");
		Objects.requireNonNull(patch, "patch");
		JsonNode target;
		JsonNode operations;
		try {
			target = MAPPER.readTree(document);
			operations = MAPPER.readTree(patch);
		}
		catch (JsonProcessingException ex) {
			throw new InvalidRequestException("JSON Patch is not valid JSON: " + ex.getOriginalMessage());
		}
		if (!operations.isArray()) {
			throw new InvalidRequestException("JSON Patch must be an array of operations");
		}
		for (JsonNode operation : operations) {
			target = applyOne(target, operation);
		}
		return target.toString();
	}

	private static JsonNode applyOne(JsonNode document, JsonNode operation) {
		String op = operation.path("op").asText();
		String path = operation.path("path").asText(null);
		if (path == null) {
			throw new InvalidRequestException("JSON Patch operation without path: " + operation);
		}
		switch (op) {
			case "add" -> add(document, path, value(operation));
			case "remove" -> remove(document, path);
			case "replace" -> {
				remove(document, path);
				add(document, path, value(operation));
			}
			case "move" -> {
				JsonNode moved = get(document, operation.path("from").asText());
				remove(document, operation.path("from").asText());
				add(document, path, moved);
			}
			case "copy" -> add(document, path, get(document, operation.path("from").asText()).deepCopy());
			case "test" -> {
				if (!get(document, path).equals(value(operation))) {
					throw new UnprocessableEntityException("JSON Patch test failed at " + path);
				}
			}
			default -> throw new InvalidRequestException("Unknown JSON Patch operation '" + op + "'");
		}
		return document;
	}

	private static JsonNode value(JsonNode operation) {
		if (!operation.has("value")) {
			throw new InvalidRequestException("JSON Patch operation without value: " + operation);
		}
		return operation.get("value");
	}

	private static JsonNode get(JsonNode document, String path) {
		JsonNode node = document.at(path);
		if (node.isMissingNode()) {
			throw new UnprocessableEntityException("JSON Patch path " + path + " does not exist");
		}
		return node;
	}

	private static void add(JsonNode document, String path, JsonNode value) {
		JsonNode parent = get(document, parentOf(path));
		String last = lastSegment(path);
		if (parent instanceof ObjectNode object) {
			object.set(last, value);
		}
		else if (parent instanceof ArrayNode array) {
			if (last.equals("-")) {
				array.add(value);
			}
			else {
				array.insert(index(array, last, true), value);
			}
		}
		else {
			throw new UnprocessableEntityException("JSON Patch path " + path + " has no container");
		}
	}

	private static void remove(JsonNode document, String path) {
		JsonNode parent = get(document, parentOf(path));
		get(document, path);
		String last = lastSegment(path);
		if (parent instanceof ObjectNode object) {
			object.remove(last);
		}
		else if (parent instanceof ArrayNode array) {
			array.remove(index(array, last, false));
		}
	}

	private static int index(ArrayNode array, String segment, boolean mayEqualSize) {
		try {
			int index = Integer.parseInt(segment);
			if (index < 0 || index > array.size() || (!mayEqualSize && index == array.size())) {
				throw new UnprocessableEntityException("JSON Patch index " + index + " is out of bounds");
			}
			return index;
		}
		catch (NumberFormatException ex) {
			throw new UnprocessableEntityException("JSON Patch array index '" + segment + "' is not a number");
		}
	}

	private static String parentOf(String path) {
		return path.substring(0, Math.max(0, path.lastIndexOf('/')));
	}

	private static String lastSegment(String path) {
		return path.substring(path.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
	}

}
