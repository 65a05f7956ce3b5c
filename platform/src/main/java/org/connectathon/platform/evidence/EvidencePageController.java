package org.connectathon.platform.evidence;

import java.util.List;

import org.connectathon.platform.ListFilters;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.connectathon.platform.web.Forms;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The event's evidence list page. */
@Controller
class EvidencePageController {

	static final int PAGE_SIZE = 50;

	private static final String FILTERS = "filters";

	private final EvidenceService evidence;

	private final EventService events;

	private final SystemService systems;

	EvidencePageController(EvidenceService evidence, EventService events, SystemService systems) {
		this.evidence = evidence;
		this.events = events;
		this.systems = systems;
	}

	/**
	 * The event's evidence that the user may see, a page at a time, with the filters and
	 * sort of a GET form kept in the address.
	 */
	@GetMapping("/events/{eventId}/evidence")
	String evidence(@PathVariable long eventId, @ModelAttribute(FILTERS) ListFilters filters, BindingResult result,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user, Model model) {
		Event event = this.events.find(eventId, user);
		model.addAttribute("event", event);
		model.addAttribute("evidence",
				Forms.submit(result, () -> this.evidence.findInEvent(eventId, filters, page, PAGE_SIZE, user))
					.orElseGet(() -> new ListPage<>(List.of(), 0, PAGE_SIZE, 0)));
		String listBase = "/events/" + eventId + "/evidence";
		model.addAttribute("listBase", listBase);
		model.addAttribute("listPath", filters.path(listBase));
		model.addAttribute("kinds", EvidenceKind.values());
		model.addAttribute("statuses", TestInstanceStatus.values());
		model.addAttribute("profiles", event.profiles());
		model.addAttribute("organizations", this.systems.organizationsInEvent(eventId, user));
		return "evidence/list";
	}

}
