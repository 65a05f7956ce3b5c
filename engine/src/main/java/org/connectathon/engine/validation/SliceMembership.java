package org.connectathon.engine.validation;

/**
 * How the validator decides whether a resource conforms to a profile when a slice is
 * chosen by {@code conformsTo(profile)} (IPS slices {@code Bundle.entry} and the
 * Composition's section entries this way).
 *
 * @since issue 17
 */
public enum SliceMembership {

	/**
	 * HAPI's own way: every (resource, profile) question is answered by a full validation
	 * of the resource against the profile, as often as it is asked. Kept to check that
	 * the faster way finds the same issues.
	 */
	VALIDATE_IN_FULL,

	/**
	 * First the profile's necessary conditions that cost almost nothing (resource type,
	 * fixed and pattern values of required first-level elements); only a resource that
	 * may conform is validated in full, and each (resource, profile) pair at most once
	 * per validation. The default.
	 */
	PRECHECK_AND_REMEMBER

}
