package org.connectathon.platform.registration;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations")
class OrganizationApiController {

	private final OrganizationService organizations;

	private final SystemService systems;

	OrganizationApiController(OrganizationService organizations, SystemService systems) {
		this.organizations = organizations;
		this.systems = systems;
	}

	@GetMapping
	List<Organization> organizations() {
		return this.organizations.findAll();
	}

	@GetMapping("/{id}")
	Organization organization(@PathVariable long id) {
		return this.organizations.find(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Organization create(@RequestBody OrganizationForm form, @AuthenticationPrincipal SignedInUser user) {
		return this.organizations.create(form, user);
	}

	@PutMapping("/{id}")
	Organization update(@PathVariable long id, @RequestBody OrganizationForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.organizations.update(id, form, user);
	}

	@GetMapping("/{id}/contacts")
	List<Contact> contacts(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.organizations.findContacts(id, user);
	}

	@PostMapping("/{id}/contacts")
	@ResponseStatus(HttpStatus.CREATED)
	Contact addContact(@PathVariable long id, @RequestBody ContactForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.organizations.addContact(id, form, user);
	}

	@DeleteMapping("/{id}/contacts/{contactId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeContact(@PathVariable long id, @PathVariable long contactId,
			@AuthenticationPrincipal SignedInUser user) {
		this.organizations.removeContact(id, contactId, user);
	}

	/** Every system of the organization, drafts included: members and organizers only. */
	@GetMapping("/{id}/systems")
	List<RegisteredSystem> systems(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.systems.findOfOrganization(id, user);
	}

}
