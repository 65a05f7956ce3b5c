package org.connectathon.platform.registration;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.event.Event;
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

/** A participant's own organization: its details, contacts and systems. */
@Controller
class OrganizationPageController {

	private static final String REDIRECT = "redirect:/organization";

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
		long id = ownOrganization(user);
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

	@PostMapping("/organization")
	String processUpdateForm(@RequestParam String name, @RequestParam(required = false) String address,
			@RequestParam(required = false) String website, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		this.organizations.update(ownOrganization(user),
				new OrganizationForm(name, address, (website == null || website.isBlank()) ? null : website), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("organization.saved"));
		return REDIRECT;
	}

	@PostMapping("/organization/contacts")
	String addContact(@RequestParam String name, @RequestParam(required = false) String email,
			@RequestParam(required = false) String phone, @RequestParam ContactRole contactRole,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		this.organizations.addContact(ownOrganization(user), new ContactForm(name, email, phone, contactRole), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("organization.contact.added", name));
		return REDIRECT;
	}

	@PostMapping("/organization/contacts/{contactId}/delete")
	String removeContact(@PathVariable long contactId, @AuthenticationPrincipal SignedInUser user) {
		this.organizations.removeContact(ownOrganization(user), contactId, user);
		return REDIRECT;
	}

	private static long ownOrganization(SignedInUser user) {
		if (user.organizationId() == null) {
			throw new ForbiddenException("Your account belongs to no organization; organizers manage organizations "
					+ "from the administration pages.");
		}
		return user.organizationId();
	}

}
