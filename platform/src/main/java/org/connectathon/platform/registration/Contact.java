package org.connectathon.platform.registration;

import org.jspecify.annotations.Nullable;

/**
 * A person of an organization to contact about its participation; private to the
 * organization, except technical contacts, whom partners see in the partner finder.
 */
public record Contact(long id, long organizationId, String name, @Nullable String email, @Nullable String phone,
		ContactRole contactRole) {

}
