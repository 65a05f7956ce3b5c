package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.ListFilters;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
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

/** The tests of an event and each test's roles and steps. */
@Controller
class TestPageController {

	private static final String FILTERS = "filters";

	private final TestDefinitionService tests;

	private final EventService events;

	TestPageController(TestDefinitionService tests, EventService events) {
		this.tests = tests;
		this.events = events;
	}

	/** The event's tests, with the filters and sort of a GET form kept in the address. */
	@GetMapping("/events/{eventId}/tests")
	String tests(@PathVariable long eventId, @ModelAttribute(FILTERS) ListFilters filters, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		Event event = this.events.find(eventId, user);
		model.addAttribute("event", event);
		model.addAttribute("tests",
				Forms.submit(result, () -> this.tests.findInEvent(eventId, filters, user)).orElseGet(List::of));
		String listBase = "/events/" + eventId + "/tests";
		model.addAttribute("listBase", listBase);
		model.addAttribute("types", TestType.values());
		model.addAttribute("profiles", event.profiles());
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
