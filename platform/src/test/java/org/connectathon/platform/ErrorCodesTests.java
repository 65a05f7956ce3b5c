package org.connectathon.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One meaning per error code: every {@code CTN-nnnn} code that the main sources of the
 * engine and the platform raise is listed once in docs/error-codes.md, with exactly the
 * classes that raise it, so that a code taken again elsewhere for another problem fails
 * the build instead of misleading whoever looks it up.
 */
class ErrorCodesTests {

	private static final List<Path> MAIN_SOURCES = List.of(Path.of("../engine/src/main/java"),
			Path.of("src/main/java"));

	private static final Path TABLE = Path.of("../docs/error-codes.md");

	/** A code opening a string literal, as every coded message starts. */
	private static final Pattern RAISED = Pattern.compile("\"CTN-(\\d{4})");

	/** A row of the table: code, meaning, the classes in backquotes. */
	private static final Pattern ROW = Pattern.compile("^\\|\\s*CTN-(\\d{4})\\s*\\|[^|]*\\|([^|]*)\\|\\s*$");

	private static final Pattern CLASS_NAME = Pattern.compile("`(\\w+)`");

	@Test
	void shouldListEveryCodeOnceWithTheClassesThatRaiseIt() throws IOException {
		assertThat(problems(raisedCodes(), documentedCodes())).isEmpty();
	}

	@Test
	void shouldReportACodeThatASecondClassRaises() {
		Map<String, Set<String>> raised = Map.of("2001", Set.of("PackageReference", "ReferenceServer"), "3001",
				Set.of("ExecutionState"));
		Map<String, Set<String>> documented = Map.of("2001", Set.of("PackageReference"), "3002",
				Set.of("ExecutionState"));

		assertThat(problems(raised, documented)).containsExactly(
				"CTN-2001 is raised in [PackageReference, ReferenceServer], but docs/error-codes.md lists "
						+ "[PackageReference]: a code means one problem; give a new problem the next free code "
						+ "of its family, or list every class that raises the same problem",
				"CTN-3001 is raised in [ExecutionState] but missing from docs/error-codes.md",
				"CTN-3002 is listed in docs/error-codes.md but raised nowhere");
	}

	private static List<String> problems(Map<String, Set<String>> raised, Map<String, Set<String>> documented) {
		Set<String> codes = new TreeSet<>(raised.keySet());
		codes.addAll(documented.keySet());
		List<String> problems = new ArrayList<>();
		for (String code : codes) {
			Set<String> raisedIn = new TreeSet<>(raised.getOrDefault(code, Set.of()));
			Set<String> listedIn = new TreeSet<>(documented.getOrDefault(code, Set.of()));
			if (listedIn.isEmpty()) {
				problems.add("CTN-" + code + " is raised in " + raisedIn + " but missing from docs/error-codes.md");
			}
			else if (raisedIn.isEmpty()) {
				problems.add("CTN-" + code + " is listed in docs/error-codes.md but raised nowhere");
			}
			else if (!raisedIn.equals(listedIn)) {
				problems.add("CTN-" + code + " is raised in " + raisedIn + ", but docs/error-codes.md lists " + listedIn
						+ ": a code means one problem; give a new problem the next free code of its family, "
						+ "or list every class that raises the same problem");
			}
		}
		return problems;
	}

	/** Code to the simple names of the classes whose source raises it. */
	private static Map<String, Set<String>> raisedCodes() throws IOException {
		Map<String, Set<String>> raised = new TreeMap<>();
		for (Path root : MAIN_SOURCES) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					String className = file.getFileName().toString().replace(".java", "");
					Matcher matcher = RAISED.matcher(Files.readString(file));
					while (matcher.find()) {
						raised.computeIfAbsent(matcher.group(1), (code) -> new TreeSet<>()).add(className);
					}
				}
			}
		}
		assertThat(raised).as("codes found in " + MAIN_SOURCES).isNotEmpty();
		return raised;
	}

	/** Code to the classes its row of the table names; a code listed twice fails. */
	private static Map<String, Set<String>> documentedCodes() throws IOException {
		Map<String, Set<String>> documented = new TreeMap<>();
		for (String line : Files.readAllLines(TABLE)) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				Set<String> classes = new TreeSet<>();
				Matcher className = CLASS_NAME.matcher(row.group(2));
				while (className.find()) {
					classes.add(className.group(1));
				}
				assertThat(documented.put(row.group(1), classes))
					.as("CTN-" + row.group(1) + " listed twice in " + TABLE)
					.isNull();
			}
		}
		return documented;
	}

}
