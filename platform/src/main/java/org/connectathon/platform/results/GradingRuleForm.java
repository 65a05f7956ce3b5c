package org.connectathon.platform.results;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * A grading rule of an event: for the whole event (no profile), a profile, or an actor of
 * a profile; the most specific one applies to a registration.
 */
public record GradingRuleForm(@Nullable String profile, @Nullable String actor,
		@Min(0) @Max(20) int distinctPartnerOrganizations, @Min(1) @Max(20) int supportiveVerifiedInstances) {

}
