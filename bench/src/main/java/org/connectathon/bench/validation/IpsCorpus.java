package org.connectathon.bench.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Distinct IPS Bundles made from the official examples of the IPS package: each variant
 * has other ids (every UUID replaced consistently, so references still resolve), other
 * names, dates shifted by a number of days, other identifier values and other SNOMED CT
 * codes, so that a validator cannot answer from a cache of whole results. Deterministic
 * for a given seed.
 */
final class IpsCorpus {

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})(?=[T\"])");

	private static final Pattern FAMILY = Pattern.compile("\"family\":\"[^\"]*\"");

	private static final Pattern GIVEN = Pattern.compile("\"given\":\\[\"[^\"]*\"");

	private static final Pattern IDENTIFIER_VALUE = Pattern
		.compile("(\"identifier\":\\[?\\{[^}]*?\"value\":\")([^\"]*)\"");

	private static final Pattern SNOMED_CODE = Pattern
		.compile("(\"system\":\"http://snomed.info/sct\",\"code\":\")(\\d+)\"");

	private static final List<String> FAMILIES = List.of("Rossi", "Dubois", "Novak", "Silva", "Jensen", "Kowalski",
			"Moreau", "Schmidt", "Ivanova", "Okafor");

	private static final List<String> GIVEN_NAMES = List.of("Anna", "Luca", "Marie", "Jonas", "Sofia", "Mateo",
			"Ingrid", "Kofi", "Elena", "Tomas");

	/**
	 * Real SNOMED CT concepts of clinical findings and substances; not checked in memory,
	 * as in the originals.
	 */
	private static final List<String> SNOMED_CODES = List.of("38341003", "44054006", "195967001", "73211009",
			"59621000", "84114007", "13645005", "49436004", "35489007", "22298006");

	private IpsCorpus() {
	}

	/** The official IPS example Bundles (JSON) in a package's {@code example} folder. */
	static List<String> officialBundles(Path exampleFolder) {
		try (Stream<Path> files = Files.list(exampleFolder)) {
			return files.filter(file -> file.getFileName().toString().startsWith("Bundle-"))
				.sorted()
				.map(IpsCorpus::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code count} variants, cycling through the originals. */
	static List<String> generate(List<String> originals, int count, long seed) {
		Random random = new Random(seed);
		List<String> corpus = new ArrayList<>(count);
		for (int index = 0; index < count; index++) {
			corpus.add(vary(originals.get(index % originals.size()), index, random));
		}
		return corpus;
	}

	private static String vary(String bundle, int index, Random random) {
		Map<String, String> newIds = new HashMap<>();
		String varied = replace(bundle, UUID_PATTERN, m -> newIds.computeIfAbsent(m.group(),
				old -> new UUID(random.nextLong(), random.nextLong()).toString()));
		int shiftDays = 1 + random.nextInt(900);
		varied = replace(varied, DATE, m -> shift(m.group(1), shiftDays));
		varied = replace(varied, FAMILY, m -> "\"family\":\"" + pick(FAMILIES, random) + "\"");
		varied = replace(varied, GIVEN, m -> "\"given\":[\"" + pick(GIVEN_NAMES, random) + "\"");
		varied = replace(varied, IDENTIFIER_VALUE, m -> m.group(1) + m.group(2) + "-" + index + "\"");
		varied = replace(varied, SNOMED_CODE, m -> m.group(1) + pick(SNOMED_CODES, random) + "\"");
		return varied.replaceFirst("\"id\":\"([^\"]*)\"", "\"id\":\"$1-" + index + "\"");
	}

	private static String shift(String date, int days) {
		try {
			return LocalDate.parse(date).minusDays(days).toString();
		}
		catch (RuntimeException ex) {
			return date;
		}
	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static String replace(String text, Pattern pattern,
			java.util.function.Function<Matcher, String> replacement) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder result = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.apply(matcher)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
