package org.connectathon.platform.tracks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A topic as its author proposes or changes it.
 *
 * @param systems the systems or gateway the author wants to hook in
 */
public record TopicForm(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String description,
		@Size(max = 1000) @Nullable String systems) {

}
