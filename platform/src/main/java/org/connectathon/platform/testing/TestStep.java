package org.connectathon.platform.testing;

import org.jspecify.annotations.Nullable;

/**
 * A step of a test: the initiator role sends the transaction ({@code PROFILE:KEYWORD}) to
 * the responder role; a tool plays the role left empty. A step naming a TestScript is run
 * by the engine, against the responder's registered endpoint when the system responds.
 */
public record TestStep(long id, int index, @Nullable String initiatorRole, @Nullable String responderRole,
		@Nullable String transaction, @Nullable String description, @Nullable String testScript) {

}
