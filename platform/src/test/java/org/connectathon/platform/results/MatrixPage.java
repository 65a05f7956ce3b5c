package org.connectathon.platform.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results matrix as a page shows it, read from its HTML: each column named
 * {@code PROFILE:ACTOR:OPTION} (the option's heading as shown), and per system the text
 * of each cell, "" where it is empty, so that a test compares a cell with the grade it
 * should show.
 */
record MatrixPage(List<String> columns, Map<String, List<String>> cellsBySystem) {

	private static final Pattern TABLE = Pattern.compile("<table id=\"results-matrix\".*?</table>", Pattern.DOTALL);

	private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern HEADING = Pattern.compile("<th([^>]*)>(.*?)</th>", Pattern.DOTALL);

	private static final Pattern SPAN = Pattern.compile("colspan=\"(\\d+)\"");

	private static final Pattern SYSTEM = Pattern.compile("<th class=\"system\" scope=\"row\">(.*?)</th>");

	private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

	private static final Pattern TAG = Pattern.compile("<[^>]+>");

	static MatrixPage read(String html) {
		Matcher table = TABLE.matcher(html);
		assertThat(table.find()).as("the page shows the matrix").isTrue();
		List<List<String>> headingRows = new ArrayList<>();
		Map<String, List<String>> cells = new LinkedHashMap<>();
		Matcher row = ROW.matcher(table.group());
		while (row.find()) {
			Matcher system = SYSTEM.matcher(row.group(1));
			if (system.find()) {
				List<String> texts = new ArrayList<>();
				Matcher cell = CELL.matcher(row.group(1));
				while (cell.find()) {
					texts.add(text(cell.group(1)));
				}
				cells.put(text(system.group(1)), texts);
			}
			else {
				headingRows.add(headings(row.group(1)));
			}
		}
		List<String> columns = new ArrayList<>();
		for (int column = 0; column < headingRows.get(2).size(); column++) {
			columns.add(headingRows.get(0).get(column) + ":" + headingRows.get(1).get(column) + ":"
					+ headingRows.get(2).get(column));
		}
		return new MatrixPage(columns, cells);
	}

	/** The cell of this system in this column. */
	String cell(String system, String column) {
		assertThat(this.cellsBySystem).as("the matrix's systems").containsKey(system);
		assertThat(this.columns).as("the matrix's columns").contains(column);
		return this.cellsBySystem.get(system).get(this.columns.indexOf(column));
	}

	/**
	 * The headings of a row, each repeated over the columns it spans, corners left out.
	 */
	private static List<String> headings(String row) {
		List<String> headings = new ArrayList<>();
		Matcher heading = HEADING.matcher(row);
		while (heading.find()) {
			if (heading.group(1).contains("corner")) {
				continue;
			}
			Matcher span = SPAN.matcher(heading.group(1));
			int columns = span.find() ? Integer.parseInt(span.group(1)) : 1;
			for (int column = 0; column < columns; column++) {
				headings.add(text(heading.group(2)));
			}
		}
		return headings;
	}

	private static String text(String html) {
		return HtmlUtils.htmlUnescape(TAG.matcher(html).replaceAll("")).strip();
	}

}
