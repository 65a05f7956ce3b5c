package org.connectathon.platform.testing;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tests of an event and each test's roles and steps. */
@Controller
class TestPageController {

	private final TestDefinitionService tests;

	private final EventService events;

	TestPageController(TestDefinitionService tests, EventService events) {
		this.tests = tests;
		this.events = events;
	}

	@GetMapping("/events/{eventId}/tests")
	String tests(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("tests", this.tests.findInEvent(eventId, user));
		model.addAttribute("metaTests", this.tests.findMetaTests(eventId, user));
		return "testing/tests";
	}

	@GetMapping("/tests/{id}")
	String test(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		TestDefinition test = this.tests.find(id, user);
		model.addAttribute("test", test);
		model.addAttribute("event", this.events.find(test.eventId(), user));
		return "testing/test";
	}

	@PostMapping("/tests/{id}/settings")
	String changeSettings(@PathVariable long id, @RequestParam(defaultValue = "false") boolean automatedPassVerifies,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		this.tests.changeSettings(id, new TestSettingsForm(automatedPassVerifies), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("testing.test.saved"));
		return "redirect:/tests/" + id;
	}

}
