package org.connectathon.engine.testscript;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request a client under test sent to the engine's listening address, as it came.
 *
 * @param method the HTTP method, upper case
 * @param target the path and query the client asked for, relative to the listening base
 * URL, with its leading {@code /} ({@code /Patient?name=x})
 * @param headers the client's headers, without the hop-by-hop ones
 * @param body the body, empty when there is none
 */
public record ClientRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {

	public ClientRequest {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(target, "target");
		Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byName.putAll(Objects.requireNonNull(headers, "headers"));
		headers = Collections.unmodifiableMap(byName);
		Objects.requireNonNull(body, "body");
	}

	/** {@code POST /Patient}, for messages. */
	String summary() {
		return this.method + " " + this.target;
	}

}
