package org.connectathon.platform.live;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The streams of changes that live pages listen to, through htmx's SSE extension. */
@Controller
class LiveUpdatesController {

	private final LiveUpdates updates;

	LiveUpdatesController(LiveUpdates updates) {
		this.updates = updates;
	}

	@GetMapping(path = "/events/{eventId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter eventUpdates(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.updates.subscribeToEvent(eventId, user);
	}

	@GetMapping(path = "/events/{eventId}/captures/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter captureUpdates(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.updates.subscribeToCaptures(eventId, user);
	}

	@GetMapping(path = "/test-instances/{instanceId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter instanceUpdates(@PathVariable long instanceId, @AuthenticationPrincipal SignedInUser user) {
		return this.updates.subscribeToInstance(instanceId, user);
	}

	/** Pre-event topics: the topic page's thread. */
	@GetMapping(path = "/topics/{topicId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter topicUpdates(@PathVariable long topicId, @AuthenticationPrincipal SignedInUser user) {
		return this.updates.subscribeToTopic(topicId, user);
	}

}
