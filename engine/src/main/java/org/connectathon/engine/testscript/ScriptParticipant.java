package org.connectathon.engine.testscript;

import java.util.Objects;

/**
 * An origin or destination of a script: one side of its exchanges, and whether it is the
 * system under test. Scripts written for Touchstone say so with InteropLab's extension
 * {@code Interoplab-CL-ext-SUT} on each; a script without it tests its destinations, the
 * servers the engine sends to.
 *
 * @param role whether the script sends from it (origin) or to it (destination)
 * @param index the script's index of it, which operations refer to
 * @param profile its profile code, such as {@code FHIR-Client} or {@code FHIR-Server}, or
 * {@code null}
 * @param systemUnderTest whether it is the system under test
 */
public record ScriptParticipant(Role role, int index, String profile, boolean systemUnderTest) {

	public ScriptParticipant {
		Objects.requireNonNull(role, "role");
	}

	/** Which side of an exchange. */
	public enum Role {

		/** Sends the requests: the client. */
		ORIGIN,

		/** Answers them: the server. */
		DESTINATION

	}

}
