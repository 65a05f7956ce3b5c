package org.connectathon.platform.testing;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A test of an event, with its roles and steps. Partners of a peer-to-peer test come from
 * distinct organizations unless {@code sameOrganizationAllowed}. Called a definition to
 * keep it apart from the instances that run it (and from the JUnit annotation).
 */
public record TestDefinition(long id, long eventId, String keyword, String name, @Nullable String description,
		TestType type, @Nullable String metaTestKeyword, boolean sameOrganizationAllowed, List<TestRole> roles,
		List<TestStep> steps) {

	public Optional<TestRole> role(String keyword) {
		return this.roles.stream().filter((role) -> role.keyword().equals(keyword)).findFirst();
	}

	public Optional<TestRole> role(long roleId) {
		return this.roles.stream().filter((role) -> role.id() == roleId).findFirst();
	}

}
