package org.connectathon.platform.tracks;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * When an event takes track proposals: from the day it opens through the day it closes.
 * An event takes them from 12 weeks to 6 weeks before its start unless its organizers set
 * other dates.
 */
public record TrackProposalWindow(@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate opensOn,
		@NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate closesOn) {

	static TrackProposalWindow defaultFor(LocalDate eventStart) {
		return new TrackProposalWindow(eventStart.minusWeeks(12), eventStart.minusWeeks(6));
	}

	boolean isOpen(LocalDate day) {
		return !day.isBefore(this.opensOn) && !day.isAfter(this.closesOn);
	}

}
