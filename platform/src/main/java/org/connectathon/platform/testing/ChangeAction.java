package org.connectathon.platform.testing;

/** What a recorded change of a test instance did. */
public enum ChangeAction {

	STARTED, STATUS, CRITICAL_RAISED, CRITICAL_CLEARED

}
