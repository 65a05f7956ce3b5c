package org.connectathon.platform.security;

import java.util.Map;

/**
 * What user administration needs to know of organizations, provided by the registration
 * feature, so that security does not depend on it.
 */
public interface OrganizationDirectory {

	Map<Long, String> namesById();

	/** The id of the organization with that name, created when missing. */
	long findOrCreate(String name, SignedInUser user);

}
