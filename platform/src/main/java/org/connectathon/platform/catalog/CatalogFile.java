package org.connectathon.platform.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The catalog import and export format, in YAML or JSON; docs/catalog-format.md describes
 * it. Fields mirror the file so that a parse error points at what the user wrote.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "format", "profiles" })
record CatalogFile(@Nullable String format, List<ProfileEntry> profiles) {

	static final String FORMAT = "connectathon-catalog/1";

	CatalogFile {
		profiles = (profiles != null) ? profiles : List.of();
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "keyword", "name", "kind", "version", "url", "description", "actors", "transactions" })
	record ProfileEntry(@Nullable String keyword, @Nullable String name, @Nullable ProfileKind kind,
			@Nullable String version, @Nullable String url, @Nullable String description, List<ActorEntry> actors,
			List<TransactionEntry> transactions) {

		ProfileEntry {
			actors = (actors != null) ? actors : List.of();
			transactions = (transactions != null) ? transactions : List.of();
		}

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "keyword", "name", "description", "options", "requires" })
	record ActorEntry(@Nullable String keyword, @Nullable String name, @Nullable String description,
			List<OptionEntry> options, List<String> requires) {

		ActorEntry {
			options = (options != null) ? options : List.of();
			requires = (requires != null) ? requires : List.of();
		}

	}

	record OptionEntry(@Nullable String keyword, @Nullable String name) {

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "keyword", "name", "initiator", "responder", "description", "matches", "hl7v2Profiles" })
	record TransactionEntry(@Nullable String keyword, @Nullable String name, @Nullable String initiator,
			@Nullable String responder, @Nullable String description, List<String> matches,
			List<String> hl7v2Profiles) {

		TransactionEntry {
			matches = (matches != null) ? matches : List.of();
			hl7v2Profiles = (hl7v2Profiles != null) ? hl7v2Profiles : List.of();
		}

	}

}
