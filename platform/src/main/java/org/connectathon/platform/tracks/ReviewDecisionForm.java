package org.connectathon.platform.tracks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A reviewer's decision on a proposal, with the comment its authors read. */
public record ReviewDecisionForm(@NotNull ReviewDecision decision, @Size(max = 4000) @Nullable String comment) {

}
