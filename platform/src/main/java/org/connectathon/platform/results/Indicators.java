package org.connectathon.platform.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a grade was computed from, as organizers read it in the matrix: required test
 * roles (meta-tests count once) and how many are satisfied, verified instances against
 * those needed, instances waiting for a monitor, partially verified and failed, and
 * partner organizations tested with against those available.
 */
public record Indicators(int requiredRoles, int satisfiedRoles, int verifiedInstances, int neededInstances, int waiting,
		int partiallyVerified, int failed, int partnersUsed, int partnersAvailable) {

	static final Indicators NONE = new Indicators(0, 0, 0, 0, 0, 0, 0, 0, 0);

	/** Verified instances as a share of those needed, 0 to 100. */
	@JsonProperty("percentVerified")
	public int percentVerified() {
		return (this.neededInstances == 0) ? 0 : Math.min(100, 100 * this.verifiedInstances / this.neededInstances);
	}

}
