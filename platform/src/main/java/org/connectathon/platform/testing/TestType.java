package org.connectathon.platform.testing;

/** How many systems a test brings together. */
public enum TestType {

	/** One system against a tool: a TestScript run, a document validation. */
	NO_PEER(1),

	/** Two or three systems in named roles. */
	PEER_TO_PEER(3),

	/** Many systems, scheduled by the organizers. */
	GROUP(1);

	private final int defaultVerifiedInstancesNeeded;

	TestType(int defaultVerifiedInstancesNeeded) {
		this.defaultVerifiedInstancesNeeded = defaultVerifiedInstancesNeeded;
	}

	/**
	 * The IHE default: three verified instances for a peer-to-peer test, one otherwise.
	 */
	public int defaultVerifiedInstancesNeeded() {
		return this.defaultVerifiedInstancesNeeded;
	}

}
