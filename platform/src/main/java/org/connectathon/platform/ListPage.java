package org.connectathon.platform;

import java.util.List;

/**
 * One page of a long list (a worklist, the results matrix), numbered from 0, and how many
 * items the whole list holds.
 */
public record ListPage<T>(List<T> items, int number, int size, int total) {

	/**
	 * This page of a list that is already in memory; a page past the end is empty.
	 */
	public static <T> ListPage<T> of(List<T> all, int number, int size) {
		int from = (int) Math.min(all.size(), offset(number, size));
		return new ListPage<>(all.subList(from, Math.min(all.size(), from + size)), number, size, all.size());
	}

	/**
	 * Where the page starts in the whole list, counted without overflow, so that any page
	 * number a user may type into an address (up to {@code 2147483647}) finds an empty
	 * page past the end rather than a negative offset. Refuses a page number below 0.
	 */
	public static long offset(int number, int size) {
		if (number < 0) {
			throw new InvalidInputException("Pages are numbered from 0.", List.of("page: " + number));
		}
		return (long) number * size;
	}

	/**
	 * Refuses a page size below 1 or above the list's maximum, which keeps one answer of
	 * the API small.
	 */
	public static void requireSize(int size, int maximum) {
		if (size < 1 || size > maximum) {
			throw new InvalidInputException("The page size is not valid.",
					List.of("size: expected 1 to " + maximum + ", found " + size));
		}
	}

	public int pageCount() {
		return Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.number > 0;
	}

	/** The page before this one; from a page past the end, the last page. */
	public int previousNumber() {
		return Math.min(this.number - 1, pageCount() - 1);
	}

	public boolean hasNext() {
		return this.number < pageCount() - 1;
	}

}
