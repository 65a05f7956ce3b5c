package org.connectathon.platform.catalog;

import java.util.Locale;
import java.util.Optional;

import ca.uhn.hl7v2.conf.ProfileException;
import ca.uhn.hl7v2.conf.parser.ProfileParser;
import ca.uhn.hl7v2.conf.spec.RuntimeProfile;
import ca.uhn.hl7v2.conf.spec.message.StaticDef;
import org.jspecify.annotations.Nullable;

/**
 * An HL7 v2 conformance profile that a catalog transaction names: the XML of an HL7
 * message profile ({@code HL7v2xConformanceProfile}), as the IHE Technical Framework's
 * and Gazelle's profiles come. Captured messages of its message type for the transaction
 * are checked against its static definition (usage, cardinality, lengths, values) by HAPI
 * HL7v2's conformance validator.
 *
 * @param xml the profile as the catalog holds it, which exports repeat
 * @param messageType the message type and trigger event it defines, {@code ADT^A01}
 * @param definition its static definition, as HAPI reads it
 */
public record Hl7v2ConformanceProfile(String xml, String messageType, StaticDef definition) {

	/**
	 * The profile in the text.
	 * @throws IllegalArgumentException saying what is wrong with it, as {@link #problem}
	 * does
	 */
	public static Hl7v2ConformanceProfile parse(String xml) {
		if (xml.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
			// The profile is parsed with a DOM parser: no document type, no entity.
			throw new IllegalArgumentException("a conformance profile may not declare a DOCTYPE");
		}
		RuntimeProfile profile;
		try {
			profile = new ProfileParser(false).parse(xml);
		}
		catch (ProfileException | RuntimeException unreadable) {
			throw new IllegalArgumentException("not an HL7 v2 conformance profile (HL7v2xConformanceProfile): "
					+ ((unreadable.getMessage() != null) ? unreadable.getMessage()
							: unreadable.getClass().getSimpleName()));
		}
		StaticDef definition = profile.getMessage();
		if (definition == null || isBlank(definition.getMsgType()) || isBlank(definition.getEventType())) {
			throw new IllegalArgumentException(
					"the conformance profile has no static definition with a MsgType and an EventType");
		}
		return new Hl7v2ConformanceProfile(xml, definition.getMsgType() + "^" + definition.getEventType(), definition);
	}

	/** What is wrong with the profile, for the person who wrote it; empty if nothing. */
	public static Optional<String> problem(@Nullable String xml) {
		if (xml == null || xml.isBlank()) {
			return Optional.of("missing; give the XML of an HL7 v2 conformance profile");
		}
		try {
			parse(xml);
			return Optional.empty();
		}
		catch (IllegalArgumentException problem) {
			return Optional.of(problem.getMessage());
		}
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
