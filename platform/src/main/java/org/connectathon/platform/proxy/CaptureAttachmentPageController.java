package org.connectathon.platform.proxy;

import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The captured exchanges of an instance's steps, as a panel that the instance page and
 * the monitor's view load (htmx) and load again at every change on the instance's live
 * stream (templates/proxy/instance-captures-live.html): a capture attached, detached or
 * validated. A refused attachment goes back to the page with the reason
 * ({@link org.connectathon.platform.web.PageExceptionHandler}).
 */
@Controller
class CaptureAttachmentPageController {

	private final CaptureAttachmentService attachments;

	private final TestInstanceService instances;

	CaptureAttachmentPageController(CaptureAttachmentService attachments, TestInstanceService instances) {
		this.attachments = attachments;
		this.instances = instances;
	}

	@GetMapping("/test-instances/{id}/captures-panel")
	String panel(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		TestInstance instance = this.instances.find(id, user);
		boolean takingPart = user.organizationId() != null && instance.involves(user.organizationId());
		model.addAttribute("instance", instance);
		model.addAttribute("captures", this.attachments.attachedTo(id, user));
		model.addAttribute("steps", this.instances.steps(id, user));
		model.addAttribute("canAttach", !instance.status().participantMoves().isEmpty()
				&& (user.isAdmin() || takingPart || this.instances.maySeeToolReports(instance, user)));
		return "proxy/instance-captures-panel";
	}

	@PostMapping("/test-instances/{id}/captures")
	String attach(@PathVariable long id, @RequestParam long captureId, @RequestParam int stepIndex,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		this.attachments.attach(captureId, new CaptureAttachmentForm(id, stepIndex), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
				PageMessage.of("capture.evidence.attached", captureId, stepIndex));
		return "redirect:/test-instances/" + id;
	}

	@PostMapping("/test-instances/{id}/captures/{captureId}/detachment")
	String detach(@PathVariable long id, @PathVariable long captureId, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		this.attachments.detach(captureId, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("capture.evidence.detached", captureId));
		return "redirect:/test-instances/" + id;
	}

}
