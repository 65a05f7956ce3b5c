package org.connectathon.platform.testing;

import org.connectathon.platform.evidence.Evidence;
import java.util.List;

/**
 * A test instance with its test, steps, evidence and history: what its page and a monitor
 * need.
 */
public record TestInstanceDetails(TestInstance instance, TestDefinition test, List<StepInstance> steps,
		List<Evidence> evidence, List<InstanceChange> history) {

}
