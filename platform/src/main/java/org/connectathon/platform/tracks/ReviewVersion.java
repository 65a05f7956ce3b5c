package org.connectathon.platform.tracks;

import java.time.OffsetDateTime;

/**
 * One submitted version of a proposal, kept whole after a revision.
 *
 * @param <C> the proposal's content: what its authors filled in
 */
public record ReviewVersion<C>(int version, C content, String submitterName, OffsetDateTime submittedAt) {

}
