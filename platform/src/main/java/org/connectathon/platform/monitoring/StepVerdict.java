package org.connectathon.platform.monitoring;

/** A monitor's conclusion on one step of an instance. */
public enum StepVerdict {

	PASSED, FAILED

}
