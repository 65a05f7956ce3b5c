package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.registration.Contact;
import org.jspecify.annotations.Nullable;

/**
 * A system that can play a role opposite mine, whether we already tested together, whom
 * to ask, and at which table to find them.
 */
public record Partner(long systemId, String systemName, long organizationId, String organizationName, boolean tested,
		List<Contact> contacts, @Nullable String tableLocation) {

}
