package org.connectathon.platform.security;

/** What a user does at events. */
public enum Role {

	/** Organizer: sets up events, the catalog and users. */
	ADMIN,

	/** Proposes and leads a FHIR track. */
	TRACK_LEAD,

	/** Neutral verifier of test instances. */
	MONITOR,

	/** Member of one vendor organization: registers its systems and runs tests. */
	PARTICIPANT,

	/** Member of the management group: decides on event and track proposals. */
	REVIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

}
