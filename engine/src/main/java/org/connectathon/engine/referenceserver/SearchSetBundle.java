package org.connectathon.engine.referenceserver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.hl7.fhir.instance.model.api.IBaseBundle;

/**
 * Writes a search's answer as a searchset Bundle: the page's matches
 * ({@code search.mode =
 * match}), the included resources ({@code include}), an OperationOutcome with the
 * parameters that were not used ({@code outcome}), the total unless {@code _total=none},
 * and first, next and previous links that page with {@code _offset} (the self link is
 * HAPI's). The stored JSON of each resource is copied in as it is, and the Bundle parsed
 * once.
 */
final class SearchSetBundle {

	private SearchSetBundle() {
	}

	/**
	 * @param fhirContext the server's release
	 * @param searchUrl the URL searched without query, such as
	 * {@code http://host/fhir/Patient}
	 * @param parameters the query, which the links repeat
	 */
	static IBaseBundle write(FhirContext fhirContext, String serverBase, String searchUrl,
			Map<String, String[]> parameters, IndexedSearch.Result result) {
		String total = first(parameters, "_total", "accurate");
		if (!List.of("none", "estimate", "accurate").contains(total)) {
			throw new InvalidRequestException(
					"CTN-5016: _total expects none, estimate or accurate, got '" + total + "'");
		}
		boolean countOnly = "count".equals(first(parameters, "_summary", ""));
		StringBuilder json = new StringBuilder(256 + 1024 * (result.page().size() + result.included().size()));
		json.append("{\"resourceType\":\"Bundle\",\"id\":\"")
			.append(UUID.randomUUID())
			.append("\",\"type\":\"searchset\"");
		if (!total.equals("none") || countOnly) {
			json.append(",\"total\":").append(result.matches().size());
		}
		// HAPI's server adds the self link, the URL asked, to a Bundle without one;
		// written
		// here too, it is doubled in R5, whose relation HAPI does not read back
		json.append(",\"link\":[");
		if (result.offset() > 0) {
			link(json, "first", searchUrl, parameters, 0);
			json.append(',');
			link(json, "previous", searchUrl, parameters, Math.max(0, result.offset() - result.count()));
		}
		if (result.offset() + result.count() < result.matches().size() && result.count() > 0) {
			if (result.offset() > 0) {
				json.append(',');
			}
			link(json, "next", searchUrl, parameters, result.offset() + result.count());
		}
		json.append("],\"entry\":[");
		boolean firstEntry = true;
		if (!countOnly) {
			for (SearchIndex.Entry entry : result.page()) {
				firstEntry = entry(json, firstEntry, serverBase, entry, "match");
			}
			for (SearchIndex.Entry entry : result.included()) {
				firstEntry = entry(json, firstEntry, serverBase, entry, "include");
			}
		}
		if (!result.issues().isEmpty()) {
			if (!firstEntry) {
				json.append(',');
			}
			json.append("{\"fullUrl\":\"urn:uuid:")
				.append(UUID.randomUUID())
				.append("\",\"resource\":{\"resourceType\":\"OperationOutcome\",\"issue\":[");
			for (int i = 0; i < result.issues().size(); i++) {
				json.append(i == 0 ? "" : ",")
					.append("{\"severity\":\"warning\",\"code\":\"not-supported\",\"diagnostics\":\"")
					.append(quote(result.issues().get(i)))
					.append("\"}");
			}
			json.append("]},\"search\":{\"mode\":\"outcome\"}}");
		}
		json.append("]}");
		return (IBaseBundle) fhirContext.newJsonParser().parseResource(json.toString());
	}

	private static boolean entry(StringBuilder json, boolean firstEntry, String serverBase, SearchIndex.Entry entry,
			String mode) {
		if (!firstEntry) {
			json.append(',');
		}
		ResourceStore.Version version = entry.version();
		json.append("{\"fullUrl\":\"")
			.append(quote(serverBase + "/" + version.type() + "/" + version.id()))
			.append("\",\"resource\":")
			.append(version.json())
			.append(",\"search\":{\"mode\":\"")
			.append(mode)
			.append("\"}}");
		return false;
	}

	private static void link(StringBuilder json, String relation, String searchUrl, Map<String, String[]> parameters,
			int offset) {
		StringBuilder url = new StringBuilder(searchUrl);
		char separator = '?';
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (parameter.getKey().equals("_offset")) {
				continue;
			}
			for (String value : parameter.getValue()) {
				url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(value));
				separator = '&';
			}
		}
		if (offset > 0) {
			url.append(separator).append("_offset=").append(offset);
		}
		json.append("{\"relation\":\"")
			.append(relation)
			.append("\",\"url\":\"")
			.append(quote(url.toString()))
			.append("\"}");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%3A", ":").replace("%7C", "|");
	}

	private static String quote(String text) {
		return new String(JsonStringEncoder.getInstance().quoteAsString(text));
	}

	private static String first(Map<String, String[]> parameters, String name, String otherwise) {
		String[] values = parameters.get(name);
		return values == null || values.length == 0 ? otherwise : values[0];
	}

}
