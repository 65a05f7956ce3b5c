package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.registration.Contact;
import org.jspecify.annotations.Nullable;

/**
 * A system that can play a role opposite mine, whether we already tested together, whom
 * to ask, at which table to find them, and the proxy addresses of its endpoints for the
 * role's actor, which my system calls so that the exchanges are recorded.
 */
public record Partner(long systemId, String systemName, long organizationId, String organizationName, boolean tested,
		List<Contact> contacts, @Nullable String tableLocation, List<ProxyEndpoint> endpoints) {

	/** An endpoint of the partner, by its proxy address. */
	public record ProxyEndpoint(long endpointId, String proxyUrl) {

	}

}
