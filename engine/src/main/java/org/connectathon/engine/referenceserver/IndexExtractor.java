package org.connectathon.engine.referenceserver;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import org.connectathon.engine.packages.PackageCache;
import org.connectathon.engine.validation.CoreDefinitionsOfContexts;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.fhirpath.IFhirPathEvaluationContext;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * Extracts the values of a resource's search parameters with HAPI's FHIRPath engine and
 * types them for the index. {@code resolve()} in an expression yields an empty resource
 * of the referenced type, so that {@code subject.where(resolve() is Patient)} works
 * without reading the target.
 */
final class IndexExtractor {

	private final FhirContext fhirContext;

	private final SearchParameterRegistry searchParameters;

	/** One engine per thread: HAPI does not promise that an engine is thread-safe. */
	private final ThreadLocal<IFhirPath> fhirPaths;

	private final Map<String, IFhirPath.IParsedExpression> parsed = new ConcurrentHashMap<>();

	/**
	 * The first element of each path of an expression: {@code Patient.name} gives name.
	 */
	private static final Pattern ROOT = Pattern.compile("(?<![\\w.%$])([A-Z][A-Za-z]+)\\.([a-z][A-Za-z0-9]*)");

	private final Map<String, List<String>> roots = new ConcurrentHashMap<>();

	IndexExtractor(FhirContext fhirContext, SearchParameterRegistry searchParameters) {
		this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
		this.searchParameters = Objects.requireNonNull(searchParameters, "searchParameters");
		// HAPI looks its validation support up by class name through the thread's context
		// class loader, which on a servlet thread of the packed jar cannot see it: asked
		// here, on the thread that starts the server, it is kept for the servlet threads'
		// FHIRPath engines; it reads the core definitions from the indexed copy in the
		// package cache rather than parsing the whole core package (for R5 tens of
		// seconds)
		CoreDefinitionsOfContexts.install(fhirContext, PackageCache.defaultDirectory());
		this.fhirPaths = ThreadLocal.withInitial(() -> {
			IFhirPath fhirPath = fhirContext.newFhirPath();
			fhirPath.setEvaluationContext(new IFhirPathEvaluationContext() {
				@Override
				public IBase resolveReference(IIdType id, IBase context) {
					return stub(id);
				}
			});
			return fhirPath;
		});
	}

	private IBaseResource stub(IIdType id) {
		if (id == null || !id.hasResourceType()
				|| !this.searchParameters.resourceTypes().contains(id.getResourceType())) {
			return null;
		}
		IBaseResource resource = this.fhirContext.getResourceDefinition(id.getResourceType()).newInstance();
		resource.setId(id.toUnqualifiedVersionless());
		return resource;
	}

	/**
	 * The values of every search parameter of the type that has any, by code.
	 * @param json the resource as JSON: expressions whose elements it does not name are
	 * not evaluated, which spares most of them on most resources
	 */
	Map<String, List<IndexedValue>> extract(String type, IBaseResource resource, String json) {
		Map<String, List<IndexedValue>> values = new LinkedHashMap<>();
		for (SearchParameterDefinition definition : this.searchParameters.forType(type).values()) {
			if (definition.expression() == null || !mayHaveValues(type, definition.expression(), json)) {
				continue;
			}
			List<IndexedValue> found = values(definition, resource);
			if (!found.isEmpty()) {
				values.put(definition.code(), found);
			}
		}
		return values;
	}

	/**
	 * Whether the resource's JSON names one of the elements the expression starts from
	 * ({@code "name} for {@code Patient.name}, also matching {@code "valueQuantity} for
	 * {@code Observation.value}); {@code true} when the expression starts otherwise.
	 */
	private boolean mayHaveValues(String type, String expression, String json) {
		List<String> roots = this.roots.computeIfAbsent(type + " " + expression, key -> roots(type, expression));
		if (roots == null) {
			return true;
		}
		for (String root : roots) {
			if (json.contains(root)) {
				return true;
			}
		}
		return false;
	}

	/** The quoted names of the first elements, or {@code null} when unsure. */
	private static List<String> roots(String type, String expression) {
		Matcher matcher = ROOT.matcher(expression);
		List<String> roots = new ArrayList<>();
		int covered = 0;
		while (matcher.find()) {
			if (!matcher.group(1).equals(type) && !matcher.group(1).equals("Resource")
					&& !matcher.group(1).equals("DomainResource")) {
				return null;
			}
			roots.add("\"" + matcher.group(2));
			covered++;
		}
		// every path of the union must start with the type, or the check could miss
		// values
		int paths = expression.split("\\|").length;
		return covered == 0 || covered < paths ? null : roots;
	}

	/**
	 * Checks that an expression parses.
	 * @throws IllegalArgumentException ({@code CTN-5017}) when it does not
	 */
	void checkExpression(String expression) {
		parsed(expression);
	}

	private List<IndexedValue> values(SearchParameterDefinition definition, IBase focus) {
		return values(definition, definition.expression(), focus);
	}

	private List<IndexedValue> values(SearchParameterDefinition definition, String expression, IBase focus) {
		IFhirPath fhirPath = this.fhirPaths.get();
		List<IBase> elements;
		try {
			elements = fhirPath.evaluate(focus, parsed(expression), IBase.class);
		}
		catch (RuntimeException ex) {
			// an expression that fails on this resource indexes nothing, as a server
			// would
			return List.of();
		}
		List<IndexedValue> values = new ArrayList<>();
		for (IBase element : elements) {
			switch (definition.type()) {
				case STRING -> strings(element, values);
				case TOKEN -> tokens(element, values);
				case REFERENCE -> references(element, values);
				case DATE -> dates(element, values);
				case NUMBER, QUANTITY -> quantities(element, values);
				case URI -> {
					String value = primitive(element);
					if (value != null) {
						values.add(new IndexedValue.Uri(value));
					}
				}
				case COMPOSITE -> composite(definition, element, values);
				default -> {
					// special parameters have no values the index could compare
				}
			}
		}
		return values;
	}

	private void strings(IBase element, List<IndexedValue> values) {
		if (element instanceof IPrimitiveType<?>) {
			String value = primitive(element);
			if (value != null) {
				values.add(IndexedValue.Text.of(value));
			}
			return;
		}
		for (IBase descendant : evaluate(element, "descendants()")) {
			if (descendant instanceof IPrimitiveType<?> && !descendant.fhirType().equals("Extension")) {
				String value = primitive(descendant);
				if (value != null && isText(descendant.fhirType())) {
					values.add(IndexedValue.Text.of(value));
				}
			}
		}
	}

	/** The parts of a name or an address a string search reads are text, not dates. */
	private static boolean isText(String fhirType) {
		return switch (fhirType) {
			case "string", "markdown", "code", "uri", "url", "id" -> true;
			default -> false;
		};
	}

	private void tokens(IBase element, List<IndexedValue> values) {
		switch (element.fhirType()) {
			case "CodeableConcept", "CodeableReference" -> {
				IBase concept = element.fhirType().equals("CodeableReference") ? first(element, "concept") : element;
				if (concept == null) {
					return;
				}
				String text = string(concept, "text");
				for (IBase coding : evaluate(concept, "coding")) {
					values.add(coding(coding, text));
				}
				if (text != null) {
					values.add(new IndexedValue.Token(null, null, text, null, null));
				}
			}
			case "Coding" -> values.add(coding(element, null));
			case "Identifier" -> {
				IBase type = first(element, "type");
				IBase typeCoding = type == null ? null : first(type, "coding");
				values.add(new IndexedValue.Token(string(element, "system"), string(element, "value"),
						type == null ? null : string(type, "text"),
						typeCoding == null ? null : string(typeCoding, "system"),
						typeCoding == null ? null : string(typeCoding, "code")));
			}
			case "ContactPoint" -> values
				.add(new IndexedValue.Token(null, string(element, "value"), string(element, "value"), null, null));
			default -> {
				String value = primitive(element);
				if (value != null) {
					values.add(new IndexedValue.Token(null, value, null, null, null));
				}
			}
		}
	}

	private IndexedValue.Token coding(IBase coding, String conceptText) {
		String display = string(coding, "display");
		return new IndexedValue.Token(string(coding, "system"), string(coding, "code"),
				display != null ? display : conceptText, null, null);
	}

	private void references(IBase element, List<IndexedValue> values) {
		if (element instanceof IPrimitiveType<?>) {
			// canonical or uri references
			String value = primitive(element);
			if (value != null) {
				values.add(reference(value, null, null));
			}
			return;
		}
		if (!element.fhirType().equals("Reference")) {
			return;
		}
		IBase identifier = first(element, "identifier");
		String reference = string(element, "reference");
		if (reference != null || identifier != null) {
			values.add(reference(reference, identifier == null ? null : string(identifier, "system"),
					identifier == null ? null : string(identifier, "value")));
		}
	}

	private IndexedValue.Reference reference(String reference, String identifierSystem, String identifierValue) {
		String typeAndId = reference == null ? null
				: ReferenceText.typeAndId(reference, this.searchParameters.resourceTypes());
		String url = reference != null && reference.contains(":") ? ReferenceText.withoutVersion(reference) : null;
		return new IndexedValue.Reference(typeAndId, url, identifierSystem, identifierValue);
	}

	private void dates(IBase element, List<IndexedValue> values) {
		switch (element.fhirType()) {
			case "Period" -> {
				IndexedValue.DateRange start = DateRanges.parse(string(element, "start"));
				IndexedValue.DateRange end = DateRanges.parse(string(element, "end"));
				if (start != null || end != null) {
					values.add(new IndexedValue.DateRange(start == null ? Long.MIN_VALUE : start.low(),
							end == null ? Long.MAX_VALUE : end.high()));
				}
			}
			case "Timing" -> {
				for (IBase event : evaluate(element, "event")) {
					add(DateRanges.parse(primitive(event)), values);
				}
			}
			default -> add(DateRanges.parse(primitive(element)), values);
		}
	}

	private static void add(IndexedValue value, List<IndexedValue> values) {
		if (value != null) {
			values.add(value);
		}
	}

	private void quantities(IBase element, List<IndexedValue> values) {
		switch (element.fhirType()) {
			case "Quantity", "Age", "Duration", "Distance", "Count", "SimpleQuantity", "MoneyQuantity" -> {
				BigDecimal value = decimal(string(element, "value"));
				if (value != null) {
					values.add(new IndexedValue.Quantity(value, string(element, "system"), string(element, "code"),
							string(element, "unit")));
				}
			}
			case "Money" -> {
				BigDecimal value = decimal(string(element, "value"));
				if (value != null) {
					values.add(new IndexedValue.Quantity(value, "urn:iso:std:iso:4217", string(element, "currency"),
							null));
				}
			}
			case "Range" -> {
				quantities(first(element, "low"), values);
				quantities(first(element, "high"), values);
			}
			default -> {
				BigDecimal value = decimal(primitive(element));
				if (value != null) {
					values.add(new IndexedValue.Quantity(value, null, null, null));
				}
			}
		}
	}

	private void composite(SearchParameterDefinition definition, IBase element, List<IndexedValue> values) {
		List<List<IndexedValue>> components = new ArrayList<>();
		for (SearchParameterDefinition.Component component : definition.components()) {
			SearchParameterDefinition part = this.searchParameters.byUrl(component.definition());
			if (part == null) {
				return;
			}
			String expression = component.expression() != null ? component.expression()
					: relative(part.expression(), definition.expression());
			if (expression == null) {
				return;
			}
			components.add(values(part, expression, element));
		}
		if (!components.isEmpty()) {
			values.add(new IndexedValue.Composite(components));
		}
	}

	/**
	 * A core component's expression starts where the composite's does
	 * ({@code Observation.component.code} under {@code Observation.component}); the part
	 * after it applies to each value of the composite.
	 */
	private static String relative(String expression, String compositeExpression) {
		if (expression == null) {
			return null;
		}
		List<String> prefixes = new ArrayList<>(List.of(compositeExpression.split("\\s*\\|\\s*")));
		prefixes.sort(Comparator.comparingInt(String::length).reversed());
		String relative = expression;
		for (String prefix : prefixes) {
			relative = relative.replace(prefix.trim() + ".", "");
		}
		return relative;
	}

	private List<IBase> evaluate(IBase element, String expression) {
		return this.fhirPaths.get().evaluate(element, parsed(expression), IBase.class);
	}

	private IBase first(IBase element, String name) {
		if (element == null) {
			return null;
		}
		List<IBase> found = evaluate(element, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private String string(IBase element, String name) {
		return primitive(first(element, name));
	}

	private static String primitive(IBase element) {
		return element instanceof IPrimitiveType<?> primitive ? primitive.getValueAsString() : null;
	}

	private static BigDecimal decimal(String text) {
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private IFhirPath.IParsedExpression parsed(String expression) {
		return this.parsed.computeIfAbsent(expression, text -> {
			try {
				return this.fhirPaths.get().parse(text);
			}
			catch (Exception ex) {
				throw new IllegalArgumentException(
						"CTN-5017: the FHIRPath expression '" + text + "' does not parse: " + ex.getMessage(), ex);
			}
		});
	}

}
