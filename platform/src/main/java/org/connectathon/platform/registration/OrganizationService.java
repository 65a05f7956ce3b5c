package org.connectathon.platform.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.security.OrganizationDirectory;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations and their contacts. Names are public to every signed-in user (partners
 * need them); contacts only to the organization's members and organizers.
 */
@Service
@Validated
public class OrganizationService implements OrganizationDirectory {

	private final OrganizationRepository organizations;

	OrganizationService(OrganizationRepository organizations) {
		this.organizations = organizations;
	}

	/**
	 * The id of the user's own organization, which the organization page shows; an
	 * account of no organization is refused.
	 */
	public long requireOwn(SignedInUser user) {
		if (user.organizationId() == null) {
			throw new ForbiddenException("Your account belongs to no organization; organizers manage organizations "
					+ "from the administration pages.");
		}
		return user.organizationId();
	}

	public List<Organization> findAll() {
		return this.organizations.findAll();
	}

	public Organization find(long id) {
		return this.organizations.find(id).orElseThrow(() -> new NotFoundException("Organization", id));
	}

	@Transactional
	public Organization create(@Valid OrganizationForm form, SignedInUser user) {
		user.requireAdmin();
		requireNameFree(form.name(), 0);
		return find(this.organizations.insert(form));
	}

	/**
	 * The organization of that name, created when missing; for the console and the demo.
	 */
	@Transactional
	public Organization findOrCreateOrganization(String name, SignedInUser user) {
		return this.organizations.findByName(name.strip())
			.orElseGet(() -> create(new OrganizationForm(name, null, null), user));
	}

	@Override
	public Map<Long, String> namesById() {
		Map<Long, String> names = new LinkedHashMap<>();
		this.organizations.findAll().forEach((organization) -> names.put(organization.id(), organization.name()));
		return names;
	}

	@Override
	@Transactional
	public long findOrCreate(String name, SignedInUser user) {
		return findOrCreateOrganization(name, user).id();
	}

	@Transactional
	public Organization update(long id, @Valid OrganizationForm form, SignedInUser user) {
		find(id);
		user.requireActsFor(id);
		requireNameFree(form.name(), id);
		this.organizations.update(id, form);
		return find(id);
	}

	public List<Contact> findContacts(long organizationId, SignedInUser user) {
		find(organizationId);
		user.requireActsFor(organizationId);
		return this.organizations.findContacts(organizationId);
	}

	/**
	 * The technical contacts of an organization, which every signed-in user may see so
	 * that partners can reach each other during the event; other contacts stay private.
	 */
	public List<Contact> findTechnicalContacts(long organizationId) {
		return this.organizations.findContacts(organizationId)
			.stream()
			.filter((contact) -> contact.contactRole() == ContactRole.TECHNICAL)
			.toList();
	}

	@Transactional
	public Contact addContact(long organizationId, @Valid ContactForm form, SignedInUser user) {
		find(organizationId);
		user.requireActsFor(organizationId);
		long id = this.organizations.insertContact(organizationId, form);
		return this.organizations.findContacts(organizationId)
			.stream()
			.filter((contact) -> contact.id() == id)
			.findFirst()
			.orElseThrow();
	}

	@Transactional
	public void removeContact(long organizationId, long contactId, SignedInUser user) {
		find(organizationId);
		user.requireActsFor(organizationId);
		if (this.organizations.deleteContact(organizationId, contactId) == 0) {
			throw new NotFoundException("Contact", contactId);
		}
	}

	private void requireNameFree(String name, long exceptId) {
		this.organizations.findByName(name.strip())
			.filter((existing) -> existing.id() != exceptId)
			.ifPresent((existing) -> {
				throw new RuleViolationException("An organization named '" + name.strip() + "' already exists.");
			});
	}

}
