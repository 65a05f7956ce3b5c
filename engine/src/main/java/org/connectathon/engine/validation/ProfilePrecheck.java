package org.connectathon.engine.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.Enumerations.BindingStrength;
import org.hl7.fhir.r5.model.Property;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.ValueSet;

/**
 * The cheap half of a membership test: the necessary conditions of a profile that cost
 * almost nothing to check. It only ever says "cannot conform" (with the reason) or "may
 * conform":
 * <ul>
 * <li>the resource type;</li>
 * <li>for each first-level element the snapshot requires (minimum of one or more, slices
 * included), one occurrence must carry its fixed or pattern value, the fixed or pattern
 * values of its required descendants (as the core vital signs profile's
 * {@code category:VSCat.coding.code}) and, under a required binding to a value set that
 * lists its codes, one of those codes.</li>
 * </ul>
 * A fixed value is checked as a pattern, and descendants each on their own, which is
 * weaker and so still necessary. What it cannot judge exactly (choice elements,
 * extensions, values other than codes, strings, URIs, booleans and integers, value sets
 * defined by filters or by other value sets, a CodeableConcept without codes) is left to
 * the full validation.
 * <p>
 * Conditions are derived once per profile and kept for the life of the service.
 */
final class ProfilePrecheck {

	private static final Set<String> COMPARABLE_PRIMITIVES = Set.of("code", "string", "uri", "url", "canonical", "id",
			"oid", "uuid", "boolean", "markdown", "integer", "positiveInt", "unsignedInt");

	private static final Set<String> ABSTRACT_TYPES = Set.of("Resource", "DomainResource");

	private final Map<String, List<Requirement>> requirementsByProfile = new ConcurrentHashMap<>();

	/**
	 * A first-level element the profile requires: one occurrence must meet every
	 * condition.
	 */
	record Requirement(String elementPath, String childName, List<Condition> conditions) {
	}

	/**
	 * Below an occurrence, along {@code path} (empty: the occurrence itself), a value
	 * that matches {@code pattern}, or a coding in {@code codes} (system|code, lower
	 * case).
	 */
	record Condition(List<String> path, Base pattern, Set<String> codes) {
	}

	/**
	 * Why the resource cannot conform to the profile, or empty when it may.
	 * @param valueSets finds a value set by canonical URL, or {@code null}
	 */
	Optional<String> whyCannotConform(Element resource, StructureDefinition profile,
			Function<String, ValueSet> valueSets) {
		String type = profile.getType();
		if (profile.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE && type != null
				&& !ABSTRACT_TYPES.contains(type) && !type.equals(resource.fhirType())) {
			return Optional.of("is a " + resource.fhirType() + ", the profile is on " + type);
		}
		if (type == null || !type.equals(resource.fhirType())) {
			return Optional.empty();
		}
		for (Requirement requirement : requirementsByProfile.computeIfAbsent(profile.getVersionedUrl(),
				url -> requirements(profile, valueSets))) {
			boolean met = false;
			for (Element occurrence : resource.getChildren(requirement.childName())) {
				if (meetsAll(occurrence, requirement.conditions())) {
					met = true;
					break;
				}
			}
			if (!met) {
				return Optional.of(requirement.elementPath()
						+ " has no occurrence with the profile's fixed or pattern values and required codes");
			}
		}
		return Optional.empty();
	}

	private static List<Requirement> requirements(StructureDefinition profile, Function<String, ValueSet> valueSets) {
		Map<String, ElementDefinition> byId = new HashMap<>();
		for (ElementDefinition element : profile.getSnapshot().getElement()) {
			if (element.hasId()) {
				byId.put(element.getId(), element);
			}
		}
		List<Requirement> requirements = new ArrayList<>();
		String prefix = profile.getType() + ".";
		for (ElementDefinition element : profile.getSnapshot().getElement()) {
			String id = element.getId();
			if (id == null || !id.startsWith(prefix) || id.indexOf('.', prefix.length()) >= 0 || id.endsWith("[x]")
					|| element.getMin() < 1) {
				continue;
			}
			String childName = element.getPath().substring(prefix.length());
			if (childName.equals("extension") || childName.equals("modifierExtension") || id.contains("/")) {
				continue;
			}
			List<Condition> conditions = new ArrayList<>();
			addConditions(element, List.of(), valueSets, conditions);
			for (ElementDefinition descendant : profile.getSnapshot().getElement()) {
				String descendantId = descendant.getId();
				if (descendantId == null || !descendantId.startsWith(id + ".")) {
					continue;
				}
				List<String> path = List.of(descendantId.substring(id.length() + 1).split("\\."));
				if (requiredAlong(id, path, byId)) {
					addConditions(descendant, path, valueSets, conditions);
				}
			}
			if (!conditions.isEmpty()) {
				requirements.add(new Requirement(id, childName, List.copyOf(conditions)));
			}
		}
		return List.copyOf(requirements);
	}

	/**
	 * Whether every element from the first-level one down to the descendant is a plain,
	 * required element (no slice, choice or extension on the way).
	 */
	private static boolean requiredAlong(String id, List<String> path, Map<String, ElementDefinition> byId) {
		StringBuilder current = new StringBuilder(id);
		for (String name : path) {
			if (name.contains(":") || name.endsWith("[x]") || name.equals("extension")
					|| name.equals("modifierExtension")) {
				return false;
			}
			current.append('.').append(name);
			ElementDefinition element = byId.get(current.toString());
			if (element == null || element.getMin() < 1) {
				return false;
			}
		}
		return true;
	}

	private static void addConditions(ElementDefinition element, List<String> path,
			Function<String, ValueSet> valueSets, List<Condition> conditions) {
		if (element.hasPattern() || element.hasFixed()) {
			Base pattern = element.hasPattern() ? element.getPattern() : element.getFixed();
			if (judgeable(pattern)) {
				conditions.add(new Condition(path, pattern, null));
			}
		}
		if (valueSets != null && element.hasBinding() && element.getBinding().getStrength() == BindingStrength.REQUIRED
				&& element.getBinding().hasValueSet() && element.getType().size() == 1
				&& element.getTypeFirstRep().getCode().equals("CodeableConcept")) {
			Set<String> codes = enumeratedCodes(valueSets.apply(element.getBinding().getValueSet()));
			if (codes != null) {
				conditions.add(new Condition(path, null, codes));
			}
		}
	}

	/**
	 * The codes of a value set that lists them all (system|code, lower case), or
	 * {@code null} when it uses filters, other value sets or exclusions.
	 */
	private static Set<String> enumeratedCodes(ValueSet valueSet) {
		if (valueSet == null || !valueSet.hasCompose() || valueSet.getCompose().hasExclude()
				|| !valueSet.getCompose().hasInclude()) {
			return null;
		}
		Set<String> codes = new HashSet<>();
		for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
			if (!include.hasSystem() || include.hasFilter() || include.hasValueSet() || !include.hasConcept()) {
				return null;
			}
			for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
				codes.add((include.getSystem() + "|" + concept.getCode()).toLowerCase(Locale.ROOT));
			}
		}
		return Set.copyOf(codes);
	}

	/** Whether every value in the pattern is one this class compares exactly. */
	private static boolean judgeable(Base pattern) {
		if (pattern.isPrimitive()) {
			return COMPARABLE_PRIMITIVES.contains(pattern.fhirType()) && pattern.primitiveValue() != null;
		}
		for (Property property : pattern.children()) {
			if (!property.hasValues()) {
				continue;
			}
			if (property.getName().equals("extension") || property.getName().equals("modifierExtension")
					|| property.getName().equals("id")) {
				return false;
			}
			for (Base value : property.getValues()) {
				if (!value.isEmpty() && !judgeable(value)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean meetsAll(Element occurrence, List<Condition> conditions) {
		for (Condition condition : conditions) {
			if (!meets(occurrence, condition.path(), 0, condition)) {
				return false;
			}
		}
		return true;
	}

	/** Whether some node along the rest of the path meets the condition. */
	private static boolean meets(Element node, List<String> path, int depth, Condition condition) {
		if (depth < path.size()) {
			for (Element child : node.getChildren(path.get(depth))) {
				if (meets(child, path, depth + 1, condition)) {
					return true;
				}
			}
			return false;
		}
		if (condition.pattern() != null) {
			Boolean matches = matches(node, condition.pattern());
			return matches == null || matches;
		}
		return hasCodeOrNoCoding(node, condition.codes());
	}

	/**
	 * Whether the CodeableConcept has a coding in the codes; also true when it has no
	 * coding with both system and code, which this class leaves to the validator.
	 */
	private static boolean hasCodeOrNoCoding(Element codeableConcept, Set<String> codes) {
		boolean anyCoding = false;
		for (Element coding : codeableConcept.getChildren("coding")) {
			String system = coding.getChildValue("system");
			String code = coding.getChildValue("code");
			if (system == null || code == null) {
				continue;
			}
			anyCoding = true;
			if (codes.contains((system + "|" + code).toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return !anyCoding;
	}

	/**
	 * Whether the instance element matches the pattern (every value the pattern has is
	 * present, repeating ones matched by some occurrence); {@code null} when it cannot
	 * tell.
	 */
	private static Boolean matches(Element instance, Base pattern) {
		if (pattern.isPrimitive()) {
			return instance.hasPrimitiveValue() ? pattern.primitiveValue().equals(instance.primitiveValue()) : false;
		}
		for (Property property : pattern.children()) {
			for (Base value : property.getValues()) {
				// the conversion to R5 leaves empty values (a Coding's version) that
				// constrain nothing
				if (value.isEmpty()) {
					continue;
				}
				boolean found = false;
				for (Element child : instance.getChildren(property.getName())) {
					Boolean matches = matches(child, value);
					if (matches == null) {
						return null;
					}
					if (matches) {
						found = true;
						break;
					}
				}
				if (!found) {
					return false;
				}
			}
		}
		return true;
	}

}
