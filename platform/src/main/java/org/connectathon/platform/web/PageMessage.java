package org.connectathon.platform.web;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;

/**
 * The flash of a success, as a key of messages.properties and its arguments: the layout
 * turns it into text in the reader's language. Kept in the session between the redirect
 * and the page, hence serializable and its arguments text.
 *
 * @param key the key in messages.properties, prefixed by the feature
 * @param arguments the values of the text's placeholders, in order
 */
public record PageMessage(String key, List<String> arguments) implements Serializable {

	/**
	 * The flash attribute that the layout shows: not "message", which error pages hold as
	 * text.
	 */
	public static final String ATTRIBUTE = "success";

	public static PageMessage of(String key, Object... arguments) {
		return new PageMessage(key, Stream.of(arguments).map(String::valueOf).toList());
	}

}
