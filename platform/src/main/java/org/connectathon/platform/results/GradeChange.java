package org.connectathon.platform.results;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One recorded change of a grade: computed after a verdict, or an organizer's override.
 */
public record GradeChange(long id, OffsetDateTime changedAt, String userName, @Nullable Grade fromGrade,
		@Nullable Grade toGrade, @Nullable String reason) {

}
