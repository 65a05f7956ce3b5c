package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Pre-event topics of an event: proposals, their threads, interest marks and pins. */
@RestController
@RequestMapping("/api")
class TopicApiController {

	private final TopicService topics;

	TopicApiController(TopicService topics) {
		this.topics = topics;
	}

	/** The event's topics, pinned ones first, with the organizations interested. */
	@GetMapping("/events/{eventId}/topics")
	List<Topic> topics(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.topics.findByEvent(eventId, user);
	}

	/** Proposes a topic. */
	@PostMapping("/events/{eventId}/topics")
	@ResponseStatus(HttpStatus.CREATED)
	Topic propose(@PathVariable long eventId, @RequestBody TopicForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.topics.propose(eventId, form, user);
	}

	@GetMapping("/topics/{id}")
	Topic topic(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.topics.find(id, user);
	}

	/** Changes a topic; only its author may. */
	@PutMapping("/topics/{id}")
	Topic update(@PathVariable long id, @RequestBody TopicForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.topics.update(id, form, user);
	}

	/** The topic's thread, oldest first. */
	@GetMapping("/topics/{id}/posts")
	List<TopicPost> thread(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.topics.thread(id, user);
	}

	/** Posts to the topic's thread. */
	@PostMapping("/topics/{id}/posts")
	@ResponseStatus(HttpStatus.CREATED)
	TopicPost post(@PathVariable long id, @RequestBody TopicPostForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.topics.post(id, form, user);
	}

	/** Marks the interest of the caller's organization. */
	@PutMapping("/topics/{id}/interest")
	Topic markInterest(@PathVariable long id, @RequestBody TopicInterestForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.topics.markInterest(id, form, user);
	}

	/** Withdraws the interest of the caller's organization. */
	@DeleteMapping("/topics/{id}/interest/{organizationId}")
	Topic withdrawInterest(@PathVariable long id, @PathVariable long organizationId,
			@AuthenticationPrincipal SignedInUser user) {
		return this.topics.withdrawInterest(id, new TopicInterestForm(organizationId), user);
	}

	/**
	 * Pins the topic to a room or session of the agenda (organizers); empty unpins it.
	 */
	@PutMapping("/topics/{id}/pin")
	Topic pin(@PathVariable long id, @RequestBody TopicPinForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.topics.pin(id, form, user);
	}

}
