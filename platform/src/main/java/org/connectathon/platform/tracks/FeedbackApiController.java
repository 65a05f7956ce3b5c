package org.connectathon.platform.tracks;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/tracks/{trackId}")
class FeedbackApiController {

	private final FeedbackService feedback;

	FeedbackApiController(FeedbackService feedback) {
		this.feedback = feedback;
	}

	@GetMapping("/feedback")
	List<Feedback> feedback(@PathVariable long trackId, @AuthenticationPrincipal SignedInUser user) {
		return this.feedback.findByTrack(trackId, user);
	}

	@PostMapping("/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	Feedback submit(@PathVariable long trackId, @RequestBody FeedbackForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.feedback.submit(trackId, form, user);
	}

	/** The track's leads only. */
	@PutMapping("/feedback/{feedbackId}/triage")
	Feedback triage(@PathVariable long trackId, @PathVariable long feedbackId, @RequestBody FeedbackTriageForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.feedback.triage(trackId, feedbackId, form, user);
	}

	/** The comments accepted as change requests, for the issue tracker; leads only. */
	@GetMapping(path = "/feedback.csv", produces = "text/csv")
	ResponseEntity<String> changeRequests(@PathVariable long trackId, @AuthenticationPrincipal SignedInUser user) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("track-" + trackId + "-feedback.csv").build().toString())
			.body(this.feedback.exportChangeRequests(trackId, user));
	}

}
