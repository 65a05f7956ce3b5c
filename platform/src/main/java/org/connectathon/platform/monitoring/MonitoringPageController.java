package org.connectathon.platform.monitoring;

import java.util.List;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.evidence.EvidenceService;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.connectathon.platform.web.Forms;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monitor's worklist and verification page, usable on a phone at a testing table. */
@Controller
class MonitoringPageController {

	private static final String VERDICT_FORM = "verdictForm";

	private static final String STEP_VERDICT_FORM = "stepVerdictForm";

	private final MonitoringService monitoring;

	private final EvidenceService evidence;

	private final EventService events;

	MonitoringPageController(MonitoringService monitoring, EvidenceService evidence, EventService events) {
		this.monitoring = monitoring;
		this.evidence = evidence;
		this.events = events;
	}

	@GetMapping("/events/{eventId}/worklist")
	String worklist(@PathVariable long eventId, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("worklist", this.monitoring.worklist(eventId, page, user));
		return "monitoring/worklist";
	}

	@GetMapping("/test-instances/{id}/verify")
	String verify(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		return verifyView(id, user, model);
	}

	/**
	 * The verification page with its forms: the one refused, with what was typed, and the
	 * others as new.
	 */
	private String verifyView(long id, SignedInUser user, Model model) {
		if (!model.containsAttribute(STEP_VERDICT_FORM)) {
			model.addAttribute(STEP_VERDICT_FORM, new StepVerdictForm(StepVerdict.PASSED, null));
		}
		if (!model.containsAttribute(VERDICT_FORM)) {
			model.addAttribute(VERDICT_FORM, new VerdictForm(TestInstanceStatus.VERIFIED, null));
		}
		model.addAttribute("details", this.evidence.details(id, user));
		model.addAttribute("stepVerdicts", this.monitoring.findStepVerdicts(id, user));
		model.addAttribute("verdicts",
				List.of(TestInstanceStatus.VERIFIED, TestInstanceStatus.PARTIALLY_VERIFIED, TestInstanceStatus.FAILED));
		model.addAttribute("stepVerdictValues", StepVerdict.values());
		return "monitoring/verify";
	}

	@PostMapping("/test-instances/{id}/claim")
	String claim(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		this.monitoring.claim(id, user);
		return "redirect:/test-instances/" + id + "/verify";
	}

	@PostMapping("/test-instances/{id}/release")
	String release(@PathVariable long id, @RequestParam long eventId, @AuthenticationPrincipal SignedInUser user) {
		this.monitoring.release(id, user);
		return "redirect:/events/" + eventId + "/worklist";
	}

	@PostMapping("/test-instances/{id}/step-verdicts/{index}")
	String judgeStep(@PathVariable long id, @PathVariable int index,
			@ModelAttribute(STEP_VERDICT_FORM) StepVerdictForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		if (Forms.submit(result, () -> this.monitoring.judgeStep(id, index, form, user)).isEmpty()) {
			model.addAttribute("refusedStep", index);
			return verifyView(id, user, model);
		}
		return "redirect:/test-instances/" + id + "/verify";
	}

	@PostMapping("/test-instances/{id}/verdict")
	String judge(@PathVariable long id, @ModelAttribute(VERDICT_FORM) VerdictForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		if (Forms.submit(result, () -> this.monitoring.judge(id, form, user)).isEmpty()) {
			return verifyView(id, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("verify.recorded"));
		return "redirect:/test-instances/" + id;
	}

}
