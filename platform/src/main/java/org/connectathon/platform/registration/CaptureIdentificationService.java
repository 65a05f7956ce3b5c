package org.connectathon.platform.registration;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.proxy.ClientAddressRange;
import org.connectathon.platform.proxy.ProxyAddresses;
import org.connectathon.platform.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A system's capture token and client addresses (see {@link CaptureIdentification}): only
 * its own organization (and organizers) read or change them, at any time of the event,
 * since the proxy records while testing runs.
 */
@Service
public class CaptureIdentificationService {

	private static final int MAXIMUM_LENGTH = 1000;

	private final SecureRandom random = new SecureRandom();

	private final SystemRepository systems;

	private final SystemService systemService;

	CaptureIdentificationService(SystemRepository systems, SystemService systemService) {
		this.systems = systems;
		this.systemService = systemService;
	}

	/** The system's identification, giving it a capture token when it has none yet. */
	@Transactional
	public CaptureIdentification find(long systemId, SignedInUser user) {
		requireOwn(systemId, user);
		String token = this.systems.findCaptureToken(systemId);
		if (token == null) {
			token = newToken();
			this.systems.updateCaptureToken(systemId, token);
		}
		return identification(systemId, token);
	}

	/** Replaces the capture token: the old one names the system no more. */
	@Transactional
	public CaptureIdentification regenerateToken(long systemId, SignedInUser user) {
		requireOwn(systemId, user);
		String token = newToken();
		this.systems.updateCaptureToken(systemId, token);
		return identification(systemId, token);
	}

	/**
	 * Sets the client addresses; an empty list removes them.
	 * @throws InvalidInputException naming an entry that is no IP address nor CIDR range
	 */
	@Transactional
	public CaptureIdentification updateClientAddresses(long systemId, ClientAddressesForm form, SignedInUser user) {
		requireOwn(systemId, user);
		List<String> entries = (form.clientAddresses() == null) ? List.of()
				: form.clientAddresses()
					.stream()
					.flatMap((entry) -> Stream.of(entry.split(",")))
					.map(String::strip)
					.filter((entry) -> !entry.isEmpty())
					.toList();
		String joined = String.join(", ", entries);
		try {
			ClientAddressRange.parseList(joined);
		}
		catch (IllegalArgumentException refused) {
			throw new InvalidInputException("The client addresses are not valid: " + refused.getMessage() + ".",
					List.of("clientAddresses: " + refused.getMessage()));
		}
		if (joined.length() > MAXIMUM_LENGTH) {
			throw new InvalidInputException("The client addresses take more than " + MAXIMUM_LENGTH + " characters.",
					List.of("clientAddresses: at most " + MAXIMUM_LENGTH + " characters"));
		}
		this.systems.updateClientAddresses(systemId, joined.isEmpty() ? null : joined);
		return find(systemId, user);
	}

	private CaptureIdentification identification(long systemId, String token) {
		return new CaptureIdentification(token, ProxyAddresses.CAPTURE_TOKEN_HEADER,
				addresses(this.systems.findClientAddresses(systemId)));
	}

	private static List<String> addresses(@Nullable String stored) {
		return (stored == null) ? List.of() : Stream.of(stored.split(",")).map(String::strip).toList();
	}

	private void requireOwn(long systemId, SignedInUser user) {
		RegisteredSystem system = this.systemService.find(systemId, user);
		user.requireActsFor(system.organizationId());
	}

	private String newToken() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
