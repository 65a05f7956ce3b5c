package org.connectathon.platform.testing;

/** A step of a test instance, named by the position of the test's step it runs. */
public record StepInstance(long id, int index, StepStatus status) {

}
