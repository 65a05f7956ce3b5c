package org.connectathon.engine.referenceserver;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * Decides whether a resource matches FHIR search parameters, using the search parameters
 * HAPI knows for the FHIR version and their FHIRPath expressions. Supports the string,
 * token, reference, date, uri, number and quantity types with the {@code :exact},
 * {@code :contains}, {@code :missing} and {@code :not} modifiers, comma for OR and
 * repetition for AND, plus {@code _id} and {@code _lastUpdated}. Result parameters
 * ({@code _count}, {@code _sort}, ...) and parameters the type does not define are
 * ignored, as the specification allows.
 */
public final class SearchMatcher {

	private static final Pattern RESOLVE_IS = Pattern.compile("\\.where\\(resolve\\(\\) is (\\w+)\\)");

	private static final Pattern DATE_PREFIX = Pattern.compile("^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.*)$");

	private final FhirContext fhirContext;

	/**
	 * One engine per servlet thread: HAPI does not promise that an engine is thread-safe.
	 */
	private final ThreadLocal<IFhirPath> fhirPaths;

	private final Map<String, IFhirPath.IParsedExpression> parsedExpressions = new ConcurrentHashMap<>();

	public SearchMatcher(FhirContext fhirContext) {
		this.fhirContext = Objects.requireNonNull(fhirContext, "fhirContext");
		this.fhirPaths = ThreadLocal.withInitial(fhirContext::newFhirPath);
	}

	/**
	 * Whether the resource matches every parameter.
	 * @param resource a resource of type {@code type}
	 * @param parameters the query, as a servlet gives it
	 */
	public boolean matches(String type, IBaseResource resource, Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			for (String value : parameter.getValue()) {
				if (!matchesOne(type, resource, parameter.getKey(), value)) {
					return false;
				}
			}
		}
		return true;
	}

	private boolean matchesOne(String type, IBaseResource resource, String nameWithModifier, String value) {
		String name = nameWithModifier;
		String modifier = "";
		int colon = nameWithModifier.indexOf(':');
		if (colon >= 0) {
			name = nameWithModifier.substring(0, colon);
			modifier = nameWithModifier.substring(colon + 1);
		}
		if (name.equals("_id")) {
			return anyOf(value, v -> resource.getIdElement().getIdPart().equals(v));
		}
		if (name.equals("_lastUpdated")) {
			Date lastUpdated = resource.getMeta().getLastUpdated();
			return lastUpdated != null
					&& anyOf(value, v -> matchesDate(new org.hl7.fhir.r4.model.InstantType(lastUpdated), v));
		}
		if (name.startsWith("_")) {
			return true;
		}
		RuntimeResourceDefinition definition = this.fhirContext.getResourceDefinition(type);
		RuntimeSearchParam searchParam = definition.getSearchParam(name);
		if (searchParam == null || searchParam.getPath() == null || searchParam.getPath().isBlank()) {
			return true;
		}
		List<IBase> found = new ArrayList<>();
		for (String path : searchParam.getPathsSplitForResourceType(type)) {
			found.addAll(evaluate(resource, path));
		}
		if (modifier.equals("missing")) {
			return Boolean.parseBoolean(value) == found.isEmpty();
		}
		boolean not = modifier.equals("not");
		String finalModifier = modifier;
		boolean matched = anyOf(value,
				v -> found.stream().anyMatch(element -> matchesValue(searchParam, element, finalModifier, v)));
		return not != matched;
	}

	private List<IBase> evaluate(IBaseResource resource, String path) {
		String targetType = null;
		String expression = path;
		Matcher resolveIs = RESOLVE_IS.matcher(path);
		if (resolveIs.find()) {
			// no resolver here: keep the references and check the type they point at
			// instead
			targetType = resolveIs.group(1);
			expression = resolveIs.replaceAll("");
		}
		List<IBase> result;
		try {
			result = this.fhirPaths.get().evaluate(resource, parsed(expression), IBase.class);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
		if (targetType == null) {
			return result;
		}
		String prefix = targetType + "/";
		return result.stream().filter(element -> {
			String reference = firstString(element, "reference");
			return reference != null && (reference.startsWith(prefix) || reference.contains("/" + prefix));
		}).toList();
	}

	private IFhirPath.IParsedExpression parsed(String expression) {
		return this.parsedExpressions.computeIfAbsent(expression, e -> {
			try {
				return this.fhirPaths.get().parse(e);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Search parameter expression " + e + " does not parse", ex);
			}
		});
	}

	private boolean matchesValue(RuntimeSearchParam searchParam, IBase element, String modifier, String value) {
		return switch (searchParam.getParamType()) {
			case STRING -> strings(element).stream().anyMatch(s -> matchesString(s, modifier, value));
			case TOKEN -> matchesToken(element, value);
			case REFERENCE -> matchesReference(element, value);
			case DATE -> matchesDate(element, value);
			case URI -> strings(element).stream().anyMatch(value::equals);
			case NUMBER, QUANTITY -> matchesNumber(element, value);
			default -> true;
		};
	}

	private static boolean matchesString(String actual, String modifier, String value) {
		if (modifier.equals("exact")) {
			return actual.equals(value);
		}
		String normalizedActual = normalize(actual);
		String normalizedValue = normalize(value);
		return modifier.equals("contains") ? normalizedActual.contains(normalizedValue)
				: normalizedActual.startsWith(normalizedValue);
	}

	private boolean matchesToken(IBase element, String value) {
		String system = null;
		String code = value;
		int bar = value.indexOf('|');
		if (bar >= 0) {
			system = value.substring(0, bar);
			code = value.substring(bar + 1);
		}
		List<String[]> pairs = new ArrayList<>();
		switch (element.fhirType()) {
			case "CodeableConcept" -> {
				for (IBase coding : children(element, "coding")) {
					pairs.add(new String[] { firstString(coding, "system"), firstString(coding, "code") });
				}
				pairs.add(new String[] { null, firstString(element, "text") });
			}
			case "Coding" -> pairs.add(new String[] { firstString(element, "system"), firstString(element, "code") });
			case "Identifier" ->
				pairs.add(new String[] { firstString(element, "system"), firstString(element, "value") });
			case "ContactPoint" -> pairs.add(new String[] { null, firstString(element, "value") });
			default -> strings(element).forEach(s -> pairs.add(new String[] { null, s }));
		}
		for (String[] pair : pairs) {
			boolean systemMatches = system == null || (system.isEmpty() ? pair[0] == null : system.equals(pair[0]));
			boolean codeMatches = code.isEmpty() || code.equals(pair[1]);
			if (systemMatches && codeMatches) {
				return true;
			}
		}
		return false;
	}

	private boolean matchesReference(IBase element, String value) {
		String reference = element.fhirType().equals("Reference") ? firstString(element, "reference")
				: strings(element).stream().findFirst().orElse(null);
		if (reference == null) {
			return false;
		}
		return reference.equals(value) || reference.endsWith("/" + value) || value.endsWith("/" + reference);
	}

	private boolean matchesDate(IBase element, String value) {
		if (element.fhirType().equals("Period")) {
			return strings(element).stream().anyMatch(s -> compareDate(s, value));
		}
		return strings(element).stream().anyMatch(s -> compareDate(s, value));
	}

	private static boolean compareDate(String actual, String value) {
		Matcher matcher = DATE_PREFIX.matcher(value);
		matcher.matches();
		String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
		String wanted = matcher.group(2);
		// ISO 8601 strings of the same zone compare in time order; comparing on the
		// shorter precision makes "2020" equal to "2020-05-01"
		int length = Math.min(actual.length(), wanted.length());
		int comparison = actual.substring(0, length).compareTo(wanted.substring(0, length));
		return satisfies(prefix, comparison);
	}

	/**
	 * Whether a comparison of the actual value with the wanted one satisfies a search
	 * prefix; without a prefix ({@code eq}) they must be equal.
	 */
	private static boolean satisfies(String prefix, int comparison) {
		return switch (prefix) {
			case "ne" -> comparison != 0;
			case "gt", "sa" -> comparison > 0;
			case "lt", "eb" -> comparison < 0;
			case "ge" -> comparison >= 0;
			case "le" -> comparison <= 0;
			default -> comparison == 0;
		};
	}

	private boolean matchesNumber(IBase element, String value) {
		Matcher matcher = DATE_PREFIX.matcher(value.split("\\|")[0]);
		matcher.matches();
		String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
		BigDecimal wanted;
		try {
			wanted = new BigDecimal(matcher.group(2));
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("Number search value '" + value + "' is not a number");
		}
		List<String> candidates = element.fhirType().equals("Quantity")
				? List.of(nullToEmpty(firstString(element, "value"))) : strings(element);
		for (String candidate : candidates) {
			try {
				if (satisfies(prefix, new BigDecimal(candidate).compareTo(wanted))) {
					return true;
				}
			}
			catch (NumberFormatException ex) {
				// not a number: cannot match
			}
		}
		return false;
	}

	/**
	 * The element's own value when primitive, else the primitive values of its direct and
	 * nested children.
	 */
	private List<String> strings(IBase element) {
		if (element instanceof IPrimitiveType<?> primitive) {
			String value = primitive.getValueAsString();
			return value == null ? List.of() : List.of(value);
		}
		List<String> values = new ArrayList<>();
		for (IBase descendant : this.fhirPaths.get().evaluate(element, "descendants()", IBase.class)) {
			if (descendant instanceof IPrimitiveType<?> primitive && primitive.getValueAsString() != null
					&& !Set.of("Extension", "extension").contains(descendant.fhirType())) {
				values.add(primitive.getValueAsString());
			}
		}
		return values;
	}

	private List<IBase> children(IBase element, String name) {
		return this.fhirPaths.get().evaluate(element, name, IBase.class);
	}

	private String firstString(IBase element, String name) {
		return this.fhirPaths.get()
			.evaluateFirst(element, name, IBase.class)
			.filter(IPrimitiveType.class::isInstance)
			.map(value -> ((IPrimitiveType<?>) value).getValueAsString())
			.orElse(null);
	}

	private static boolean anyOf(String commaSeparated, java.util.function.Predicate<String> test) {
		for (String value : commaSeparated.split(",")) {
			if (test.test(value)) {
				return true;
			}
		}
		return false;
	}

	private static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
