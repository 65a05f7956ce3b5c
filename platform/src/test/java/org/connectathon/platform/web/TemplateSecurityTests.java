package org.connectathon.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the pages' Content-Security-Policy relies on: no template carries script or style
 * inline, and no template makes a link of a stored value without the web address check.
 */
class TemplateSecurityTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern SCRIPT_SOURCE = Pattern.compile("\\s(th:)?src\\s*=", Pattern.CASE_INSENSITIVE);

	/**
	 * {@code onclick=}, {@code th:onclick=}, htmx's {@code hx-on:click=} and the like.
	 */
	private static final Pattern EVENT_HANDLER = Pattern.compile("\\s((th:)?on[a-z]+|(data-)?hx-on[\\w:-]*)\\s*=",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_STYLE = Pattern.compile("<style\\b|\\s(th:)?style\\s*=",
			Pattern.CASE_INSENSITIVE);

	/** Attributes whose value the browser follows or loads. */
	private static final Pattern ADDRESS_ATTRIBUTE = Pattern.compile(
			"\\sth:(href|src|action|formaction|hx-get|hx-post|hx-put|hx-delete)\\s*=\\s*\"([^\"]*)\"",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A model value as the whole address, as the start of a link expression, or at the
	 * start of a literal substitution: it could be any scheme. The first group names the
	 * value at the start of a link expression.
	 */
	private static final Pattern MODEL_VALUE_AS_ADDRESS = Pattern
		.compile("^\\s*[$*]\\{[^{}]*\\}\\s*$|@\\{\\s*[$*~]\\{(?:(\\w+)\\})?|^\\s*\\|\\s*[$*]\\{");

	/**
	 * Link expressions that start with a path on this site: a literal path, the filtered
	 * lists' address that controllers build from a path and ids ({@code listBase}), or
	 * that address sorted ({@code ListFilters.sortPath}). What follows can add to the
	 * path and query, never change the scheme or host.
	 */
	private static final Pattern SITE_PATH = Pattern.compile("^@\\{\\$\\{('/[^/']|listBase\\}|filters\\.sortPath\\()");

	private static final Pattern FRAGMENT_PARAMETERS = Pattern.compile("th:fragment=\"\\w+\\s*\\(([^)]*)\\)\"");

	@Test
	void shouldRunNoScriptInline() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template);
			Matcher script = SCRIPT_TAG.matcher(text);
			while (script.find()) {
				if (!SCRIPT_SOURCE.matcher(script.group(1)).find()) {
					found.add(TEMPLATES.relativize(template) + ": " + script.group());
				}
			}
			findAll(EVENT_HANDLER, template, text, found);
			findAll(Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE), template, text, found);
		}
		assertThat(found).as("inline scripts, event handler attributes and javascript: addresses").isEmpty();
	}

	@Test
	void shouldStyleNothingInline() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			findAll(INLINE_STYLE, template, Files.readString(template), found);
		}
		assertThat(found).as("style elements and style attributes").isEmpty();
	}

	@Test
	void shouldLinkToAStoredAddressOnlyThroughTheWebAddressCheck() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template);
			List<String> fragmentParameters = fragmentParameters(text);
			Matcher attribute = ADDRESS_ATTRIBUTE.matcher(text);
			while (attribute.find()) {
				String value = attribute.group(2);
				Matcher modelValue = MODEL_VALUE_AS_ADDRESS.matcher(value);
				// A fragment's parameter is a path that the including template writes.
				if (modelValue.find() && !value.startsWith("${#webAddresses.link(") && !SITE_PATH.matcher(value).find()
						&& !fragmentParameters.contains(modelValue.group(1))) {
					found.add(TEMPLATES.relativize(template) + ": " + attribute.group().strip());
				}
			}
		}
		assertThat(found).as("links made of stored values without #webAddresses.link(...)").isEmpty();
	}

	@Test
	void shouldTellEveryKindOfInlineScriptApart() {
		assertThat(EVENT_HANDLER.matcher("<a onclick=\"x()\">").find()).isTrue();
		assertThat(EVENT_HANDLER.matcher("<a th:onclick=\"${x}\">").find()).isTrue();
		assertThat(EVENT_HANDLER.matcher("<div hx-on:click=\"x()\">").find()).isTrue();
		assertThat(EVENT_HANDLER.matcher("<div hx-get=\"/x\" data-live-updates>").find()).isFalse();
		assertThat(MODEL_VALUE_AS_ADDRESS.matcher("${item.url}").find()).isTrue();
		assertThat(MODEL_VALUE_AS_ADDRESS.matcher("@{${item.url}}").find()).isTrue();
		assertThat(MODEL_VALUE_AS_ADDRESS.matcher("|${base}/x|").find()).isTrue();
		assertThat(MODEL_VALUE_AS_ADDRESS.matcher("@{/events/{id}(id=${event.id})}").find()).isFalse();
		assertThat(SITE_PATH.matcher("@{${'/events/' + event.id + filter.query()}}").find()).isTrue();
		assertThat(SITE_PATH.matcher("@{${'//elsewhere.example/' + event.id}}").find()).isFalse();
		assertThat(SITE_PATH.matcher("@{${item.url}}").find()).isFalse();
		assertThat(MODEL_VALUE_AS_ADDRESS.matcher("${event.id == 0} ? @{/new} : @{/{id}(id=${event.id})}").find())
			.isFalse();
	}

	private static List<String> fragmentParameters(String text) {
		List<String> parameters = new ArrayList<>();
		Matcher fragment = FRAGMENT_PARAMETERS.matcher(text);
		while (fragment.find()) {
			for (String parameter : fragment.group(1).split(",")) {
				parameters.add(parameter.strip());
			}
		}
		return parameters;
	}

	private static void findAll(Pattern pattern, Path template, String text, List<String> found) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			int lineEnd = text.indexOf('\n', matcher.start());
			found.add(TEMPLATES.relativize(template) + ": "
					+ text.substring(matcher.start(), (lineEnd < 0) ? text.length() : lineEnd).strip());
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((path) -> path.toString().endsWith(".html")).toList();
		}
	}

}
