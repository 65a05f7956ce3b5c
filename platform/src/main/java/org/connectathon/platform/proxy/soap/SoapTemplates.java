package org.connectathon.platform.proxy.soap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The XML messages under {@code soap/} on the class path (the responder's answers, the
 * sample requests of the demo and the tests) with their {@code ${name}} places filled.
 * Values are XML-escaped unless given as {@link Markup}: some come from the request being
 * answered.
 */
final class SoapTemplates {

	private static final Pattern PLACE = Pattern.compile("\\$\\{([A-Za-z]+)}");

	private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

	private SoapTemplates() {
	}

	/** XML to insert as it is, made by the platform itself. */
	record Markup(String xml) {

	}

	/**
	 * The template with each place filled by its value; a place without a value is an
	 * error of the platform's own code.
	 */
	static String fill(String template, Map<String, ?> values) {
		Matcher places = PLACE.matcher(load(template));
		StringBuilder filled = new StringBuilder();
		while (places.find()) {
			Object value = Objects.requireNonNull(values.get(places.group(1)),
					() -> template + " needs a value for " + places.group(1));
			String text = (value instanceof Markup markup) ? markup.xml() : escaped(value.toString());
			places.appendReplacement(filled, Matcher.quoteReplacement(text));
		}
		places.appendTail(filled);
		return filled.toString();
	}

	static String escaped(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

	private static String load(String template) {
		return LOADED.computeIfAbsent(template, (name) -> {
			try (InputStream input = Objects.requireNonNull(
					SoapTemplates.class.getClassLoader().getResourceAsStream("soap/" + name),
					() -> "soap/" + name + " is missing from the class path")) {
				return new String(input.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
		});
	}

}
