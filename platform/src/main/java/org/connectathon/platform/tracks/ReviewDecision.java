package org.connectathon.platform.tracks;

/** What a reviewer decides on a submitted proposal. */
public enum ReviewDecision {

	APPROVED,

	RETURNED;

	ReviewStatus status() {
		return (this == APPROVED) ? ReviewStatus.APPROVED : ReviewStatus.RETURNED;
	}

}
