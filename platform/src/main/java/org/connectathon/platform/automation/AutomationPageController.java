package org.connectathon.platform.automation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.testing.TestInstanceStatus;
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
 * The automated steps of an instance, as a panel that the instance and verification pages
 * load (htmx): each step's script, target and latest run, a Run button for the
 * organizations taking part, and for monitors the confirmation of passing reports. The
 * page asks for the panel again at every change on the instance's stream of
 * {@link org.connectathon.platform.testing.LiveUpdates} (templates/automation/
 * automated-steps-live.html); once a run has ended, the whole page reloads to show the
 * step, the evidence and the status that changed with it.
 */
@Controller
class AutomationPageController {

	private static final Set<TestInstanceStatus> AWAITING_MONITOR = Set.of(TestInstanceStatus.TO_BE_VERIFIED,
			TestInstanceStatus.PARTIALLY_VERIFIED);

	private final AutomationService automation;

	private final TestInstanceService instances;

	AutomationPageController(AutomationService automation, TestInstanceService instances) {
		this.automation = automation;
		this.instances = instances;
	}

	/**
	 * @param renderedAt when the page holding the panel was rendered (epoch
	 * milliseconds): a run that ended since then changed the instance, its steps or its
	 * evidence, so htmx reloads the page, also when the run ended before the panel's
	 * first request or before the page's stream was listening (the stream's
	 * {@code subscribed} event asks for the panel again)
	 */
	@GetMapping("/test-instances/{id}/automated-steps")
	String panel(@PathVariable long id, @RequestParam(required = false) Long renderedAt,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) {
		TestInstance instance = this.instances.find(id, user);
		List<AutomatedStep> steps = this.automation.automatedSteps(id, user);
		if (renderedAt != null && steps.stream().anyMatch((step) -> endedAfter(step, renderedAt))) {
			response.setHeader("HX-Refresh", "true");
		}
		boolean open = !instance.status().participantMoves().isEmpty();
		boolean takingPart = user.isAdmin()
				|| (user.organizationId() != null && instance.involves(user.organizationId()));
		model.addAttribute("instance", instance);
		model.addAttribute("steps", steps);
		model.addAttribute("canRun", takingPart && open);
		model.addAttribute("canConfirm",
				user.role() == Role.MONITOR && !steps.isEmpty() && steps.stream().allMatch(AutomatedStep::passed)
						&& (AWAITING_MONITOR.contains(instance.status()) || (instance.critical() && open)));
		return "automation/automated-steps";
	}

	private static boolean endedAfter(AutomatedStep step, long epochMilliseconds) {
		OffsetDateTime finishedAt = (step.latestRun() != null) ? step.latestRun().finishedAt() : null;
		return finishedAt != null && finishedAt.toInstant().toEpochMilli() > epochMilliseconds;
	}

	@PostMapping("/test-instances/{id}/steps/{index}/runs")
	String startRun(@PathVariable long id, @PathVariable int index, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		ScriptRun run = this.automation.startRun(id, index, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("automation.run.queued", run.id(), index));
		return "redirect:/test-instances/" + id;
	}

	@PostMapping("/test-instances/{id}/confirm-passing-report")
	String confirmPassingReport(@PathVariable long id, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		this.automation.confirmPassingReports(id, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("automation.verified"));
		return "redirect:/test-instances/" + id;
	}

}
