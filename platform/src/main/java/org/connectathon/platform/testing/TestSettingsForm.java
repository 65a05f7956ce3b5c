package org.connectathon.platform.testing;

/**
 * The settings of a test that organizers change without importing a test plan again.
 *
 * @param automatedPassVerifies whether the engine verifies an instance whose steps are
 * all automated and whose runs all passed, without a monitor
 */
public record TestSettingsForm(boolean automatedPassVerifies) {

}
