package org.connectathon.platform.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;

/**
 * Catalog files of one PIX profile whose Patient Identity Feed (ITI-8) names HL7 v2
 * conformance profiles, as an organizer would write them.
 */
public final class PixFeedCatalogs {

	private PixFeedCatalogs() {
	}

	/**
	 * The conformance profile of a PIX feed's ADT^A01 (test resource): PID-3, PID-5 and
	 * PID-8 required.
	 */
	public static String admissionProfile() {
		try {
			return new ClassPathResource("hl7v2/pix-adt-a01-profile.xml").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/**
	 * A catalog whose profile {@code keyword} has the PIX actors and an ITI-8 declaring
	 * these matches and naming these conformance profiles (if any), each a YAML block.
	 */
	public static String withFeed(String keyword, List<String> matches, List<String> profiles) {
		StringBuilder yaml = new StringBuilder("""
				profiles:
				  - keyword: %s
				    name: Patient Identifier Cross-referencing (HL7 v2)
				    kind: IHE_PROFILE
				    actors:
				      - { keyword: PATIENT_IDENTITY_SOURCE, name: Patient Identity Source }
				      - { keyword: PIX_MANAGER, name: Patient Identifier Cross-reference Manager }
				    transactions:
				      - keyword: ITI-8
				        name: Patient Identity Feed
				        initiator: PATIENT_IDENTITY_SOURCE
				        responder: PIX_MANAGER
				        matches: [ %s ]
				""".formatted(keyword,
				matches.stream().map((match) -> "\"" + match + "\"").collect(Collectors.joining(", "))));
		if (!profiles.isEmpty()) {
			yaml.append("        hl7v2Profiles:\n");
		}
		for (String profile : profiles) {
			yaml.append("          - |\n");
			profile.lines().forEach((line) -> yaml.append("            ").append(line).append('\n'));
		}
		return yaml.toString();
	}

}
