package org.connectathon.platform.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.connectathon.platform.catalog.ActorReference;
import org.connectathon.platform.registration.Endpoint;
import org.connectathon.platform.registration.ActorRegistration;
import org.connectathon.platform.registration.Contact;
import org.connectathon.platform.registration.OrganizationService;
import org.connectathon.platform.registration.PublishedRegistration;
import org.connectathon.platform.registration.RegisteredSystem;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.proxy.ProxyAddresses;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.Partner.ProxyEndpoint;
import org.springframework.stereotype.Service;

/**
 * Finds partners for a system: for each of its registrations, the tests whose roles it
 * can play and, for every other role, the published systems of other organizations
 * registered for that role's actor, marking those it already has a live (not aborted)
 * instance with.
 */
@Service
public class PartnerFinderService {

	private final SystemService systems;

	private final TestDefinitionService tests;

	private final TestInstanceRepository instances;

	private final OrganizationService organizations;

	private final ProxyAddresses proxyAddresses;

	PartnerFinderService(SystemService systems, TestDefinitionService tests, TestInstanceRepository instances,
			OrganizationService organizations, ProxyAddresses proxyAddresses) {
		this.systems = systems;
		this.tests = tests;
		this.instances = instances;
		this.organizations = organizations;
		this.proxyAddresses = proxyAddresses;
	}

	/** For the system's own organization and organizers. */
	public List<PartnerFinding> find(long systemId, SignedInUser user) {
		RegisteredSystem system = this.systems.find(systemId, user);
		user.requireActsFor(system.organizationId());
		List<TestDefinition> tests = this.tests.findInEvent(system.eventId(), user);
		List<PublishedRegistration> others = this.systems.findPublishedRegistrations(system.eventId(), user)
			.stream()
			.filter((registration) -> registration.organizationId() != system.organizationId())
			.toList();
		Map<Long, Set<Long>> testedPartnersByTest = this.instances.findTestedPartners(systemId);
		Map<Long, List<Contact>> contacts = new HashMap<>();
		Map<Long, List<Endpoint>> endpoints = new HashMap<>();

		List<PartnerFinding> findings = new ArrayList<>();
		for (ActorRegistration registration : this.systems.findRegistrations(systemId, user)) {
			List<ApplicableTest> applicable = new ArrayList<>();
			for (TestDefinition test : tests) {
				for (TestRole role : test.roles()) {
					if (!plays(role, registration.actorId(), registration.optionKeyword())) {
						continue;
					}
					Set<Long> tested = testedPartnersByTest.getOrDefault(test.id(), Set.of());
					List<PartnerRole> partnerRoles = test.roles()
						.stream()
						.filter((other) -> !other.keyword().equals(role.keyword()))
						.map((other) -> partnerRole(other, others, tested, contacts, endpoints, system.eventId(), user))
						.toList();
					applicable.add(new ApplicableTest(test.id(), test.keyword(), test.name(), test.type(),
							role.keyword(), role.required(), partnerRoles));
				}
			}
			findings.add(new PartnerFinding(registration.id(),
					new ActorReference(registration.profileKeyword(), registration.actorKeyword()),
					registration.actorName(), registration.optionKeyword(), applicable));
		}
		return findings;
	}

	private PartnerRole partnerRole(TestRole role, List<PublishedRegistration> others, Set<Long> tested,
			Map<Long, List<Contact>> contacts, Map<Long, List<Endpoint>> endpoints, long eventId, SignedInUser user) {
		List<Partner> partners = others.stream()
			.filter((registration) -> plays(role, registration.actorId(), registration.optionKeyword()))
			.collect(Collectors.toMap(PublishedRegistration::systemId, (registration) -> registration,
					(first, second) -> first, LinkedHashMap::new))
			.values()
			.stream()
			.map((registration) -> new Partner(registration.systemId(), registration.systemName(),
					registration.organizationId(), registration.organizationName(),
					tested.contains(registration.systemId()),
					contacts.computeIfAbsent(registration.organizationId(), this.organizations::findTechnicalContacts),
					registration.tableLocation(),
					endpoints.computeIfAbsent(registration.systemId(), (id) -> this.systems.findEndpoints(id, user))
						.stream()
						.filter((endpoint) -> endpoint.actorId() == role.actorId())
						.map((endpoint) -> new ProxyEndpoint(endpoint.id(),
								this.proxyAddresses.proxyUrl(eventId, endpoint.id(), endpoint.mllpPort())))
						.toList()))
			.toList();
		int testedCount = (int) partners.stream().filter(Partner::tested).count();
		return new PartnerRole(role.keyword(), role.actor(), testedCount, partners.size(), partners);
	}

	private static boolean plays(TestRole role, long actorId, String optionKeyword) {
		return role.actorId() == actorId
				&& (role.optionKeyword() == null || role.optionKeyword().equals(optionKeyword));
	}

}
