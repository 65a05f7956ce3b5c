package org.connectathon.platform.tracks;

/** What a track lead decided about a comment on the specification. */
public enum FeedbackTriage {

	/** To be filed in the specification's issue tracker. */
	CHANGE_REQUEST,

	DUPLICATE,

	/** About a system or the event rather than the specification. */
	NOT_A_SPECIFICATION_ISSUE

}
