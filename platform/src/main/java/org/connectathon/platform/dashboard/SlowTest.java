package org.connectathon.platform.dashboard;

import java.time.OffsetDateTime;

/**
 * A test whose open instances (running, paused or waiting for a monitor) have not moved
 * for long: the oldest of their last changes, and how its instances stand.
 */
public record SlowTest(long testId, String testKeyword, String testName, long openInstances, long verified, long failed,
		OffsetDateTime stillSince) {

}
