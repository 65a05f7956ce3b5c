package org.connectathon.engine.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.DataType;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.Property;
import org.hl7.fhir.r5.model.StructureDefinition;

/**
 * The cheap half of a membership test: the necessary conditions of a profile that cost
 * almost nothing to check, namely the resource type and, for each first-level element the
 * snapshot requires (minimum of one or more, slices included), its fixed or pattern
 * value. It only ever says "cannot conform" (with the reason) or "may conform"; a fixed
 * value is checked as a pattern, which is weaker and so still necessary. Conditions it
 * cannot judge exactly (choice elements, extensions, values other than codes, strings,
 * URIs, booleans and integers) are left to the full validation.
 * <p>
 * Conditions are derived once per profile URL and kept for the life of the service.
 */
final class ProfilePrecheck {

	private static final Set<String> COMPARABLE_PRIMITIVES = Set.of("code", "string", "uri", "url", "canonical", "id",
			"oid", "uuid", "boolean", "markdown", "integer", "positiveInt", "unsignedInt");

	private static final Set<String> ABSTRACT_TYPES = Set.of("Resource", "DomainResource");

	private final Map<String, List<RequiredPattern>> patternsByProfile = new ConcurrentHashMap<>();

	/**
	 * A first-level element the profile requires, with the value one occurrence must
	 * match.
	 */
	record RequiredPattern(String elementPath, String childName, DataType pattern) {
	}

	/**
	 * Why the resource cannot conform to the profile, or empty when it may.
	 */
	Optional<String> whyCannotConform(Element resource, StructureDefinition profile) {
		String type = profile.getType();
		if (profile.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE && type != null
				&& !ABSTRACT_TYPES.contains(type) && !type.equals(resource.fhirType())) {
			return Optional.of("is a " + resource.fhirType() + ", the profile is on " + type);
		}
		if (type == null || !type.equals(resource.fhirType())) {
			return Optional.empty();
		}
		for (RequiredPattern required : patternsByProfile.computeIfAbsent(profile.getVersionedUrl(),
				url -> requiredPatterns(profile))) {
			boolean found = false;
			for (Element child : resource.getChildren(required.childName())) {
				Boolean matches = matches(child, required.pattern());
				if (matches == null || matches) {
					found = true;
					break;
				}
			}
			if (!found) {
				return Optional
					.of(required.elementPath() + " has no occurrence matching the profile's fixed or pattern value");
			}
		}
		return Optional.empty();
	}

	private static List<RequiredPattern> requiredPatterns(StructureDefinition profile) {
		List<RequiredPattern> patterns = new ArrayList<>();
		String prefix = profile.getType() + ".";
		for (ElementDefinition element : profile.getSnapshot().getElement()) {
			String path = element.getPath();
			if (!path.startsWith(prefix) || path.indexOf('.', prefix.length()) >= 0 || path.endsWith("[x]")
					|| element.getMin() < 1 || (!element.hasPattern() && !element.hasFixed())) {
				continue;
			}
			String childName = path.substring(prefix.length());
			if (childName.equals("extension") || childName.equals("modifierExtension")
					|| (element.hasSliceName() && element.getSliceName().contains("/"))) {
				continue;
			}
			DataType pattern = element.hasPattern() ? element.getPattern() : element.getFixed();
			if (judgeable(pattern)) {
				String elementPath = element.hasSliceName() ? path + ":" + element.getSliceName() : path;
				patterns.add(new RequiredPattern(elementPath, childName, pattern));
			}
		}
		return List.copyOf(patterns);
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
