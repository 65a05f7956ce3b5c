package org.connectathon.platform.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One kind of request that a transaction is, as the catalog declares it in the
 * transaction's {@code matches}: what the recording proxy's captures are identified and
 * correlated to steps by. Each text starts with its {@link Protocol}:
 * <ul>
 * <li>{@code fhir:INTERACTION [RESOURCE_TYPE] [$OPERATION]}, with the interactions as
 * FHIR REST names them, e.g. {@code fhir:search-type Patient},
 * {@code fhir:operation Patient $summary}, {@code fhir:transaction}. A resource type left
 * out matches every type; an operation left out matches every operation.</li>
 * <li>{@code soap:ACTION}, the request's WS-Addressing action (or SOAP 1.1
 * {@code SOAPAction}), e.g. {@code soap:urn:ihe:iti:2007:CrossGatewayQuery}.</li>
 * <li>{@code hl7v2:TYPE^TRIGGER}, the message type and trigger event of MSH-9, e.g.
 * {@code hl7v2:ADT^A01}; MSH-9's third component, the message structure, is not
 * compared.</li>
 * </ul>
 *
 * @param text the declaration as written, which exports repeat
 * @param interaction the FHIR interaction, null for another protocol
 * @param messageType the SOAP action or the HL7 v2 {@code TYPE^TRIGGER}, null for FHIR
 */
public record RequestPattern(String text, Protocol protocol, @Nullable String interaction,
		@Nullable String resourceType, @Nullable String operation, @Nullable String messageType) {

	/** The interactions of FHIR REST, as the proxy names the requests it forwards. */
	public static final List<String> FHIR_INTERACTIONS = List.of("read", "vread", "update", "patch", "delete",
			"history", "create", "search-type", "search-system", "capabilities", "transaction", "batch", "operation");

	/** Interactions on the server's base, which name no resource type. */
	private static final Set<String> SYSTEM_INTERACTIONS = Set.of("search-system", "capabilities", "transaction",
			"batch");

	private static final Pattern FHIR_PATTERN = Pattern
		.compile("(?<interaction>[a-z-]+)(?:\\s+(?<type>[A-Z][A-Za-z]*))?(?:\\s+(?<operation>\\$[A-Za-z][\\w-]*))?");

	/** An absolute URI without spaces: IHE's actions are URNs, some are URLs. */
	private static final Pattern SOAP_ACTION = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

	private static final Pattern HL7V2_MESSAGE_TYPE = Pattern.compile("[A-Z0-9]{3}\\^[A-Z0-9]{3}");

	private static final String EXAMPLES = "e.g. 'fhir:search-type Patient', 'soap:urn:ihe:iti:2007:CrossGatewayQuery'"
			+ " or 'hl7v2:ADT^A01'";

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
		String stripped = text.strip();
		int colon = stripped.indexOf(':');
		Protocol protocol = Protocol.ofPrefix(stripped.substring(0, colon)).orElseThrow();
		String what = stripped.substring(colon + 1).strip();
		if (protocol != Protocol.FHIR) {
			return new RequestPattern(stripped, protocol, null, null, null, what);
		}
		Matcher matcher = FHIR_PATTERN.matcher(what);
		matcher.matches();
		return new RequestPattern(stripped, protocol, matcher.group("interaction"), matcher.group("type"),
				matcher.group("operation"), null);
	}

	/**
	 * What is wrong with the declaration, for the person who wrote it; empty if nothing.
	 */
	public static Optional<String> problem(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Optional.of("missing; write it PROTOCOL:WHAT, " + EXAMPLES);
		}
		String stripped = text.strip();
		int colon = stripped.indexOf(':');
		Optional<Protocol> protocol = (colon > 0) ? Protocol.ofPrefix(stripped.substring(0, colon)) : Optional.empty();
		if (protocol.isEmpty()) {
			return Optional.of("'" + stripped + "' names no known protocol (fhir, soap or hl7v2); " + EXAMPLES);
		}
		String what = stripped.substring(colon + 1).strip();
		return switch (protocol.get()) {
			case FHIR -> fhirProblem(stripped, what);
			case SOAP -> SOAP_ACTION.matcher(what).matches() ? Optional.empty()
					: Optional.of("'" + stripped + "' is not 'soap:ACTION' with the action's URI, e.g."
							+ " 'soap:urn:ihe:iti:2007:CrossGatewayQuery'");
			case HL7V2 -> HL7V2_MESSAGE_TYPE.matcher(what).matches() ? Optional.empty() : Optional.of("'" + stripped
					+ "' is not 'hl7v2:TYPE^TRIGGER' as MSH-9 names it, e.g." + " 'hl7v2:ADT^A01' or 'hl7v2:QBP^Q22'");
		};
	}

	private static Optional<String> fhirProblem(String stripped, String what) {
		Matcher matcher = FHIR_PATTERN.matcher(what);
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
		return this.protocol == Protocol.FHIR && sameInteraction(interaction)
				&& (this.resourceType == null || this.resourceType.equals(resourceType))
				&& (this.operation == null || this.operation.equals(operation));
	}

	/**
	 * Whether a SOAP or HL7 v2 message is of this kind.
	 * @param messageType the SOAP action, or MSH-9 ({@code ADT^A01}, with or without its
	 * message structure); null when it could not be read
	 */
	public boolean matches(Protocol protocol, @Nullable String messageType) {
		if (this.protocol != protocol || protocol == Protocol.FHIR || messageType == null) {
			return false;
		}
		if (protocol == Protocol.HL7V2) {
			return messageType.equals(this.messageType) || messageType.startsWith(this.messageType + "^");
		}
		return messageType.equals(this.messageType);
	}

	/**
	 * The proxy names history by its level ({@code history-instance}, {@code -type},
	 * {@code -system}), which the pattern's {@code history} covers; and it names every
	 * POST on the base {@code transaction}, since telling a batch apart would mean
	 * reading the body on the exchange's path.
	 */
	private boolean sameInteraction(@Nullable String interaction) {
		if (interaction == null || this.interaction == null) {
			return false;
		}
		return switch (this.interaction) {
			case "history" -> interaction.startsWith("history");
			case "batch" -> interaction.equals("transaction") || interaction.equals("batch");
			default -> this.interaction.equals(interaction);
		};
	}

}
