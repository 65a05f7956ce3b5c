package org.connectathon.platform.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One kind of request that a transaction is, as the catalog declares it in the
 * transaction's {@code matches}: what the recording proxy's captures are correlated to
 * steps by. Each text starts with its protocol, {@code PROTOCOL:WHAT}, so that other
 * protocols (SOAP actions, HL7 v2 message types) can join FHIR without changing the
 * format; FHIR is the one protocol known today:
 * {@code fhir:INTERACTION [RESOURCE_TYPE] [$OPERATION]}, with the interactions as FHIR
 * REST names them, e.g. {@code fhir:search-type Patient},
 * {@code fhir:operation Patient $summary}, {@code fhir:transaction}. A resource type left
 * out matches every type; an operation left out matches every operation.
 *
 * @param text the declaration as written, which exports repeat
 */
public record RequestPattern(String text, String interaction, @Nullable String resourceType,
		@Nullable String operation) {

	/** The interactions of FHIR REST, as the proxy names the requests it forwards. */
	public static final List<String> FHIR_INTERACTIONS = List.of("read", "vread", "update", "patch", "delete",
			"history", "create", "search-type", "search-system", "capabilities", "transaction", "batch", "operation");

	/** Interactions on the server's base, which name no resource type. */
	private static final Set<String> SYSTEM_INTERACTIONS = Set.of("search-system", "capabilities", "transaction",
			"batch");

	private static final String FHIR = "fhir:";

	private static final Pattern FHIR_PATTERN = Pattern
		.compile("(?<interaction>[a-z-]+)(?:\\s+(?<type>[A-Z][A-Za-z]*))?(?:\\s+(?<operation>\\$[A-Za-z][\\w-]*))?");

	/**
	 * The declaration in the text.
	 * @throws IllegalArgumentException saying what is wrong with it, as {@link #problem}
	 * does
	 */
	public static RequestPattern parse(String text) {
		Optional<String> problem = problem(text);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get());
		}
		Matcher matcher = FHIR_PATTERN.matcher(text.strip().substring(FHIR.length()).strip());
		matcher.matches();
		return new RequestPattern(text.strip(), matcher.group("interaction"), matcher.group("type"),
				matcher.group("operation"));
	}

	/**
	 * What is wrong with the declaration, for the person who wrote it; empty if nothing.
	 */
	public static Optional<String> problem(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.of("missing; write for example 'fhir:search-type Patient'");
		}
		String stripped = text.strip();
		if (!stripped.toLowerCase(Locale.ROOT).startsWith(FHIR)) {
			return Optional.of("'" + stripped + "' names no known protocol; write it 'fhir:INTERACTION [RESOURCE_TYPE]"
					+ " [$OPERATION]', e.g. 'fhir:search-type Patient' (fhir is the only protocol known today)");
		}
		Matcher matcher = FHIR_PATTERN.matcher(stripped.substring(FHIR.length()).strip());
		if (!matcher.matches()) {
			return Optional.of("'" + stripped + "' is not 'fhir:INTERACTION [RESOURCE_TYPE] [$OPERATION]', e.g."
					+ " 'fhir:read Patient' or 'fhir:operation Patient $summary'");
		}
		String interaction = matcher.group("interaction");
		if (!FHIR_INTERACTIONS.contains(interaction)) {
			return Optional.of("'" + stripped + "': unknown FHIR interaction '" + interaction + "'; one of "
					+ String.join(", ", FHIR_INTERACTIONS));
		}
		if (matcher.group("type") != null && SYSTEM_INTERACTIONS.contains(interaction)) {
			return Optional
				.of("'" + stripped + "': " + interaction + " is on the server's base and names no" + " resource type");
		}
		if (matcher.group("operation") != null && !"operation".equals(interaction)) {
			return Optional.of("'" + stripped + "': only the operation interaction names an operation");
		}
		return Optional.empty();
	}

	/**
	 * Whether a FHIR request is of this kind.
	 * @param resourceType the resource type the request is about, null when none
	 * @param interaction the FHIR REST interaction, null when the request is not FHIR
	 * @param operation the operation it calls ({@code $summary}), null when none
	 */
	public boolean matches(@Nullable String resourceType, @Nullable String interaction, @Nullable String operation) {
		return sameInteraction(interaction) && (this.resourceType == null || this.resourceType.equals(resourceType))
				&& (this.operation == null || this.operation.equals(operation));
	}

	/**
	 * The proxy names history by its level ({@code history-instance}, {@code -type},
	 * {@code -system}), which the pattern's {@code history} covers; and it names every
	 * POST on the base {@code transaction}, since telling a batch apart would mean
	 * reading the body on the exchange's path.
	 */
	private boolean sameInteraction(@Nullable String interaction) {
		if (interaction == null) {
			return false;
		}
		return switch (this.interaction) {
			case "history" -> interaction.startsWith("history");
			case "batch" -> interaction.equals("transaction") || interaction.equals("batch");
			default -> this.interaction.equals(interaction);
		};
	}

}
