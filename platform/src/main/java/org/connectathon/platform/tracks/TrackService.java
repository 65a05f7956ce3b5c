package org.connectathon.platform.tracks;

import java.util.List;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The approved tracks of an event, seen by whoever sees the event, and the rule that only
 * a track's leads (and organizers) act for the track as a whole.
 */
@Service
@Validated
public class TrackService {

	private final TrackRepository tracks;

	private final EventService events;

	TrackService(TrackRepository tracks, EventService events) {
		this.tracks = tracks;
		this.events = events;
	}

	public List<Track> findInEvent(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.tracks.findByEvent(eventId);
	}

	/** A track, if the user may see its event. */
	public Track find(long trackId, SignedInUser user) {
		Track track = this.tracks.find(trackId).orElseThrow(() -> new NotFoundException("Track", trackId));
		this.events.requireVisible(track.eventId(), user);
		return track;
	}

	/**
	 * The display names of the track's leads, in the order of
	 * {@link Track#leadUserIds()}.
	 */
	public List<String> leadNames(Track track) {
		return this.tracks.leadNames(track.id());
	}

	public boolean maySteer(Track track, SignedInUser user) {
		return user.isAdmin() || track.isLedBy(user.id());
	}

	/**
	 * A track the user leads (or an organizer acts for), for a change to the whole track.
	 */
	Track findForLead(long trackId, SignedInUser user) {
		Track track = find(trackId, user);
		if (!maySteer(track, user)) {
			throw new ForbiddenException("Only the leads of " + track.name() + " may do this.");
		}
		return track;
	}

	/** Leads change the track's description, chat link and success criteria. */
	@Transactional
	public Track update(long trackId, @Valid TrackForm form, SignedInUser user) {
		findForLead(trackId, user);
		this.tracks.updateDetails(trackId, form);
		return find(trackId, user);
	}

	static Track.Scenario scenario(Track track, String keyword) {
		return track.scenarios()
			.stream()
			.filter((scenario) -> scenario.keyword().equals(keyword.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(
					"The track " + track.name() + " has no scenario " + keyword.strip() + ".",
					List.of("scenario: no such scenario in the track")));
	}

}
