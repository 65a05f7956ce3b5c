package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class TrackApiController {

	private final TrackService tracks;

	TrackApiController(TrackService tracks) {
		this.tracks = tracks;
	}

	@GetMapping("/events/{eventId}/tracks")
	List<Track> tracks(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.tracks.findInEvent(eventId, user);
	}

	@GetMapping("/tracks/{trackId}")
	Track track(@PathVariable long trackId, @AuthenticationPrincipal SignedInUser user) {
		return this.tracks.find(trackId, user);
	}

	/** The track's leads only. */
	@PutMapping("/tracks/{trackId}")
	Track update(@PathVariable long trackId, @RequestBody TrackForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.tracks.update(trackId, form, user);
	}

}
