package org.connectathon.platform.testing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The systems to start a test instance with, each in a role of the test. */
public record StartForm(@NotEmpty List<@Valid @NotNull Participant> participants) {

	public record Participant(@NotBlank String role, @NotNull Long systemId) {

	}

}
