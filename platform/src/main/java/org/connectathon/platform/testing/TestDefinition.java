package org.connectathon.platform.testing;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A test of an event, with its roles and steps. Partners of a peer-to-peer test come from
 * distinct organizations unless {@code sameOrganizationAllowed}. When every step names a
 * TestScript, {@code automatedPassVerifies} lets the engine verify an instance whose runs
 * all passed, without a monitor. Called a definition to keep it apart from the instances
 * that run it (and from the JUnit annotation).
 */
public record TestDefinition(long id, long eventId, String keyword, String name, @Nullable String description,
		TestType type, @Nullable String metaTestKeyword, boolean sameOrganizationAllowed, boolean automatedPassVerifies,
		List<TestRole> roles, List<TestStep> steps) {

	/** Whether the engine runs every step, so that a run of each can decide the test. */
	public boolean fullyAutomated() {
		return !this.steps.isEmpty() && this.steps.stream().allMatch((step) -> step.testScript() != null);
	}

	public Optional<TestRole> role(String keyword) {
		return this.roles.stream().filter((role) -> role.keyword().equals(keyword)).findFirst();
	}

	public Optional<TestRole> role(long roleId) {
		return this.roles.stream().filter((role) -> role.id() == roleId).findFirst();
	}

}
