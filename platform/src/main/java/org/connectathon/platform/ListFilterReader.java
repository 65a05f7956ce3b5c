package org.connectathon.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Reads the {@link ListFilters} of one list into the values its repository filters by,
 * collecting every problem so that one answer names them all: a filter the list does not
 * have, a value that does not read, a choice that is not one of those allowed (which the
 * problem names). Text comes out as a SQL {@code like} pattern, its wildcards escaped, so
 * that repositories bind it as a parameter ({@code lower(column) like :text escape '\'}).
 */
public final class ListFilterReader {

	/** The longest text or table location a filter accepts. */
	public static final int MAXIMUM_LENGTH = 100;

	private final ListFilters filters;

	private final String list;

	private final List<String> problems = new ArrayList<>();

	ListFilterReader(ListFilters filters, String list, Set<String> accepted) {
		this.filters = filters;
		this.list = list;
		for (String given : filters.given().keySet()) {
			if (!accepted.contains(given) && !ListFilters.SORT.equals(given)) {
				this.problems.add(given + ": the " + list + " list has no such filter; it has "
						+ accepted.stream().sorted().collect(Collectors.joining(", ")));
			}
		}
	}

	/** Rows whose names contain the text: a {@code like} pattern in lower case. */
	public @Nullable String text() {
		String text = value(ListFilters.TEXT, this.filters.text());
		return (text != null) ? "%" + escaped(text) + "%" : null;
	}

	/** Rows at a table whose location starts with the value: a {@code like} pattern. */
	public @Nullable String table() {
		String table = value(ListFilters.TABLE, this.filters.table());
		return (table != null) ? escaped(table) + "%" : null;
	}

	public <E extends Enum<E>> @Nullable E status(Class<E> statuses) {
		return choice(ListFilters.STATUS, this.filters.status(), statuses);
	}

	public <E extends Enum<E>> @Nullable E type(Class<E> types) {
		return choice(ListFilters.TYPE, this.filters.type(), types);
	}

	/** The profile's keyword, one of those given (the event's), in their case. */
	public @Nullable String profile(Collection<String> keywords) {
		String typed = value(ListFilters.PROFILE, this.filters.profile());
		if (typed == null) {
			return null;
		}
		for (String keyword : keywords) {
			if (keyword.equalsIgnoreCase(typed)) {
				return keyword;
			}
		}
		this.problems
			.add(ListFilters.PROFILE + ": expected one of " + String.join(", ", keywords) + ", found '" + typed + "'");
		return null;
	}

	public @Nullable Long organization() {
		String typed = value(ListFilters.ORGANIZATION, this.filters.organization());
		if (typed == null) {
			return null;
		}
		try {
			return Long.valueOf(typed);
		}
		catch (NumberFormatException notANumber) {
			this.problems.add(ListFilters.ORGANIZATION + ": expected an organization's id, found '" + typed + "'");
			return null;
		}
	}

	/**
	 * The sort asked for, by one of the list's columns, or the list's default.
	 */
	public ListSort sort(Collection<String> columns, ListSort byDefault) {
		String typed = value(ListFilters.SORT, this.filters.sort());
		if (typed == null) {
			return byDefault;
		}
		boolean descending = typed.startsWith("-");
		String column = descending ? typed.substring(1) : typed;
		if (!columns.contains(column)) {
			this.problems.add(ListFilters.SORT + ": expected one of " + String.join(", ", columns)
					+ ", each after a '-' for descending order, found '" + typed + "'");
			return byDefault;
		}
		return new ListSort(column, descending);
	}

	/**
	 * The problems found so far, for a list that reads more filters of its own and
	 * refuses them all at once.
	 */
	public List<String> problems() {
		return List.copyOf(this.problems);
	}

	/**
	 * The filter read, if every value read.
	 * @throws InvalidInputException naming each problem
	 */
	public <F> F finish(F filter) {
		if (!this.problems.isEmpty()) {
			throw new InvalidInputException("The " + this.list + " filters are not valid.", this.problems);
		}
		return filter;
	}

	private <E extends Enum<E>> @Nullable E choice(String name, @Nullable String given, Class<E> choices) {
		String typed = value(name, given);
		if (typed == null) {
			return null;
		}
		try {
			return Enum.valueOf(choices, typed.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException unknown) {
			this.problems.add(name + ": expected one of "
					+ Arrays.stream(choices.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
					+ ", found '" + typed + "'");
			return null;
		}
	}

	private @Nullable String value(String name, @Nullable String given) {
		if (given == null || given.isBlank()) {
			return null;
		}
		String value = given.strip();
		if (value.length() > MAXIMUM_LENGTH) {
			this.problems.add(name + ": expected at most " + MAXIMUM_LENGTH + " characters, found " + value.length());
			return null;
		}
		return value;
	}

	private static String escaped(String text) {
		return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
