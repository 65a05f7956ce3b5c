package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class ReportApiController {

	private final ReportService reports;

	ReportApiController(ReportService reports) {
		this.reports = reports;
	}

	/** The report-out as JSON ({@code format=json}, the default) or Markdown. */
	@GetMapping(path = "/tracks/{trackId}/report", produces = { "application/json", "text/markdown" })
	ResponseEntity<?> report(@PathVariable long trackId, @RequestParam(defaultValue = "json") String format,
			@AuthenticationPrincipal SignedInUser user) {
		return switch (format) {
			case "json" ->
				ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.reports.report(trackId, user));
			case "markdown" -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
				.body(ReportMarkdown.write(this.reports.report(trackId, user)));
			default -> throw new InvalidInputException("The format is json or markdown, not " + format + ".",
					List.of("format: json or markdown"));
		};
	}

	@GetMapping("/events/{eventId}/track-reports")
	ReportOfEvent reportOfEvent(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.reports.reportOfEvent(eventId, user);
	}

}
