package org.connectathon.platform.testing;

/** Where a step of an instance stands, as its participants report it. */
public enum StepStatus {

	TO_DO, DONE, SKIPPED

}
