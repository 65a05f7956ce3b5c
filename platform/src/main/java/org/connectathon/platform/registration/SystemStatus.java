package org.connectathon.platform.registration;

/** Whether other organizations see a system. */
public enum SystemStatus {

	/** Being prepared: only its own organization and organizers see it. */
	DRAFT,

	/** Visible to every participant as a potential partner. */
	PUBLISHED

}
