package org.connectathon.platform.monitoring;

import java.time.OffsetDateTime;

/** The monitor working on an instance, so that no other starts on it meanwhile. */
public record Claim(long testInstanceId, long monitorId, String monitorName, OffsetDateTime claimedAt) {

}
