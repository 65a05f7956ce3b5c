package org.connectathon.platform.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.connectathon.platform.proxy.CapturedMessage.Header;

/**
 * Which headers cross the proxy and how captures keep them. Hop-by-hop headers belong to
 * one connection and never cross; cookies never cross either way, because the proxy
 * answers on the platform's own origin, where a browser's platform session cookie would
 * reach the upstream and an upstream's cookie would land beside it. Captures keep every
 * header as it came, with credentials masked.
 */
final class ProxyHeaders {

	static final String SYSTEM_TOKEN = ProxyAddresses.CAPTURE_TOKEN_HEADER;

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
			"trailer", "upgrade", "proxy-connection", "proxy-authenticate", "proxy-authorization");

	/**
	 * Not sent upstream: the proxy sets the host and the body's length itself, answers
	 * {@code Expect} itself, and the token is for the platform alone.
	 */
	private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "expect", "cookie",
			SYSTEM_TOKEN.toLowerCase(Locale.ROOT));

	/**
	 * Not returned to the client: headers that would act on the platform's own origin
	 * (its cookies, its transport security, its stored data).
	 */
	private static final Set<String> NOT_RETURNED = Set.of("set-cookie", "set-cookie2", "strict-transport-security",
			"clear-site-data", "alt-svc");

	/**
	 * The policy of every proxied answer: data, never a page of the platform; a page an
	 * endpoint returns runs sandboxed, without the platform's origin.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

	/**
	 * Headers the platform sets on every proxied answer, as Spring Security sets them on
	 * its other answers, in place of an endpoint's: they guard the platform's origin,
	 * which the endpoint does not know it answers on. An endpoint's
	 * {@code Content-Security-Policy} is not among them: it goes back beside the
	 * platform's, and a browser enforces both.
	 */
	private static final Set<String> SET_BY_THE_PLATFORM = Set.of("x-content-type-options", "x-frame-options",
			"x-xss-protection", "referrer-policy");

	/** As Spring Security writes it on the platform's other answers over TLS. */
	private static final String TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

	private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie",
			"set-cookie", "x-api-key", SYSTEM_TOKEN.toLowerCase(Locale.ROOT));

	private static final String MASK = "****";

	private ProxyHeaders() {
	}

	/**
	 * Whether a request header goes upstream.
	 * @param connectionTokens the header names that the request's {@code Connection}
	 * header names as hop-by-hop, lower case
	 */
	static boolean forwarded(String name, List<String> connectionTokens) {
		String lower = name.toLowerCase(Locale.ROOT);
		return !HOP_BY_HOP.contains(lower) && !NOT_FORWARDED.contains(lower) && !lower.startsWith("proxy-")
				&& !connectionTokens.contains(lower);
	}

	/** Whether an upstream's answer header goes back to the client. */
	static boolean returned(String name, List<String> connectionTokens) {
		String lower = name.toLowerCase(Locale.ROOT);
		return !HOP_BY_HOP.contains(lower) && !NOT_RETURNED.contains(lower) && !SET_BY_THE_PLATFORM.contains(lower)
				&& !lower.startsWith("proxy-") && !connectionTokens.contains(lower);
	}

	/**
	 * The security headers of the platform's origin, which Spring Security's filters
	 * write on every other answer and which the proxy, ahead of them, writes itself
	 * before anything else of the answer. No caching header: an endpoint's own pass
	 * through.
	 */
	static void writePlatformHeaders(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-XSS-Protection", "0");
		response.setHeader("Referrer-Policy", "same-origin");
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", TRANSPORT_SECURITY);
		}
	}

	/** The names a {@code Connection} header lists, lower case. */
	static List<String> connectionTokens(List<String> connectionHeaders) {
		return connectionHeaders.stream()
			.flatMap((value) -> List.of(value.split(",")).stream())
			.map((token) -> token.strip().toLowerCase(Locale.ROOT))
			.filter((token) -> !token.isEmpty())
			.toList();
	}

	/**
	 * The header as a capture keeps it: a credential is masked, keeping only the scheme
	 * of an {@code Authorization} header ({@code Bearer ****}) so that a reader still
	 * sees how the client signed in.
	 */
	static Header captured(String name, String value) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (!CREDENTIALS.contains(lower)) {
			return new Header(name, value);
		}
		int space = value.indexOf(' ');
		if (lower.endsWith("authorization") && space > 0) {
			return new Header(name, value.substring(0, space) + " " + MASK);
		}
		return new Header(name, MASK);
	}

}
