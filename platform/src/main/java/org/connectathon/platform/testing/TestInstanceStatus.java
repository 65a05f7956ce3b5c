package org.connectathon.platform.testing;

import java.util.Locale;
import java.util.Set;

/**
 * Where a test instance stands. Participants move it between the working statuses and
 * hand it to the monitors; only a monitor's verdict makes it verified, partially verified
 * or failed. Aborted instances are never graded.
 */
public enum TestInstanceStatus {

	RUNNING, PAUSED, TO_BE_VERIFIED, VERIFIED, PARTIALLY_VERIFIED, FAILED, ABORTED;

	private static final Set<TestInstanceStatus> VERDICTS = Set.of(VERIFIED, PARTIALLY_VERIFIED, FAILED);

	/**
	 * The status in words for messages, e.g. {@code to be verified}; pages take theirs
	 * from the {@code instance.status.*} messages.
	 */
	public String describe() {
		return name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/** A monitor's conclusion, never set by participants. */
	public boolean isVerdict() {
		return VERDICTS.contains(this);
	}

	/**
	 * The statuses that the systems' organizations may move an instance to from this one.
	 */
	public Set<TestInstanceStatus> participantMoves() {
		return switch (this) {
			case RUNNING -> Set.of(PAUSED, TO_BE_VERIFIED, ABORTED);
			case PAUSED -> Set.of(RUNNING, TO_BE_VERIFIED, ABORTED);
			// Back to running to add the evidence a monitor asked for.
			case TO_BE_VERIFIED, PARTIALLY_VERIFIED -> Set.of(RUNNING, TO_BE_VERIFIED, ABORTED);
			case VERIFIED, FAILED, ABORTED -> Set.of();
		};
	}

}
