package org.connectathon.platform.event;

import java.time.Instant;

import org.connectathon.platform.referenceserver.HostedReferenceServers;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The list of events and each event's home page. */
@Controller
class EventPageController {

	private final EventService events;

	private final HostedReferenceServers referenceServers;

	EventPageController(EventService events, HostedReferenceServers referenceServers) {
		this.events = events;
		this.referenceServers = referenceServers;
	}

	@GetMapping("/")
	String events(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("events", this.events.findVisible(user));
		return "event/events";
	}

	@GetMapping("/events/{id}")
	String event(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		Event event = this.events.find(id, user);
		model.addAttribute("event", event);
		model.addAttribute("registrationOpen", event.isRegistrationOpen(Instant.now()));
		model.addAttribute("referenceServers", this.referenceServers.forEvent(event.id()));
		return "event/event";
	}

}
