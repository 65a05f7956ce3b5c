package org.connectathon.platform.registration;

import java.util.List;

import org.connectathon.platform.ListFilters;
import org.connectathon.platform.proxy.ProxyAddresses;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.PagedLists;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class SystemApiController {

	private final SystemService systems;

	private final CaptureIdentificationService identification;

	private final ProxyAddresses proxyAddresses;

	SystemApiController(SystemService systems, CaptureIdentificationService identification,
			ProxyAddresses proxyAddresses) {
		this.systems = systems;
		this.identification = identification;
		this.proxyAddresses = proxyAddresses;
	}

	/**
	 * A page of the event's systems that the caller may see and that pass the filters
	 * (see docs/running-an-event.md, Finding things), by organization and name unless
	 * {@code sort} names a column ({@code organization}, {@code name}, {@code table},
	 * {@code status}, after a {@code -} for descending order). The {@code X-Total-Count}
	 * header tells how many pass.
	 */
	@GetMapping("/events/{eventId}/systems")
	ResponseEntity<List<RegisteredSystem>> systems(@PathVariable long eventId, @ParameterObject ListFilters filters,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = PagedLists.DEFAULT_SIZE) int size,
			@AuthenticationPrincipal SignedInUser user) {
		return PagedLists.of(this.systems.findInEvent(eventId, filters, page, size, user));
	}

	@PostMapping("/events/{eventId}/systems")
	@ResponseStatus(HttpStatus.CREATED)
	RegisteredSystem create(@PathVariable long eventId, @RequestBody SystemForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.systems.create(eventId, form, user);
	}

	@GetMapping("/systems/{id}")
	RegisteredSystem system(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.systems.find(id, user);
	}

	@PutMapping("/systems/{id}")
	RegisteredSystem update(@PathVariable long id, @RequestBody SystemForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.systems.update(id, form, user);
	}

	/** Organizers only. */
	@PutMapping("/systems/{id}/table-location")
	RegisteredSystem assignTableLocation(@PathVariable long id, @RequestBody TableLocationForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.systems.assignTableLocation(id, form, user);
	}

	@DeleteMapping("/systems/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		this.systems.delete(id, user);
	}

	@GetMapping("/systems/{id}/registrations")
	List<ActorRegistration> registrations(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.systems.findRegistrations(id, user);
	}

	/** Registers the system for one or more actors at once; all or nothing. */
	@PostMapping("/systems/{id}/registrations")
	@ResponseStatus(HttpStatus.CREATED)
	List<ActorRegistration> register(@PathVariable long id, @RequestBody List<RegistrationForm> forms,
			@AuthenticationPrincipal SignedInUser user) {
		return this.systems.register(id, forms, user);
	}

	@DeleteMapping("/systems/{id}/registrations/{registrationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unregister(@PathVariable long id, @PathVariable long registrationId,
			@AuthenticationPrincipal SignedInUser user) {
		this.systems.unregister(id, registrationId, user);
	}

	@GetMapping("/systems/{id}/endpoints")
	List<ProxiedEndpoint> endpoints(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		long eventId = this.systems.find(id, user).eventId();
		return this.systems.findEndpoints(id, user)
			.stream()
			.map((endpoint) -> new ProxiedEndpoint(endpoint,
					this.proxyAddresses.proxyUrl(eventId, endpoint.id(), endpoint.mllpPort())))
			.toList();
	}

	@PostMapping("/systems/{id}/endpoints")
	@ResponseStatus(HttpStatus.CREATED)
	ProxiedEndpoint addEndpoint(@PathVariable long id, @RequestBody EndpointForm form,
			@AuthenticationPrincipal SignedInUser user) {
		Endpoint endpoint = this.systems.addEndpoint(id, form, user);
		return new ProxiedEndpoint(endpoint, this.proxyAddresses.proxyUrl(this.systems.find(id, user).eventId(),
				endpoint.id(), endpoint.mllpPort()));
	}

	/**
	 * The system's capture token and client addresses, for its own organization; the
	 * token is made on first asking.
	 */
	@GetMapping("/systems/{id}/capture-identification")
	CaptureIdentification captureIdentification(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.identification.find(id, user);
	}

	@PostMapping("/systems/{id}/capture-token")
	CaptureIdentification regenerateCaptureToken(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.identification.regenerateToken(id, user);
	}

	@PutMapping("/systems/{id}/client-addresses")
	CaptureIdentification updateClientAddresses(@PathVariable long id, @RequestBody ClientAddressesForm form,
			@AuthenticationPrincipal SignedInUser user) {
		return this.identification.updateClientAddresses(id, form, user);
	}

	@DeleteMapping("/systems/{id}/endpoints/{endpointId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeEndpoint(@PathVariable long id, @PathVariable long endpointId,
			@AuthenticationPrincipal SignedInUser user) {
		this.systems.removeEndpoint(id, endpointId, user);
	}

}
