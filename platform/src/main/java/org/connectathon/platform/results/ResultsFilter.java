package org.connectathon.platform.results;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Which results a page shows: those of one profile, of one organization, or both; a
 * missing or blank value keeps all. Pages carry it in their address, so that a filtered
 * matrix can be bookmarked and shared.
 */
public record ResultsFilter(@Nullable String profile, @Nullable String organization) {

	public ResultsFilter {
		profile = (profile == null || profile.isBlank()) ? null : profile.strip();
		organization = (organization == null || organization.isBlank()) ? null : organization.strip();
	}

	public boolean isEmpty() {
		return this.profile == null && this.organization == null;
	}

	/**
	 * The filter as the query of a page's address, encoded, with its {@code ?}; empty
	 * when it keeps all.
	 */
	public String query() {
		return UriComponentsBuilder.newInstance()
			.queryParamIfPresent("profile", Optional.ofNullable(this.profile))
			.queryParamIfPresent("organization", Optional.ofNullable(this.organization))
			.encode()
			.build()
			.toUriString();
	}

	<T extends MatrixEntry> List<T> apply(List<T> entries) {
		if (isEmpty()) {
			return entries;
		}
		return entries.stream()
			.filter((entry) -> this.profile == null || this.profile.equals(entry.profileKeyword()))
			.filter((entry) -> this.organization == null || this.organization.equals(entry.organizationName()))
			.toList();
	}

	/** The profiles a filter may choose among these results, in the matrix's order. */
	static List<String> profiles(List<? extends MatrixEntry> entries) {
		return distinct(entries, MatrixEntry::profileKeyword);
	}

	/**
	 * The organizations a filter may choose among these results, in the matrix's order.
	 */
	static List<String> organizations(List<? extends MatrixEntry> entries) {
		return distinct(entries, MatrixEntry::organizationName);
	}

	private static List<String> distinct(List<? extends MatrixEntry> entries, Function<MatrixEntry, String> value) {
		return entries.stream()
			.map(value)
			.filter(Objects::nonNull)
			.distinct()
			.sorted(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()))
			.toList();
	}

}
