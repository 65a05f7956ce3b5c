package org.connectathon.platform.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The Connectathon Results Matrix as IHE publishes it: one row per system, grouped by
 * organization; one column per profile, actor and option, under grouped headings (the
 * profile over its actors, the actor over its options); in each cell the grade of the
 * system's registration for that column, or nothing. Built here for both the organizers'
 * page and the public one, from their own results.
 *
 * @param profiles the top heading row: each profile over its columns
 * @param actors the middle heading row: each actor of a profile over its columns
 * @param columns the columns, in the order of the headings; an option of {@code null} is
 * the actor registered without one
 * @param rows the systems, organizations in name order and their systems in name order
 */
public record ResultsMatrix(List<Heading> profiles, List<Heading> actors, List<Column> columns, List<Row> rows) {

	private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER
		.thenComparing(Comparator.naturalOrder());

	/** A heading over {@code span} adjacent columns. */
	public record Heading(String label, int span) {

	}

	/** A column of the matrix: an actor of a profile, with or without an option. */
	public record Column(String profileKeyword, String actorKeyword, @Nullable String optionKeyword) {

		private static final Comparator<Column> ORDER = Comparator.comparing(Column::profileKeyword, BY_NAME)
			.thenComparing(Column::actorKeyword, BY_NAME)
			.thenComparing(Column::optionKeyword, Comparator.nullsFirst(BY_NAME));

	}

	/**
	 * A system's row: its result in each column, {@code null} where it is not registered.
	 *
	 * @param organizationRows on the first row of an organization, how many rows the
	 * organization has; 0 on the others
	 */
	public record Row(String organizationName, String systemName, int organizationRows,
			List<@Nullable MatrixEntry> cells) {

	}

	private record OrganizationSystem(String organizationName, String systemName) {

		private static final Comparator<OrganizationSystem> ORDER = Comparator
			.comparing(OrganizationSystem::organizationName, BY_NAME)
			.thenComparing(OrganizationSystem::systemName, BY_NAME);

	}

	/**
	 * The matrix of these results; a system registered twice for the same column shows
	 * the first.
	 */
	static ResultsMatrix of(List<? extends MatrixEntry> entries) {
		TreeSet<Column> columnSet = new TreeSet<>(Column.ORDER);
		TreeMap<OrganizationSystem, MatrixEntry[]> systems = new TreeMap<>(OrganizationSystem.ORDER);
		for (MatrixEntry entry : entries) {
			columnSet.add(column(entry));
		}
		List<Column> columns = List.copyOf(columnSet);
		Map<Column, Integer> indexes = new HashMap<>();
		for (int index = 0; index < columns.size(); index++) {
			indexes.put(columns.get(index), index);
		}
		for (MatrixEntry entry : entries) {
			MatrixEntry[] cells = systems.computeIfAbsent(
					new OrganizationSystem(entry.organizationName(), entry.systemName()),
					(system) -> new MatrixEntry[columns.size()]);
			int index = indexes.get(column(entry));
			if (cells[index] == null) {
				cells[index] = entry;
			}
		}
		return new ResultsMatrix(
				headings(columns, Column::profileKeyword, Column::profileKeyword), headings(columns,
						(column) -> List.of(column.profileKeyword(), column.actorKeyword()), Column::actorKeyword),
				columns, rows(systems));
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	private static Column column(MatrixEntry entry) {
		return new Column(entry.profileKeyword(), entry.actorKeyword(), entry.optionKeyword());
	}

	/** One heading per run of adjacent columns with the same key. */
	private static List<Heading> headings(List<Column> columns, Function<Column, Object> key,
			Function<Column, String> label) {
		List<Heading> headings = new ArrayList<>();
		Column first = null;
		int span = 0;
		for (Column column : columns) {
			if (first != null && !key.apply(column).equals(key.apply(first))) {
				headings.add(new Heading(label.apply(first), span));
				span = 0;
			}
			if (span == 0) {
				first = column;
			}
			span++;
		}
		if (first != null) {
			headings.add(new Heading(label.apply(first), span));
		}
		return headings;
	}

	private static List<Row> rows(TreeMap<OrganizationSystem, MatrixEntry[]> systems) {
		Map<String, Integer> rowsPerOrganization = new HashMap<>();
		systems.keySet().forEach((system) -> rowsPerOrganization.merge(system.organizationName(), 1, Integer::sum));
		List<Row> rows = new ArrayList<>(systems.size());
		String organization = null;
		for (Map.Entry<OrganizationSystem, MatrixEntry[]> system : systems.entrySet()) {
			String name = system.getKey().organizationName();
			int organizationRows = name.equals(organization) ? 0 : rowsPerOrganization.get(name);
			organization = name;
			rows.add(new Row(name, system.getKey().systemName(), organizationRows, Arrays.asList(system.getValue())));
		}
		return rows;
	}

}
