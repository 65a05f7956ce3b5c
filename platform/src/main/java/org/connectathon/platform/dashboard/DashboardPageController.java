package org.connectathon.platform.dashboard;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The event's dashboard: its figures in tables that the page's script draws as charts,
 * read again whenever an instance of the event changes.
 */
@Controller
class DashboardPageController {

	private static final String VIEW = "dashboard/dashboard";

	private final DashboardService dashboard;

	private final EventService events;

	DashboardPageController(DashboardService dashboard, EventService events) {
		this.dashboard = dashboard;
		this.events = events;
	}

	@GetMapping("/events/{eventId}/dashboard")
	String dashboard(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("figures", this.dashboard.figures(eventId, user));
		return VIEW;
	}

}
