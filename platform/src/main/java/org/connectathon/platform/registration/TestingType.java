package org.connectathon.platform.registration;

/** How much testing a registration commits to; grading rules differ. */
public enum TestingType {

	/** Full testing: each required test verified the required number of times. */
	THOROUGH,

	/** Partner for others' testing, graded more lightly. */
	SUPPORTIVE

}
