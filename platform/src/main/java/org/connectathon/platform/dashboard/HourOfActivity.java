package org.connectathon.platform.dashboard;

import java.time.OffsetDateTime;

/**
 * What happened to instances in one hour: how many were started, handed to the monitors,
 * and given each verdict (the verification throughput).
 */
public record HourOfActivity(OffsetDateTime startOfHour, long started, long handedOver, long verified,
		long partiallyVerified, long failed) {

}
