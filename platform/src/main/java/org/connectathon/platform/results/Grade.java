package org.connectathon.platform.results;

/** The result of an actor registration at the event. */
public enum Grade {

	PASS, AT_RISK, DID_NOT_COMPLETE, WITHDRAWN, NO_PEER_AVAILABLE

}
