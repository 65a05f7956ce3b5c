package org.connectathon.platform.registration;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.connectathon.platform.FreeText;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A participant's own organization: its details, contacts and systems. */
@Controller
class OrganizationPageController {

	private static final String REDIRECT = "redirect:/organization";

	private static final String FORM = "form";

	private static final String CONTACT_FORM = "contactForm";

	private static final ContactForm EMPTY_CONTACT = new ContactForm("", null, null, ContactRole.TECHNICAL);

	private final OrganizationService organizations;

	private final SystemService systems;

	private final EventService events;

	OrganizationPageController(OrganizationService organizations, SystemService systems, EventService events) {
		this.organizations = organizations;
		this.systems = systems;
		this.events = events;
	}

	@GetMapping("/organization")
	String organization(@AuthenticationPrincipal SignedInUser user, Model model) {
		Organization organization = this.organizations.find(this.organizations.requireOwn(user));
		model.addAttribute(FORM,
				new OrganizationForm(organization.name(), organization.address(), organization.website()));
		model.addAttribute(CONTACT_FORM, EMPTY_CONTACT);
		return organizationView(user, model);
	}

	@PostMapping("/organization")
	String processUpdateForm(@ModelAttribute(FORM) OrganizationForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		long id = this.organizations.requireOwn(user);
		OrganizationForm changes = new OrganizationForm(form.name(), form.address(),
				FreeText.blankToNull(form.website()));
		if (Forms.submit(result, () -> this.organizations.update(id, changes, user)).isEmpty()) {
			model.addAttribute(CONTACT_FORM, EMPTY_CONTACT);
			return organizationView(user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("organization.saved"));
		return REDIRECT;
	}

	@PostMapping("/organization/contacts")
	String addContact(@ModelAttribute(CONTACT_FORM) ContactForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		long id = this.organizations.requireOwn(user);
		Optional<Contact> added = Forms.submit(result, () -> this.organizations.addContact(id, form, user));
		if (added.isEmpty()) {
			Organization organization = this.organizations.find(id);
			model.addAttribute(FORM,
					new OrganizationForm(organization.name(), organization.address(), organization.website()));
			return organizationView(user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
				PageMessage.of("organization.contact.added", added.get().name()));
		return REDIRECT;
	}

	private String organizationView(SignedInUser user, Model model) {
		long id = this.organizations.requireOwn(user);
		model.addAttribute("organization", this.organizations.find(id));
		model.addAttribute("contacts", this.organizations.findContacts(id, user));
		model.addAttribute("systems", this.systems.findOfOrganization(id, user));
		Map<Long, Event> events = this.events.findVisible(user)
			.stream()
			.collect(Collectors.toMap(Event::id, Function.identity()));
		model.addAttribute("events", events);
		model.addAttribute("contactRoles", ContactRole.values());
		return "registration/organization";
	}

	@PostMapping("/organization/contacts/{contactId}/delete")
	String removeContact(@PathVariable long contactId, @AuthenticationPrincipal SignedInUser user) {
		this.organizations.removeContact(this.organizations.requireOwn(user), contactId, user);
		return REDIRECT;
	}

}
