package org.connectathon.platform.event;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.connectathon.platform.catalog.CatalogService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers' pages to create and edit events. Times on these pages are UTC. */
@Controller
class AdminEventController {

	private static final String FORM_VIEW = "event/event-form";

	private static final String FORM = "form";

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
		model.addAttribute(FORM, new EventPageForm("", null, null, start, start.plusDays(3),
				start.minusWeeks(1).atStartOfDay(), EventStatus.DRAFT, List.of(), false));
		return formView(model);
	}

	@PostMapping("/admin/events/new")
	String processCreationForm(@ModelAttribute(FORM) EventPageForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		Optional<Event> created = Forms.submit(result, () -> this.events.create(form.toEventForm(), user));
		if (created.isEmpty()) {
			return formView(model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("event.created", created.get().name()));
		return "redirect:/events/" + created.get().id();
	}

	@GetMapping("/admin/events/{id}/edit")
	String initUpdateForm(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		Event event = this.events.find(id, user);
		model.addAttribute("event", event);
		model.addAttribute(FORM, EventPageForm.of(event));
		return formView(model);
	}

	@PostMapping("/admin/events/{id}/edit")
	String processUpdateForm(@PathVariable long id, @ModelAttribute(FORM) EventPageForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		Event event = this.events.find(id, user);
		Optional<Event> saved = Forms.submit(result, () -> this.events.update(id, form.toEventForm(), user));
		if (saved.isEmpty()) {
			model.addAttribute("event", event);
			return formView(model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("event.saved", saved.get().name()));
		return "redirect:/events/" + id;
	}

	private String formView(Model model) {
		model.addAttribute("profiles", this.catalog.catalog().profiles());
		model.addAttribute("statuses", EventStatus.values());
		return FORM_VIEW;
	}

}
