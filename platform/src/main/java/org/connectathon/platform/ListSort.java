package org.connectathon.platform;

import java.util.Map;

/**
 * The column a list is sorted by, by its name in the address, and the direction.
 */
public record ListSort(String column, boolean descending) {

	public static ListSort ascending(String column) {
		return new ListSort(column, false);
	}

	public static ListSort descending(String column) {
		return new ListSort(column, true);
	}

	/**
	 * The SQL {@code order by} terms: the column's expression, taken from the list's
	 * allow-list and never from the address, then the tie breaker that keeps pages
	 * stable. Empty values (no table yet) come last either way.
	 */
	public String orderBy(Map<String, String> columns, String tieBreaker) {
		String expression = columns.get(this.column);
		if (expression == null) {
			throw new IllegalArgumentException("Not a column of the list: " + this.column);
		}
		return expression + (this.descending ? " desc" : " asc") + " nulls last, " + tieBreaker;
	}

}
