package org.connectathon.platform.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers' page to assign monitors to the tests of an event. */
@Controller
class AdminMonitorController {

	private final MonitoringService monitoring;

	private final TestDefinitionService tests;

	private final EventService events;

	AdminMonitorController(MonitoringService monitoring, TestDefinitionService tests, EventService events) {
		this.monitoring = monitoring;
		this.tests = tests;
		this.events = events;
	}

	@GetMapping("/admin/events/{eventId}/monitors")
	String monitors(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		List<TestDefinition> tests = this.tests.findInEvent(eventId, user);
		Map<Long, List<Long>> assigned = new HashMap<>();
		tests.forEach((test) -> assigned.put(test.id(), this.monitoring.findAssignedMonitorIds(test.id(), user)));
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("tests", tests);
		model.addAttribute("assigned", assigned);
		model.addAttribute("monitors", this.monitoring.findMonitors(user));
		return "monitoring/assign";
	}

	@PostMapping("/admin/tests/{testId}/monitors")
	String assign(@PathVariable long testId, @RequestParam(name = "monitors", required = false) List<Long> monitorIds,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		TestDefinition test = this.tests.find(testId, user);
		this.monitoring.assign(testId, (monitorIds != null) ? monitorIds : List.of(), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("monitors.saved", test.keyword()));
		return "redirect:/admin/events/" + test.eventId() + "/monitors";
	}

}
