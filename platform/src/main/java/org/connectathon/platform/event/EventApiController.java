package org.connectathon.platform.event;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/events")
class EventApiController {

	private final EventService events;

	EventApiController(EventService events) {
		this.events = events;
	}

	@GetMapping
	List<Event> events(@AuthenticationPrincipal SignedInUser user) {
		return this.events.findVisible(user);
	}

	@GetMapping("/{id}")
	Event event(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.events.find(id, user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Event create(@RequestBody EventForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.events.create(form, user);
	}

	@PutMapping("/{id}")
	Event update(@PathVariable long id, @RequestBody EventForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.events.update(id, form, user);
	}

}
