package org.connectathon.platform.results;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published results as JSON, for everyone: under {@code /public}, which needs no
 * sign-in.
 */
@RestController
class PublicResultsApiController {

	private final GradingService grading;

	PublicResultsApiController(GradingService grading) {
		this.grading = grading;
	}

	@GetMapping("/public/events/{eventId}/results.json")
	Publication publication(@PathVariable long eventId) {
		return this.grading.publication(eventId);
	}

}
