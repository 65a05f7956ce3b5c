package org.connectathon.platform.web;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for an address that a page renders as a link: an absolute {@code http} or
 * {@code https} URL with a host. Any other scheme ({@code javascript:}, {@code data:},
 * {@code vbscript:}) would run or show content of the submitter's choosing when clicked,
 * and a protocol-relative {@code //host} takes the page's own scheme to any host. Imports
 * and forms refuse such addresses; templates reach this class as {@code #webAddresses}
 * ({@link WebAddressDialect}) so that a value stored before the check is never a link.
 */
public final class WebAddresses {

	public static boolean isWebAddress(@Nullable String text) {
		if (text == null) {
			return false;
		}
		try {
			URI uri = new URI(text);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException exception) {
			return false;
		}
	}

	/**
	 * For {@code th:href}: the address when it is a web address, otherwise null, which
	 * leaves the link without a target.
	 */
	public @Nullable String link(@Nullable String text) {
		return isWebAddress(text) ? text : null;
	}

}
