package org.connectathon.platform.tracks;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/**
 * When an event takes track proposals: from the day it opens through the day it closes.
 * An event takes them from 12 weeks to 6 weeks before its start unless its organizers set
 * other dates.
 */
public record TrackProposalWindow(@NotNull LocalDate opensOn, @NotNull LocalDate closesOn) {

	static TrackProposalWindow defaultFor(LocalDate eventStart) {
		return new TrackProposalWindow(eventStart.minusWeeks(12), eventStart.minusWeeks(6));
	}

	boolean isOpen(LocalDate day) {
		return !day.isBefore(this.opensOn) && !day.isAfter(this.closesOn);
	}

}
