package org.connectathon.platform.tracks;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A track's report-out page, with its Markdown to copy, and the event's report-outs. */
@Controller
class ReportPageController {

	private final ReportService reports;

	private final EventService events;

	ReportPageController(ReportService reports, EventService events) {
		this.reports = reports;
		this.events = events;
	}

	@GetMapping("/tracks/{trackId}/report")
	String report(@PathVariable long trackId, @AuthenticationPrincipal SignedInUser user, Model model) {
		Report report = this.reports.report(trackId, user);
		model.addAttribute("report", report);
		model.addAttribute("markdown", ReportMarkdown.write(report));
		model.addAttribute("outcomes", ScenarioResultOutcome.values());
		return "tracks/report";
	}

	@GetMapping("/events/{eventId}/track-reports")
	String reportOfEvent(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("reports", this.reports.reportOfEvent(eventId, user));
		model.addAttribute("outcomes", ScenarioResultOutcome.values());
		return "tracks/reports";
	}

}
