package org.connectathon.engine.testscript;

import java.util.Locale;
import java.util.Set;

/**
 * Headers that belong to one connection, not to the request or response a client and a
 * destination exchange through the engine: they are neither forwarded nor passed back
 * (RFC 9110, section 7.6.1), nor is the length, which each side sets for its own
 * connection.
 */
final class HopByHopHeaders {

	private static final Set<String> NAMES = Set.of("connection", "content-length", "expect", "host", "keep-alive",
			"proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding",
			"upgrade");

	private HopByHopHeaders() {
	}

	static boolean contains(String name) {
		return NAMES.contains(name.toLowerCase(Locale.ROOT));
	}

}
