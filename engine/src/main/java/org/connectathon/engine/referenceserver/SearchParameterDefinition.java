package org.connectathon.engine.referenceserver;

import java.util.List;
import java.util.Set;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;

/**
 * One search parameter the reference server indexes: a core parameter of the release or a
 * custom {@code SearchParameter} resource.
 *
 * @param code the name used in queries, such as {@code patient}
 * @param url the canonical URL, which composite parameters use to name their components
 * @param type string, token, reference, date, number, quantity, uri, composite or special
 * @param expression the FHIRPath expression that selects the values, {@code null} when
 * the parameter has none (special parameters)
 * @param base the resource types the parameter applies to
 * @param targets for a reference parameter, the resource types it may point at (empty:
 * any)
 * @param components for a composite parameter, its parts in order
 * @param description what the parameter means, for the CapabilityStatement
 * @param custom whether it came from a {@code SearchParameter} resource rather than the
 * release
 */
public record SearchParameterDefinition(String code, String url, RestSearchParameterTypeEnum type, String expression,
		Set<String> base, Set<String> targets, List<Component> components, String description, boolean custom) {

	/**
	 * One part of a composite parameter.
	 *
	 * @param definition the canonical URL of the parameter that gives the part's type
	 * @param expression the FHIRPath expression of the part, relative to each value of
	 * the composite's own expression
	 */
	public record Component(String definition, String expression) {
	}

}
