package org.connectathon.platform.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.connectathon.platform.registration.TestingType;
import org.jspecify.annotations.Nullable;

/**
 * A row of the results matrix: one actor registration, its grade (an organizer's override
 * wins over the computed one) and the indicators behind it.
 */
public record RegistrationResult(long registrationId, long organizationId, String organizationName, long systemId,
		String systemName, String profileKeyword, String actorKeyword, @Nullable String optionKeyword,
		TestingType testingType, Grade grade, Grade computedGrade, @Nullable String overrideReason,
		Indicators indicators) implements MatrixEntry {

	@JsonProperty("overridden")
	public boolean overridden() {
		return this.overrideReason != null;
	}

}
