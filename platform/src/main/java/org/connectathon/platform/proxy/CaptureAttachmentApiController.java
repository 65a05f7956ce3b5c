package org.connectathon.platform.proxy;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Attaching a capture to a test step by hand, and detaching it, on the JSON API. */
@RestController
@RequestMapping("/api")
class CaptureAttachmentApiController {

	private final CaptureAttachmentService attachments;

	CaptureAttachmentApiController(CaptureAttachmentService attachments) {
		this.attachments = attachments;
	}

	/**
	 * Attaches the capture to the step {@code stepIndex} of the instance
	 * {@code instanceId}.
	 */
	@PostMapping("/captures/{id}/attachment")
	Capture attach(@PathVariable long id, @RequestBody CaptureAttachmentForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.attachments.attach(id, form, user);
	}

	/** Detaches the capture from its step, however it was attached. */
	@DeleteMapping("/captures/{id}/attachment")
	Capture detach(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.attachments.detach(id, user);
	}

}
