package org.connectathon.platform.dashboard;

import org.connectathon.platform.testing.TestInstanceStatus;

/** How many instances are in a status now. */
public record StatusCount(TestInstanceStatus status, long instances) {

}
