package org.connectathon.platform;

import java.util.List;

/**
 * One page of a long list (a worklist, the results matrix), numbered from 0, and how many
 * items the whole list holds.
 */
public record ListPage<T>(List<T> items, int number, int size, int total) {

	/** This page of a list that is already in memory. */
	public static <T> ListPage<T> of(List<T> all, int number, int size) {
		requireNumber(number);
		int from = Math.min(all.size(), number * size);
		return new ListPage<>(all.subList(from, Math.min(all.size(), from + size)), number, size, all.size());
	}

	/** Refuses a page number below 0, which a user may type into an address. */
	public static void requireNumber(int number) {
		if (number < 0) {
			throw new InvalidInputException("Pages are numbered from 0.", List.of("page: " + number));
		}
	}

	public int pageCount() {
		return Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.number > 0;
	}

	public boolean hasNext() {
		return this.number + 1 < pageCount();
	}

}
