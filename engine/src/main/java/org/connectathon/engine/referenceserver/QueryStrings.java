package org.connectathon.engine.referenceserver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a URL query string into decoded parameters, the way a servlet container does.
 */
final class QueryStrings {

	private QueryStrings() {
	}

	static Map<String, String[]> parse(String query) {
		Map<String, List<String>> collected = new LinkedHashMap<>();
		if (query != null && !query.isEmpty()) {
			for (String pair : query.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = decode(equals < 0 ? pair : pair.substring(0, equals));
				String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
				collected.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
			}
		}
		Map<String, String[]> parameters = new LinkedHashMap<>();
		collected.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
		return parameters;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
