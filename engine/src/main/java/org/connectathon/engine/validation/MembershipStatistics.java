package org.connectathon.engine.validation;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts how the validator's {@code conformsTo(profile)} questions were answered, over
 * the life of a service: asked, refused by the precheck, remembered, validated in full.
 * Tests use it to prove the hook is in place (a validator upgrade that moves it leaves
 * the counts at zero); the benchmark reports it.
 *
 * @since issue 17
 */
public final class MembershipStatistics {

	private final AtomicLong asked = new AtomicLong();

	private final AtomicLong precheckRefused = new AtomicLong();

	private final AtomicLong remembered = new AtomicLong();

	private final AtomicLong validatedInFull = new AtomicLong();

	void countAsked() {
		asked.incrementAndGet();
	}

	void countRefusedByPrecheck() {
		precheckRefused.incrementAndGet();
	}

	void countRemembered() {
		remembered.incrementAndGet();
	}

	void countValidatedInFull() {
		validatedInFull.incrementAndGet();
	}

	/** How many times the validator asked whether a resource conforms to a profile. */
	public long asked() {
		return asked.get();
	}

	/**
	 * How many of those the precheck answered "cannot conform" without a full validation.
	 */
	public long refusedByPrecheck() {
		return precheckRefused.get();
	}

	/** How many were answered from the memo of the same validation. */
	public long remembered() {
		return remembered.get();
	}

	/** How many needed a full validation of the resource against the profile. */
	public long validatedInFull() {
		return validatedInFull.get();
	}

	@Override
	public String toString() {
		return "asked " + asked() + ", refused by precheck " + refusedByPrecheck() + ", remembered " + remembered()
				+ ", validated in full " + validatedInFull();
	}

}
