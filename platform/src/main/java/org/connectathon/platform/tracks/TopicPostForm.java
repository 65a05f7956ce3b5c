package org.connectathon.platform.tracks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A message for a topic's thread. */
public record TopicPostForm(@NotBlank @Size(max = 4000) String text) {

}
