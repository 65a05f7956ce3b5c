package org.connectathon.platform.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Collectors;

import org.connectathon.platform.ListFilters;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.catalog.Actor;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.catalog.QualifiedKeyword;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.proxy.ProxyAddresses;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages to register a system, its actors and its endpoints. */
@Controller
class SystemPageController {

	static final int PAGE_SIZE = 50;

	private static final String FILTERS = "filters";

	private static final String SYSTEM_VIEW = "registration/system";

	private static final String FORM = "form";

	private static final String ACTORS_FORM = "actorsForm";

	private static final String ENDPOINT_FORM = "endpointForm";

	private static final String CLIENT_ADDRESSES_FORM = "clientAddressesForm";

	private final SystemService systems;

	private final EventService events;

	private final CatalogService catalog;

	private final CaptureIdentificationService identification;

	private final ProxyAddresses proxyAddresses;

	SystemPageController(SystemService systems, EventService events, CatalogService catalog,
			CaptureIdentificationService identification, ProxyAddresses proxyAddresses) {
		this.systems = systems;
		this.events = events;
		this.catalog = catalog;
		this.identification = identification;
		this.proxyAddresses = proxyAddresses;
	}

	/**
	 * The event's systems, a page at a time, with the filters and sort of a GET form kept
	 * in the address; only the list when htmx asks for it from the event page.
	 */
	@GetMapping("/events/{eventId}/systems")
	String systems(@PathVariable long eventId, @ModelAttribute(FILTERS) ListFilters filters, BindingResult result,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		Event event = this.events.find(eventId, user);
		model.addAttribute("event", event);
		ListPage<RegisteredSystem> systems = Forms
			.submit(result, () -> this.systems.findInEvent(eventId, filters, page, PAGE_SIZE, user))
			.orElseGet(() -> new ListPage<>(List.of(), 0, PAGE_SIZE, 0));
		model.addAttribute("systems", systems);
		model.addAttribute("registrations",
				systems.items()
					.stream()
					.collect(Collectors.toMap(RegisteredSystem::id,
							(system) -> this.systems.findRegistrations(system.id(), user))));
		String listBase = "/events/" + eventId + "/systems";
		model.addAttribute("listBase", listBase);
		model.addAttribute("listPath", filters.path(listBase));
		model.addAttribute("statuses", SystemStatus.values());
		model.addAttribute("profiles", event.profiles());
		model.addAttribute("organizations", this.systems.organizationsInEvent(eventId, user));
		return (htmx != null) ? "registration/event-systems :: list" : "registration/event-systems";
	}

	@GetMapping("/events/{eventId}/systems/new")
	String initCreationForm(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		this.events.requireRegistrationOpen(eventId, user);
		model.addAttribute(FORM, new SystemForm("", null, null, SystemStatus.PUBLISHED, null));
		return creationView(eventId, user, model);
	}

	@PostMapping("/events/{eventId}/systems/new")
	String processCreationForm(@PathVariable long eventId, @ModelAttribute(FORM) SystemForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		Optional<RegisteredSystem> created = Forms.submit(result, () -> this.systems.create(eventId, form, user));
		if (created.isEmpty()) {
			return creationView(eventId, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("system.registered", created.get().name()));
		return "redirect:/systems/" + created.get().id();
	}

	private String creationView(long eventId, SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		return "registration/system-new";
	}

	@GetMapping("/systems/{id}")
	String system(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		return systemView(this.systems.find(id, user), user, model);
	}

	@PostMapping("/systems/{id}/edit")
	String processUpdateForm(@PathVariable long id, @ModelAttribute(FORM) SystemForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		RegisteredSystem system = this.systems.find(id, user);
		if (Forms.submit(result, () -> this.systems.update(id, form, user)).isEmpty()) {
			return systemView(system, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("system.saved"));
		return "redirect:/systems/" + id;
	}

	@PostMapping("/systems/{id}/endpoints")
	String addEndpoint(@PathVariable long id, @ModelAttribute(ENDPOINT_FORM) EndpointPageForm form,
			BindingResult result, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect,
			Model model) {
		RegisteredSystem system = this.systems.find(id, user);
		Optional<EndpointForm> endpoint = form.toEndpointForm();
		if (endpoint.isEmpty()) {
			result.rejectValue("actor", "system.endpoint.chooseActor");
		}
		if (Forms.submit(result, () -> this.systems.addEndpoint(id, endpoint.orElseThrow(), user)).isEmpty()) {
			return systemView(system, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("system.endpoint.added"));
		return "redirect:/systems/" + id;
	}

	/**
	 * The system page with its forms: the one refused, with what was typed, and the
	 * others as new.
	 */
	private String systemView(RegisteredSystem system, SignedInUser user, Model model) {
		if (!model.containsAttribute(FORM)) {
			model.addAttribute(FORM,
					new SystemForm(system.name(), system.version(), system.description(), system.status(), null));
		}
		if (!model.containsAttribute(ACTORS_FORM)) {
			model.addAttribute(ACTORS_FORM, ActorsPageForm.EMPTY);
		}
		if (!model.containsAttribute(ENDPOINT_FORM)) {
			model.addAttribute(ENDPOINT_FORM, EndpointPageForm.EMPTY);
		}
		Event event = this.events.find(system.eventId(), user);
		List<Actor> actors = new ArrayList<>();
		this.catalog.catalog()
			.profiles()
			.stream()
			.filter((entry) -> event.profiles().contains(entry.profile().keyword()))
			.forEach((entry) -> actors.addAll(entry.actors()));
		model.addAttribute("system", system);
		model.addAttribute("event", event);
		model.addAttribute("registrations", this.systems.findRegistrations(system.id(), user));
		List<Endpoint> endpoints = this.systems.findEndpoints(system.id(), user);
		model.addAttribute("endpoints", endpoints);
		model.addAttribute("protocols", Protocol.values());
		model.addAttribute("proxyUrls", endpoints.stream()
			.collect(Collectors.toMap(Endpoint::id,
					(endpoint) -> this.proxyAddresses.proxyUrl(system.eventId(), endpoint.id(), endpoint.mllpPort()))));
		if (user.actsFor(system.organizationId())) {
			CaptureIdentification identification = this.identification.find(system.id(), user);
			model.addAttribute("captureIdentification", identification);
			if (!model.containsAttribute(CLIENT_ADDRESSES_FORM)) {
				model.addAttribute(CLIENT_ADDRESSES_FORM, new ClientAddressesForm(identification.clientAddresses()));
			}
		}
		model.addAttribute("actors", actors);
		model.addAttribute("canChange",
				user.actsFor(system.organizationId()) && (user.isAdmin() || event.isRegistrationOpen(Instant.now())));
		model.addAttribute("testingTypes", TestingType.values());
		model.addAttribute("statuses", SystemStatus.values());
		return SYSTEM_VIEW;
	}

	@PostMapping("/systems/{id}/table-location")
	String assignTableLocation(@PathVariable long id, @RequestParam(required = false) String tableLocation,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		RegisteredSystem system = this.systems.assignTableLocation(id, new TableLocationForm(tableLocation), user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
				(system.tableLocation() != null)
						? PageMessage.of("system.table.assigned", system.name(), system.tableLocation())
						: PageMessage.of("system.table.none", system.name()));
		return "redirect:/events/" + system.eventId() + "/systems";
	}

	@PostMapping("/systems/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		RegisteredSystem system = this.systems.find(id, user);
		this.systems.delete(id, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("system.deleted", system.name()));
		return "redirect:/events/" + system.eventId();
	}

	/**
	 * Registers the checked actors ({@code PROFILE:ACTOR}), each with the option chosen
	 * in its {@code option-PROFILE:ACTOR} field.
	 */
	@PostMapping("/systems/{id}/registrations")
	String register(@PathVariable long id, @ModelAttribute(ACTORS_FORM) ActorsPageForm form, BindingResult result,
			@RequestParam Map<String, String> fields, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect, Model model) {
		RegisteredSystem system = this.systems.find(id, user);
		List<String> actors = (form.actors() != null) ? form.actors() : List.of();
		if (actors.isEmpty()) {
			result.rejectValue("actors", "system.actors.none");
		}
		List<RegistrationForm> registrations = new ArrayList<>();
		for (String actor : actors) {
			QualifiedKeyword.parse(actor)
				.ifPresentOrElse(
						(keywords) -> registrations.add(new RegistrationForm(keywords.profileKeyword(),
								keywords.keyword(), fields.get("option-" + actor), form.testingType())),
						() -> result.rejectValue("actors", "system.actors.unknown", new Object[] { actor }, null));
		}
		if (Forms.submit(result, () -> this.systems.register(id, registrations, user)).isEmpty()) {
			return systemView(system, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
				PageMessage.of("system.actors.registered", String.join(", ", actors)));
		return "redirect:/systems/" + id;
	}

	@PostMapping("/systems/{id}/registrations/{registrationId}/delete")
	String unregister(@PathVariable long id, @PathVariable long registrationId,
			@AuthenticationPrincipal SignedInUser user) {
		this.systems.unregister(id, registrationId, user);
		return "redirect:/systems/" + id;
	}

	@PostMapping("/systems/{id}/capture-token")
	String regenerateCaptureToken(@PathVariable long id, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		this.identification.regenerateToken(id, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("system.captureToken.regenerated"));
		return "redirect:/systems/" + id + "#recording-proxy";
	}

	@PostMapping("/systems/{id}/client-addresses")
	String updateClientAddresses(@PathVariable long id, @ModelAttribute(CLIENT_ADDRESSES_FORM) ClientAddressesForm form,
			BindingResult result, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect,
			Model model) {
		RegisteredSystem system = this.systems.find(id, user);
		if (Forms.submit(result, () -> this.identification.updateClientAddresses(id, form, user)).isEmpty()) {
			return systemView(system, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("system.clientAddresses.saved"));
		return "redirect:/systems/" + id + "#recording-proxy";
	}

	@PostMapping("/systems/{id}/endpoints/{endpointId}/delete")
	String removeEndpoint(@PathVariable long id, @PathVariable long endpointId,
			@AuthenticationPrincipal SignedInUser user) {
		this.systems.removeEndpoint(id, endpointId, user);
		return "redirect:/systems/" + id;
	}

}
