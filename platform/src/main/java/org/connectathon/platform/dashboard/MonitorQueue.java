package org.connectathon.platform.dashboard;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The instances waiting for a monitor: how many, how many a monitor has claimed, how long
 * they have waited (counted in bands of waiting time) and the one waiting longest.
 */
public record MonitorQueue(long waiting, long claimed, long waitingUnder15Minutes, long waiting15To60Minutes,
		long waiting1To4Hours, long waitingOver4Hours, @Nullable Long oldestInstanceId,
		@Nullable String oldestTestKeyword, @Nullable OffsetDateTime oldestWaitingSince) {

}
