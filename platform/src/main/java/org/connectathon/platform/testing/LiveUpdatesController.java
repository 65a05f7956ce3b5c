package org.connectathon.platform.testing;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The stream of an event's changes that its live pages listen to (static/js/live.js). */
@Controller
class LiveUpdatesController {

	private final LiveUpdates updates;

	LiveUpdatesController(LiveUpdates updates) {
		this.updates = updates;
	}

	@GetMapping(path = "/events/{eventId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter updates(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.updates.subscribe(eventId, user);
	}

}
