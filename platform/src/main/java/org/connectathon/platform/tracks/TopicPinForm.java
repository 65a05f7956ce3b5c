package org.connectathon.platform.tracks;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where an organizer pins a topic on the agenda.
 *
 * @param pinnedTo a room or session, e.g. "Room B, Tuesday 14:00"; empty unpins it
 */
public record TopicPinForm(@Size(max = 200) @Nullable String pinnedTo) {

}
