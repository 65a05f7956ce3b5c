package org.connectathon.platform.dashboard;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class DashboardApiController {

	private final DashboardService dashboard;

	DashboardApiController(DashboardService dashboard) {
		this.dashboard = dashboard;
	}

	/**
	 * The dashboard's figures: of the whole event, or of the participant's organization
	 * (then {@code organizationId} says which).
	 */
	@GetMapping("/events/{eventId}/dashboard")
	DashboardFigures dashboard(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.dashboard.figures(eventId, user);
	}

}
