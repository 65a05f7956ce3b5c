package org.connectathon.engine.referenceserver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * The search parameters of every resource type: the release's own, taken from HAPI's
 * {@link RuntimeSearchParam}s (the specification's definitions with their FHIRPath), and
 * custom ones registered from {@code SearchParameter} resources, which replace a core
 * parameter of the same code. Thread-safe.
 */
public final class SearchParameterRegistry {

	private final FhirContext fhirContext;

	/** Parameters by type, then by code. */
	private final Map<String, Map<String, SearchParameterDefinition>> byType = new ConcurrentHashMap<>();

	private final Map<String, SearchParameterDefinition> byUrl = new ConcurrentHashMap<>();

	/** Custom parameters by the id of the resource that defined them. */
	private final Map<String, SearchParameterDefinition> customById = new ConcurrentHashMap<>();

	private final Set<String> resourceTypes;

	/** Counts the changes of the custom parameters. */
	private final AtomicLong version = new AtomicLong();

	public SearchParameterRegistry(FhirContext fhirContext) {
		this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
		this.resourceTypes = Set.copyOf(fhirContext.getResourceTypes());
		for (String type : fhirContext.getResourceTypes()) {
			Map<String, SearchParameterDefinition> parameters = new LinkedHashMap<>();
			for (RuntimeSearchParam parameter : fhirContext.getResourceDefinition(type).getSearchParams()) {
				SearchParameterDefinition definition = core(type, parameter);
				parameters.put(definition.code(), definition);
				if (definition.url() != null) {
					this.byUrl.putIfAbsent(definition.url(), definition);
				}
			}
			this.byType.put(type, parameters);
		}
	}

	private static SearchParameterDefinition core(String type, RuntimeSearchParam parameter) {
		List<SearchParameterDefinition.Component> components = parameter.getComponents()
			.stream()
			.map(component -> new SearchParameterDefinition.Component(component.getReference(),
					component.getExpression()))
			.toList();
		String expression = null;
		if (parameter.getPath() != null && !parameter.getPath().isBlank()) {
			expression = String.join(" | ", parameter.getPathsSplitForResourceType(type));
			if (expression.isEmpty()) {
				// composites on the resource itself have the bare type as their path
				expression = parameter.getPath();
			}
		}
		return new SearchParameterDefinition(parameter.getName(), parameter.getUri(), parameter.getParamType(),
				expression, Set.of(type), Set.copyOf(parameter.getTargets()), components, parameter.getDescription(),
				false);
	}

	/** A number that changes whenever a custom parameter is registered or removed. */
	public long version() {
		return this.version.get();
	}

	/** The resource types of the release (HAPI builds a new set on every call). */
	public Set<String> resourceTypes() {
		return this.resourceTypes;
	}

	/**
	 * The parameters of a type by code, custom ones included; empty for unknown types.
	 */
	public Map<String, SearchParameterDefinition> forType(String type) {
		return this.byType.getOrDefault(type, Map.of());
	}

	/**
	 * A type's parameter, or {@code null} when the type has no parameter of that code.
	 */
	public SearchParameterDefinition get(String type, String code) {
		return forType(type).get(code);
	}

	/**
	 * A parameter by canonical URL, or {@code null}. The release's composites name their
	 * parts {@code .../SearchParameter/Observation-code} even where the parameter's own
	 * URL is a shared one ({@code clinical-code}); those are found by type and code.
	 */
	public SearchParameterDefinition byUrl(String url) {
		if (url == null) {
			return null;
		}
		SearchParameterDefinition definition = this.byUrl.get(url);
		if (definition != null) {
			return definition;
		}
		String name = url.substring(url.lastIndexOf('/') + 1);
		int dash = name.indexOf('-');
		return dash < 0 ? null : get(name.substring(0, dash), name.substring(dash + 1));
	}

	/**
	 * Reads a {@code SearchParameter} resource of this release.
	 * @throws IllegalArgumentException ({@code CTN-5017}) when it lacks a code, a base, a
	 * type or (for other types than special) an expression, or names an unknown base
	 */
	public SearchParameterDefinition read(IBaseResource searchParameter) {
		FhirTerser terser = this.fhirContext.newTerser();
		String code = primitive(terser, searchParameter, "code");
		String typeCode = primitive(terser, searchParameter, "type");
		String expression = primitive(terser, searchParameter, "expression");
		Set<String> base = new LinkedHashSet<>(primitives(terser, searchParameter, "base"));
		RestSearchParameterTypeEnum type = typeCode == null ? null : RestSearchParameterTypeEnum.forCode(typeCode);
		List<String> missing = new ArrayList<>();
		if (code == null) {
			missing.add("code");
		}
		if (base.isEmpty()) {
			missing.add("base");
		}
		if (type == null) {
			missing.add("type");
		}
		if (expression == null && type != RestSearchParameterTypeEnum.SPECIAL) {
			missing.add("expression");
		}
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("CTN-5017: expected a SearchParameter with code, base, type and "
					+ "expression, but it has no " + String.join(", ", missing));
		}
		for (String baseType : base) {
			if (!baseType.equals("Resource") && !baseType.equals("DomainResource")
					&& !this.resourceTypes.contains(baseType)) {
				throw new IllegalArgumentException("CTN-5017: SearchParameter " + code + " names base " + baseType
						+ ", which is not a resource type of FHIR " + this.fhirContext.getVersion().getVersion());
			}
		}
		List<SearchParameterDefinition.Component> components = new ArrayList<>();
		for (IBase component : terser.getValues(searchParameter, "SearchParameter.component")) {
			components.add(new SearchParameterDefinition.Component(primitive(terser, component, "definition"),
					primitive(terser, component, "expression")));
		}
		return new SearchParameterDefinition(code, primitive(terser, searchParameter, "url"), type, expression, base,
				Set.copyOf(primitives(terser, searchParameter, "target")), components,
				primitive(terser, searchParameter, "description"), true);
	}

	/** Whether a {@code SearchParameter} resource is retired, and so not used. */
	public boolean isRetired(IBaseResource searchParameter) {
		return "retired".equals(primitive(this.fhirContext.newTerser(), searchParameter, "status"));
	}

	/**
	 * Makes a {@code SearchParameter} resource usable, replacing what the same resource
	 * defined before and any parameter of the same code on its base types.
	 * @param id the logical id of the SearchParameter resource
	 * @return the resource types whose parameters changed
	 */
	public synchronized Set<String> register(String id, SearchParameterDefinition definition) {
		Set<String> changed = new LinkedHashSet<>(unregister(id));
		this.version.incrementAndGet();
		this.customById.put(id, definition);
		if (definition.url() != null) {
			this.byUrl.put(definition.url(), definition);
		}
		for (String type : types(definition.base())) {
			Map<String, SearchParameterDefinition> parameters = new LinkedHashMap<>(forType(type));
			parameters.put(definition.code(), definition);
			this.byType.put(type, parameters);
			changed.add(type);
		}
		return changed;
	}

	/**
	 * Forgets what a deleted {@code SearchParameter} resource defined; a core parameter
	 * it replaced comes back.
	 * @return the resource types whose parameters changed
	 */
	public synchronized Set<String> unregister(String id) {
		SearchParameterDefinition previous = this.customById.remove(id);
		if (previous == null) {
			return Set.of();
		}
		this.version.incrementAndGet();
		if (previous.url() != null) {
			this.byUrl.remove(previous.url(), previous);
		}
		Set<String> changed = new LinkedHashSet<>();
		for (String type : types(previous.base())) {
			Map<String, SearchParameterDefinition> parameters = new LinkedHashMap<>(forType(type));
			parameters.remove(previous.code(), previous);
			this.fhirContext.getResourceDefinition(type)
				.getSearchParams()
				.stream()
				.filter(core -> core.getName().equals(previous.code()))
				.findFirst()
				.ifPresent(core -> parameters.putIfAbsent(previous.code(), core(type, core)));
			this.byType.put(type, parameters);
			changed.add(type);
		}
		return changed;
	}

	/** The concrete types a base names; Resource and DomainResource stand for all. */
	private Collection<String> types(Set<String> base) {
		if (base.contains("Resource") || base.contains("DomainResource")) {
			return this.resourceTypes;
		}
		return base;
	}

	private static String primitive(FhirTerser terser, IBase element, String name) {
		List<String> values = primitives(terser, element, name);
		return values.isEmpty() ? null : values.get(0);
	}

	private static List<String> primitives(FhirTerser terser, IBase element, String name) {
		String path = element instanceof IBaseResource resource ? resource.fhirType() + "." + name : name;
		List<String> values = new ArrayList<>();
		for (IBase value : terser.getValues(element, path)) {
			if (value instanceof IPrimitiveType<?> primitive && primitive.getValueAsString() != null) {
				values.add(primitive.getValueAsString());
			}
		}
		return values;
	}

}
