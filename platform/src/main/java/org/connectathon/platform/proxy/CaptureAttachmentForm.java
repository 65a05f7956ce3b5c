package org.connectathon.platform.proxy;

import jakarta.validation.constraints.NotNull;

/** Where a person attaches a capture: a step of a test instance, by its index. */
public record CaptureAttachmentForm(@NotNull Long instanceId, @NotNull Integer stepIndex) {

}
