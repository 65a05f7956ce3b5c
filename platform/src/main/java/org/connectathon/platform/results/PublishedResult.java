package org.connectathon.platform.results;

import org.jspecify.annotations.Nullable;

/** A published row of the matrix: names and the grade, no internal ids. */
public record PublishedResult(String organizationName, String systemName, String profileKeyword, String actorKeyword,
		@Nullable String optionKeyword, String testingType, Grade grade, int satisfiedRoles, int requiredRoles,
		int verifiedInstances, int neededInstances, int partnersUsed, int partnersAvailable) implements MatrixEntry {

}
