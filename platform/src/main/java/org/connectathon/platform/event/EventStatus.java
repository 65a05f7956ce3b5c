package org.connectathon.platform.event;

/** Where an event is in its life. */
public enum EventStatus {

	/** Being prepared; only organizers see it. */
	DRAFT,

	/** Published; participants register until the deadline. */
	OPEN,

	/** Testing is under way. */
	RUNNING,

	/** Over; results are final. */
	CLOSED

}
