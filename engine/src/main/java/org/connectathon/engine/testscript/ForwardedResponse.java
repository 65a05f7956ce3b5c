package org.connectathon.engine.testscript;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the destination answered to a forwarded request; the client under test gets it
 * unchanged.
 *
 * @param status the HTTP status
 * @param headers the response headers; hop-by-hop ones are left out when they are passed
 * on
 * @param body the body, empty when there is none
 */
public record ForwardedResponse(int status, Map<String, List<String>> headers, byte[] body) {

	public ForwardedResponse {
		Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byName.putAll(Objects.requireNonNull(headers, "headers"));
		headers = Collections.unmodifiableMap(byName);
		Objects.requireNonNull(body, "body");
	}

}
