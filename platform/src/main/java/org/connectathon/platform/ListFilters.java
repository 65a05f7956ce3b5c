package org.connectathon.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters and sort of a long list (systems, test instances, tests) as typed in the
 * address of a page or of the API: all optional, blank meaning absent. The same values
 * come back into the links of the page (paging, column headers), so that a bookmarked or
 * shared address shows the same list. Each list reads them with a
 * {@link ListFilterReader}, which refuses what it cannot read and the filters it does not
 * have.
 *
 * @param text words that the row's names contain, in any case
 * @param status a status of the listed items (system or instance status), in any case
 * @param type a kind of the listed items (test type, evidence kind), in any case
 * @param profile the keyword of a profile that the item concerns
 * @param organization the id of an organization that the item belongs to or involves
 * @param table the beginning of a table location on the testing floor, in any case
 * @param sort a column of the list, after a {@code -} for descending order
 */
public record ListFilters(@Nullable String text, @Nullable String status, @Nullable String type,
		@Nullable String profile, @Nullable String organization, @Nullable String table, @Nullable String sort) {

	public static final String TEXT = "text";

	public static final String STATUS = "status";

	public static final String TYPE = "type";

	public static final String PROFILE = "profile";

	public static final String ORGANIZATION = "organization";

	public static final String TABLE = "table";

	public static final String SORT = "sort";

	public static ListFilters none() {
		return new ListFilters(null, null, null, null, null, null, null);
	}

	/** Starts reading the values for the named list, which has only the given filters. */
	public ListFilterReader reader(String list, Set<String> filters) {
		return new ListFilterReader(this, list, filters);
	}

	/** The values given, by parameter name, in the order of the address. */
	public Map<String, String> given() {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		values.put(TEXT, this.text);
		values.put(STATUS, this.status);
		values.put(TYPE, this.type);
		values.put(PROFILE, this.profile);
		values.put(ORGANIZATION, this.organization);
		values.put(TABLE, this.table);
		values.put(SORT, this.sort);
		Map<String, String> given = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				given.put(name, value.strip());
			}
		});
		return given;
	}

	/** The list's address with these filters, to which paging links add the page. */
	public String path(String listPath) {
		return address(listPath, given());
	}

	/**
	 * The list's address sorted by the column: ascending, or descending when the list is
	 * already sorted by it ascending; back to the first page.
	 */
	public String sortPath(String listPath, String column) {
		Map<String, String> values = given();
		values.put(SORT, column.equals(values.get(SORT)) ? "-" + column : column);
		return address(listPath, values);
	}

	/**
	 * How the list is sorted by the column, for a header's {@code aria-sort}: ascending,
	 * descending, or null when it is sorted by another one (or by default).
	 */
	public @Nullable String sortOrder(String column) {
		String given = given().get(SORT);
		if (column.equals(given)) {
			return "ascending";
		}
		return ("-" + column).equals(given) ? "descending" : null;
	}

	private static String address(String listPath, Map<String, String> values) {
		UriComponentsBuilder address = UriComponentsBuilder.fromUriString(listPath);
		values.forEach(address::queryParam);
		return address.encode().build().toUriString();
	}

}
