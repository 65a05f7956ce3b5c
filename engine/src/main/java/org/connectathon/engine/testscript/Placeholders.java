package org.connectathon.engine.testscript;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Touchstone's built-in placeholders, the variables a script uses without declaring them
 * ({@code ${CURRENTDATE}}, {@code ${DATE, T, D, -5}}, {@code ${UUID}}, {@code ${CD6}}
 * ...), as Touchstone's user guide describes them (Placeholders, in TestScript authoring)
 * and the published collections use them. {@link ExecutionState#substitute} asks here for
 * a name that is neither given nor declared, so placeholders are filled wherever
 * variables are.
 * <ul>
 * <li>{@code CURRENTDATE} and {@code CURRENTDATETIME}: today ({@code yyyy-MM-dd}) and now
 * ({@code yyyy-MM-ddTHH:mm:ss+hh:mm}, whole seconds) in the clock's zone, optionally
 * moved by pairs of a portion code and a signed offset ({@code ${CURRENTDATE, M, -3}});
 * "now" is taken once per script run, so every placeholder of a run agrees.</li>
 * <li>{@code DATE} and {@code DATETIME}: the same, from the date or date-time held by a
 * variable ({@code ${DATE, T, D, -5}}, T usually being {@code ${CURRENTDATE}}).</li>
 * <li>Portion codes come from Java's {@code yyMMddHHmmss}: {@code y} years, {@code M}
 * months, {@code d} days, {@code H} hours, {@code m} minutes, {@code s} seconds;
 * {@code Y} and {@code D} are taken as years and days too, since the collections write
 * them so ({@code ${DATE, T, D, -5}} tens of thousands of times).</li>
 * <li>{@code UUID} a new random UUID at each use, {@code UUID-NODASH} without dashes, and
 * {@code UUID-ST}, {@code UUID-ST-NODASH} the same with {@code urn:uuid:} before, as the
 * collections use it for a transaction entry's {@code fullUrl}.</li>
 * <li>{@code C}n, {@code D}n, {@code CD}n (n from 1 to 20): letters, digits, or letters
 * and digits, of length n. Touchstone gives each user fixed values; here each instance
 * draws them once, so every script run by one runner sees the same value.</li>
 * </ul>
 * Thread-safe: one instance serves the parallel runs of a runner.
 */
final class Placeholders {

	private static final Pattern USER_VALUE = Pattern.compile("(CD|C|D)([1-9]|1[0-9]|20)");

	private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private static final String DIGITS = "0123456789";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final Clock clock;

	private final Random random;

	private final Map<String, String> userValues = new ConcurrentHashMap<>();

	/**
	 * @param clock gives today and now, in its zone
	 * @param random draws the UUIDs and the user values
	 */
	Placeholders(Clock clock, Random random) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.random = Objects.requireNonNull(random, "random");
	}

	/** Placeholders on the system clock, in the system's zone. */
	static Placeholders system() {
		return new Placeholders(Clock.systemDefaultZone(), new SecureRandom());
	}

	/** Now, whole seconds, for one run to use throughout. */
	ZonedDateTime now() {
		return ZonedDateTime.now(this.clock).truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * The value of a placeholder, or {@code null} when the name is no placeholder.
	 * @param name what stands between <code>${</code> and <code>}</code>
	 * @param now the run's now
	 * @param variables the value of a variable of the script, for {@code DATE}
	 * @throws ExecutionException when the name is a placeholder written wrong, or the
	 * variable of a {@code DATE} holds no date
	 */
	String value(String name, ZonedDateTime now, UnaryOperator<String> variables) {
		String[] parts = name.split(",", -1);
		for (int i = 0; i < parts.length; i++) {
			parts[i] = parts[i].strip();
		}
		String function = parts[0];
		switch (function) {
			case "UUID":
				return uuid();
			case "UUID-NODASH":
				return uuid().replace("-", "");
			case "UUID-ST":
				return "urn:uuid:" + uuid();
			case "UUID-ST-NODASH":
				return "urn:uuid:" + uuid().replace("-", "");
			case "CURRENTDATE":
				return moved(name, now, parts, 1).toLocalDate().toString();
			case "CURRENTDATETIME":
				return DATE_TIME.format(moved(name, now, parts, 1));
			case "DATE", "DATETIME":
				if (parts.length < 2 || parts[1].isEmpty()) {
					throw new ExecutionException("CTN-3060: ${" + name + "} names no variable; expected ${" + function
							+ ", VARIABLE, PORTION, OFFSET} such as ${" + function + ", T, D, -5}");
				}
				ZonedDateTime start = dateOf(name, parts[1], variables.apply(parts[1]), now);
				ZonedDateTime moved = moved(name, start, parts, 2);
				return function.equals("DATE") ? moved.toLocalDate().toString() : DATE_TIME.format(moved);
			default:
				Matcher user = USER_VALUE.matcher(function);
				if (parts.length == 1 && user.matches()) {
					return this.userValues.computeIfAbsent(function,
							(key) -> userValue(user.group(1), Integer.parseInt(user.group(2))));
				}
				return null;
		}
	}

	/** The start moved by the pairs of portion code and offset from {@code first} on. */
	private static ZonedDateTime moved(String name, ZonedDateTime start, String[] parts, int first) {
		if ((parts.length - first) % 2 != 0) {
			throw new ExecutionException("CTN-3060: ${" + name
					+ "} does not pair each portion code (y, M, d, H, m, s) with a signed offset such as -5");
		}
		ZonedDateTime moved = start;
		for (int i = first; i < parts.length; i += 2) {
			ChronoUnit unit = unit(name, parts[i]);
			long offset;
			try {
				offset = Long.parseLong(parts[i + 1]);
			}
			catch (NumberFormatException ex) {
				throw new ExecutionException("CTN-3060: ${" + name + "} has offset '" + parts[i + 1]
						+ "', expected a whole number such as -5 or +14");
			}
			moved = moved.plus(offset, unit);
		}
		return moved;
	}

	private static ChronoUnit unit(String name, String code) {
		return switch (code) {
			case "y", "Y" -> ChronoUnit.YEARS;
			case "M" -> ChronoUnit.MONTHS;
			case "d", "D" -> ChronoUnit.DAYS;
			case "H", "h" -> ChronoUnit.HOURS;
			case "m" -> ChronoUnit.MINUTES;
			case "s" -> ChronoUnit.SECONDS;
			default -> throw new ExecutionException("CTN-3060: ${" + name + "} has portion code '" + code
					+ "', expected y (years), M (months), d (days), H (hours), m (minutes) or s (seconds)");
		};
	}

	/**
	 * A variable's date or date-time; a date starts at midnight, a date-time without
	 * offset is in the run's zone.
	 */
	private static ZonedDateTime dateOf(String name, String variable, String value, ZonedDateTime now) {
		String text = value == null ? "" : value.strip();
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(now.getZone());
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return OffsetDateTime.parse(text).atZoneSameInstant(now.getZone());
			}
			return LocalDateTime.parse(text).atZone(now.getZone());
		}
		catch (DateTimeParseException ex) {
			throw new ExecutionException("CTN-3061: ${" + name + "} needs a date in variable " + variable
					+ ", expected yyyy-MM-dd or a FHIR dateTime, found '" + text + "'");
		}
	}

	private String uuid() {
		return new UUID(this.random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
				this.random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
			.toString();
	}

	private String userValue(String kind, int length) {
		String alphabet = switch (kind) {
			case "C" -> LETTERS;
			case "D" -> DIGITS;
			default -> LETTERS + DIGITS;
		};
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return value.toString();
	}

}
