package org.connectathon.platform.results;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class ResultsApiController {

	private final GradingService grading;

	ResultsApiController(GradingService grading) {
		this.grading = grading;
	}

	@GetMapping("/events/{eventId}/results")
	List<RegistrationResult> results(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.grading.matrix(eventId, user);
	}

	/**
	 * One row of the matrix, so that a client follows one grade without the whole matrix.
	 */
	@GetMapping("/events/{eventId}/results/{registrationId}")
	RegistrationResult result(@PathVariable long eventId, @PathVariable long registrationId,
			@AuthenticationPrincipal SignedInUser user) {
		return this.grading.result(eventId, registrationId, user);
	}

	@GetMapping(path = "/events/{eventId}/results.csv", produces = "text/csv")
	ResponseEntity<String> resultsCsv(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("results-" + eventId + ".csv").build().toString())
			.body(ResultsCsv.write(this.grading.matrix(eventId, user)));
	}

	@GetMapping("/events/{eventId}/grading-rules")
	List<GradingRuleForm> rules(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.grading.findRules(eventId, user);
	}

	/** Replaces the event's grading rules and regrades the event. */
	@PutMapping("/events/{eventId}/grading-rules")
	List<GradingRuleForm> replaceRules(@PathVariable long eventId, @RequestBody List<GradingRuleForm> rules,
			@AuthenticationPrincipal SignedInUser user) {
		return this.grading.replaceRules(eventId, rules, user);
	}

	@GetMapping("/events/{eventId}/results/{registrationId}/history")
	List<GradeChange> history(@PathVariable long eventId, @PathVariable long registrationId,
			@AuthenticationPrincipal SignedInUser user) {
		return this.grading.history(eventId, registrationId, user);
	}

	@PutMapping("/events/{eventId}/results/{registrationId}/override")
	RegistrationResult override(@PathVariable long eventId, @PathVariable long registrationId,
			@RequestBody OverrideForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.grading.override(eventId, registrationId, form, user);
	}

	@PostMapping("/events/{eventId}/results/publication")
	Publication publish(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.grading.publish(eventId, user);
	}

	/** Takes the results off the public page and API; the public addresses answer 404. */
	@PostMapping("/events/{eventId}/results/publication/withdrawal")
	PublicationChange withdraw(@PathVariable long eventId, @RequestBody WithdrawalForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.grading.withdraw(eventId, form, user);
	}

	@GetMapping("/events/{eventId}/results/publication/history")
	List<PublicationChange> publicationHistory(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user) {
		return this.grading.publicationChanges(eventId, user);
	}

}
