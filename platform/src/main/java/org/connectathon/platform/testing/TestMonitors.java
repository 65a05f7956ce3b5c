package org.connectathon.platform.testing;

/**
 * Who monitors a test, as the monitoring feature assigns them; asked here so that testing
 * need not depend on monitoring, which depends on it.
 */
public interface TestMonitors {

	/** Whether the user is assigned to monitor the test. */
	boolean isMonitorOf(long testId, long userId);

}
