package org.connectathon.platform.tracks;

import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The track page's feedback form, and the leads' triage buttons. */
@Controller
class FeedbackPageController {

	private final FeedbackService feedback;

	FeedbackPageController(FeedbackService feedback) {
		this.feedback = feedback;
	}

	@PostMapping("/tracks/{trackId}/feedback")
	String submit(@PathVariable long trackId, @RequestParam String scenario,
			@RequestParam(required = false) String artifact, @RequestParam(required = false) String elementPath,
			@RequestParam FeedbackType type, @RequestParam String summary, @RequestParam String description,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		Feedback submitted = this.feedback.submit(trackId,
				new FeedbackForm(scenario, artifact, elementPath, type, summary, description), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("track.feedback.done", submitted.summary()));
		return "redirect:/tracks/" + trackId;
	}

	@PostMapping("/tracks/{trackId}/feedback/{feedbackId}/triage")
	String triage(@PathVariable long trackId, @PathVariable long feedbackId, @RequestParam FeedbackTriage triage,
			@RequestParam(required = false) String note, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		this.feedback.triage(trackId, feedbackId, new FeedbackTriageForm(triage, note), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("track.feedback.triaged", feedbackId));
		return "redirect:/tracks/" + trackId;
	}

}
