package org.connectathon.engine.testscript;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request the engine sent and the response it got.
 *
 * @param status the HTTP status, 0 when no response came
 * @param millis how long the exchange took
 */
record Exchange(String method, String url, Map<String, List<String>> requestHeaders, String requestBody, int status,
		Map<String, List<String>> responseHeaders, String responseBody, long millis) {

	/** The request as a fixture read in {@code version}. */
	Fixture request(FhirVersion version) {
		return Fixture.of(this.requestBody, firstHeader(this.requestHeaders, "Content-Type"), this.requestHeaders,
				version);
	}

	Fixture response(FhirVersion version) {
		return Fixture.of(this.responseBody, firstHeader(this.responseHeaders, "Content-Type"), this.responseHeaders,
				version);
	}

	/** {@code GET http://x/Patient/1 -> 200}, for messages. */
	String summary() {
		return this.method + " " + this.url + " -> " + this.status + " (" + this.millis + " ms)";
	}

	static String firstHeader(Map<String, List<String>> headers, String name) {
		for (Map.Entry<String, List<String>> header : headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
				return header.getValue().get(0);
			}
		}
		return null;
	}

}
