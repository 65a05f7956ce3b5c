package org.connectathon.platform.tracks;

/** Where a proposal stands in its review. */
public enum ReviewStatus {

	/** Waiting for a reviewer's decision. */
	SUBMITTED,

	/** Sent back to its authors with comments, to be revised. */
	RETURNED,

	/** Accepted: the event or the track exists; the proposal no longer changes. */
	APPROVED

}
