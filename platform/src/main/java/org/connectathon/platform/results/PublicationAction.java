package org.connectathon.platform.results;

/** What an organizer did to the public results of an event. */
public enum PublicationAction {

	PUBLISHED,

	WITHDRAWN

}
