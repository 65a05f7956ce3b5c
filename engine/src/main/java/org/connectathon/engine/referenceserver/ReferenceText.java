package org.connectathon.engine.referenceserver;

import java.util.Set;

/** Reads the resource type and id out of the text of a reference. */
final class ReferenceText {

	private ReferenceText() {
	}

	/**
	 * {@code Type/id} for {@code Type/id}, {@code Type/id/_history/2} and absolute URLs
	 * ending in them, when {@code Type} is a resource type of the release; else
	 * {@code null}.
	 */
	static String typeAndId(String reference, Set<String> resourceTypes) {
		String text = reference;
		int query = text.indexOf('?');
		if (query >= 0 || text.startsWith("#") || text.startsWith("urn:")) {
			return null;
		}
		int history = text.indexOf("/_history/");
		if (history >= 0) {
			text = text.substring(0, history);
		}
		int lastSlash = text.lastIndexOf('/');
		if (lastSlash <= 0 || lastSlash == text.length() - 1) {
			return null;
		}
		int typeStart = text.lastIndexOf('/', lastSlash - 1) + 1;
		String type = text.substring(typeStart, lastSlash);
		if (!resourceTypes.contains(type)) {
			return null;
		}
		return type + "/" + text.substring(lastSlash + 1);
	}

	/** A canonical without its {@code |version}, a URL without its history part. */
	static String withoutVersion(String url) {
		int bar = url.indexOf('|');
		String text = bar >= 0 ? url.substring(0, bar) : url;
		int history = text.indexOf("/_history/");
		return history >= 0 ? text.substring(0, history) : text;
	}

}
