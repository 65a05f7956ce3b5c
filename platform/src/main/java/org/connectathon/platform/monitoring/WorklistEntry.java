package org.connectathon.platform.monitoring;

import org.connectathon.platform.testing.TestInstance;
import org.jspecify.annotations.Nullable;

/** An instance waiting for a monitor, and who has claimed it, if anyone. */
public record WorklistEntry(TestInstance instance, @Nullable Claim claim) {

}
