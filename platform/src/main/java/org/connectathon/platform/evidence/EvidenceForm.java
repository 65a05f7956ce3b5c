package org.connectathon.platform.evidence;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A comment or a link, attached to the instance or to the step at {@code stepIndex}. */
public record EvidenceForm(@NotNull EvidenceKind kind, @Nullable Integer stepIndex,
		@Size(max = 4000) @Nullable String text, @Size(max = 1000) @Nullable String url) {

}
