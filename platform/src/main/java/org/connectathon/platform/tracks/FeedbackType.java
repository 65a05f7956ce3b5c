package org.connectathon.platform.tracks;

/** What a comment on the specification is. */
public enum FeedbackType {

	QUESTION, CLARIFICATION, ERROR, ENHANCEMENT

}
