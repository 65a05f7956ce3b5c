package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.registration.Contact;

/**
 * A system that can play a role opposite mine, whether we already tested together, and
 * whom to ask.
 */
public record Partner(long systemId, String systemName, long organizationId, String organizationName, boolean tested,
		List<Contact> contacts) {

}
