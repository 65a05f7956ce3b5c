package org.connectathon.platform.registration;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Where organizers place a system on the testing floor, such as {@code B12}; empty takes
 * it off its table.
 */
public record TableLocationForm(@Size(max = 50) @Nullable String tableLocation) {

	@Nullable String normalized() {
		return (this.tableLocation == null || this.tableLocation.isBlank()) ? null : this.tableLocation.strip();
	}

}
