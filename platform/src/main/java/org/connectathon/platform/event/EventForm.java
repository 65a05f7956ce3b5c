package org.connectathon.platform.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What an organizer gives to create or change an event.
 *
 * @param allowPrivateAddresses see {@link Event#allowPrivateAddresses()}; absent is false
 */
public record EventForm(@NotBlank @Size(max = 200) String name, @Size(max = 4000) @Nullable String description,
		@Size(max = 200) @Nullable String location, @NotNull LocalDate startDate, @NotNull LocalDate endDate,
		@NotNull OffsetDateTime registrationDeadline, @Nullable EventStatus status, @Nullable List<String> profiles,
		@Nullable Boolean allowPrivateAddresses) {

}
