package org.connectathon.platform.event;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers' pages to create and edit events. Times on these pages are UTC. */
@Controller
class AdminEventController {

	private static final String FORM_VIEW = "event/event-form";

	private final EventService events;

	private final CatalogService catalog;

	AdminEventController(EventService events, CatalogService catalog) {
		this.events = events;
		this.catalog = catalog;
	}

	@GetMapping("/admin/events")
	String events(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("events", this.events.findVisible(user));
		return "event/admin-events";
	}

	@GetMapping("/admin/events/new")
	String initCreationForm(Model model) {
		LocalDate start = LocalDate.now(ZoneOffset.UTC).plusMonths(1);
		model.addAttribute("event", new Event(0, "", null, null, start, start.plusDays(3),
				start.minusWeeks(1).atStartOfDay().atOffset(ZoneOffset.UTC), EventStatus.DRAFT, List.of(), false));
		return formView(model);
	}

	@PostMapping("/admin/events/new")
	String processCreationForm(EventPageForm form, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		Event event = this.events.create(form.toEventForm(), user);
		redirect.addFlashAttribute("message", "Created " + event.name() + ".");
		return "redirect:/events/" + event.id();
	}

	@GetMapping("/admin/events/{id}/edit")
	String initUpdateForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(id, user));
		return formView(model);
	}

	@PostMapping("/admin/events/{id}/edit")
	String processUpdateForm(@PathVariable long id, EventPageForm form, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		Event event = this.events.update(id, form.toEventForm(), user);
		redirect.addFlashAttribute("message", "Saved " + event.name() + ".");
		return "redirect:/events/" + event.id();
	}

	private String formView(Model model) {
		model.addAttribute("profiles", this.catalog.catalog().profiles());
		model.addAttribute("statuses", EventStatus.values());
		return FORM_VIEW;
	}

}
