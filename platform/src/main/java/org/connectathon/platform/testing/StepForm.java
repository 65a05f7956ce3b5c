package org.connectathon.platform.testing;

import jakarta.validation.constraints.NotNull;

/** A step's new status, as its participants report it. */
public record StepForm(@NotNull StepStatus status) {

}
