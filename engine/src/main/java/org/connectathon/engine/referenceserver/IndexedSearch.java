package org.connectathon.engine.referenceserver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * Runs FHIR searches on the {@link SearchIndex}: the filter parameters (with modifiers,
 * chains and reverse chains) become posting-set lookups where the index has them (token,
 * reference, uri, {@code _id}) and tests of the scanned values otherwise, intersected for
 * AND and united for OR; then the result parameters sort, page and include.
 */
final class IndexedSearch {

	/** Parameters that shape the answer rather than select resources. */
	static final Set<String> RESULT_PARAMETERS = Set.of("_sort", "_count", "_offset", "_include", "_revinclude",
			"_total", "_summary", "_elements", "_format", "_pretty", "_type");

	/** Parameters of the specification the reference server does not implement. */
	private static final Set<String> UNSUPPORTED = Set.of("_contained", "_containedType", "_text", "_content", "_list",
			"_query", "_filter", "_score", "_graph", "_in", "_language");

	static final int DEFAULT_PAGE_SIZE = 100;

	static final int MAXIMUM_PAGE_SIZE = 1000;

	/** Stops {@code :iterate} includes that would pull in the whole server. */
	static final int MAXIMUM_INCLUDES = 5000;

	private final SearchIndex index;

	private final SearchParameterRegistry searchParameters;

	IndexedSearch(SearchIndex index) {
		this.index = Objects.requireNonNull(index, "index");
		this.searchParameters = index.searchParameters();
	}

	/**
	 * What a search found.
	 *
	 * @param matches every match, in the requested order
	 * @param page the matches of the requested page
	 * @param included the resources {@code _include} and {@code _revinclude} added to the
	 * page
	 * @param issues the parameters that were not used, for the outcome entry
	 * @param offset the index of the page's first match
	 * @param count the page size
	 */
	record Result(List<SearchIndex.Entry> matches, List<SearchIndex.Entry> page, List<SearchIndex.Entry> included,
			List<String> issues, int offset, int count) {
	}

	/**
	 * The current resources of one type that match the filter parameters, oldest change
	 * first; for conditional interactions, which refuse parameters they cannot use.
	 */
	List<ResourceStore.Version> matching(String type, Map<String, String[]> parameters) {
		Result result = search(List.of(type), parameters, true, false);
		return result.matches().stream().map(SearchIndex.Entry::version).toList();
	}

	/**
	 * Runs a search.
	 * @param types the type searched, or for a system search every type to search
	 * @param strict whether parameters that cannot be used are refused (400) rather than
	 * reported in {@link Result#issues}
	 * @param systemSearch whether a parameter only needs to exist on one of the types
	 */
	Result search(List<String> types, Map<String, String[]> parameters, boolean strict, boolean systemSearch) {
		return this.index.read(() -> {
			List<String> issues = new ArrayList<>();
			List<SearchIndex.Entry> matches = new ArrayList<>();
			Set<String> usedSomewhere = new HashSet<>();
			for (String type : types) {
				List<String> typeIssues = new ArrayList<>();
				matches.addAll(filter(type, parameters, typeIssues, systemSearch, usedSomewhere));
				if (!systemSearch) {
					issues.addAll(typeIssues);
				}
			}
			if (systemSearch) {
				for (String name : parameters.keySet()) {
					if (!usedSomewhere.contains(name) && !RESULT_PARAMETERS.contains(name)) {
						issues.add(unknown(name, String.join(", ", types)));
					}
				}
			}
			if (strict && !issues.isEmpty()) {
				throw new InvalidRequestException(issues.get(0));
			}
			sort(matches, types, parameters, issues, strict);
			int count = pageSize(parameters);
			int offset = intParameter(parameters, "_offset", 0);
			List<SearchIndex.Entry> page = matches.subList(Math.min(offset, matches.size()),
					Math.min(offset + count, matches.size()));
			List<SearchIndex.Entry> included = include(page, parameters, issues, strict);
			return new Result(matches, List.copyOf(page), included, issues, offset, count);
		});
	}

	private List<SearchIndex.Entry> filter(String type, Map<String, String[]> parameters, List<String> issues,
			boolean systemSearch, Set<String> usedSomewhere) {
		List<Set<String>> lookups = new ArrayList<>();
		List<Predicate<SearchIndex.Entry>> tests = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (RESULT_PARAMETERS.contains(name) || RESULT_PARAMETERS.contains(baseName(name))) {
				continue;
			}
			if (UNSUPPORTED.contains(baseName(name))) {
				issues.add("CTN-5010: the parameter " + name
						+ " is not supported by the reference server and was ignored");
				continue;
			}
			for (String value : parameter.getValue()) {
				Criterion criterion;
				try {
					criterion = criterion(type, name, value);
				}
				catch (UnknownParameterException ex) {
					if (!systemSearch) {
						issues.add(ex.getMessage());
					}
					criterion = null;
				}
				if (criterion == null) {
					continue;
				}
				usedSomewhere.add(name);
				if (criterion.ids() != null) {
					lookups.add(criterion.ids());
				}
				else {
					tests.add(criterion.test());
				}
			}
		}
		Collection<SearchIndex.Entry> candidates;
		if (lookups.isEmpty()) {
			candidates = this.index.entries(type);
		}
		else {
			lookups.sort(Comparator.comparingInt(Set::size));
			List<SearchIndex.Entry> found = new ArrayList<>();
			for (String id : lookups.get(0)) {
				boolean inAll = true;
				for (int i = 1; i < lookups.size() && inAll; i++) {
					inAll = lookups.get(i).contains(id);
				}
				SearchIndex.Entry entry = inAll ? this.index.entry(type, id) : null;
				if (entry != null) {
					found.add(entry);
				}
			}
			candidates = found;
		}
		List<SearchIndex.Entry> matches = new ArrayList<>();
		for (SearchIndex.Entry entry : candidates) {
			if (tests.stream().allMatch(test -> test.test(entry))) {
				matches.add(entry);
			}
		}
		return matches;
	}

	/**
	 * One parameter with one value (commas meaning OR) as either the set of matching ids
	 * or a test of each resource.
	 */
	private record Criterion(Set<String> ids, Predicate<SearchIndex.Entry> test) {

		static Criterion lookup(Set<String> ids) {
			return new Criterion(ids, null);
		}

		static Criterion scan(Predicate<SearchIndex.Entry> test) {
			return new Criterion(null, test);
		}

		boolean matches(SearchIndex.Entry entry) {
			return this.ids != null ? this.ids.contains(entry.id()) : this.test.test(entry);
		}

	}

	/**
	 * A parameter the type does not define; reported, or refused under strict handling.
	 */
	private static final class UnknownParameterException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnknownParameterException(String message) {
			super(message);
		}

	}

	private static String unknown(String name, String type) {
		return "CTN-5010: the parameter " + name + " is not known for " + type + " and was ignored";
	}

	private Criterion criterion(String type, String name, String value) {
		if (name.startsWith("_has:")) {
			return reverseChain(type, name, value);
		}
		int dot = name.indexOf('.');
		if (dot > 0) {
			return chain(type, name.substring(0, dot), name.substring(dot + 1), value);
		}
		int colon = name.indexOf(':');
		String code = colon < 0 ? name : name.substring(0, colon);
		String modifier = colon < 0 ? "" : name.substring(colon + 1);
		if (code.equals("_id")) {
			return id(type, modifier, value);
		}
		SearchParameterDefinition definition = this.searchParameters.get(type, code);
		if (definition == null) {
			throw new UnknownParameterException(unknown(code, type));
		}
		if (modifier.equals("missing")) {
			Set<String> present = this.index.posting(type, code, SearchIndex.PRESENT);
			if (value.equals("true")) {
				return Criterion.scan(entry -> !present.contains(entry.id()));
			}
			if (value.equals("false")) {
				return Criterion.lookup(present);
			}
			throw new InvalidRequestException("CTN-5012: :missing expects true or false, got '" + value + "'");
		}
		if (modifier.equals("not")) {
			if (definition.type() != RestSearchParameterTypeEnum.TOKEN) {
				throw SearchValues.unsupportedModifier("not", definition.type().getCode());
			}
			Criterion positive = anyOf(type, definition, "", value);
			return Criterion.scan(entry -> !positive.matches(entry));
		}
		return anyOf(type, definition, modifier, value);
	}

	private Criterion id(String type, String modifier, String value) {
		Set<String> ids = new LinkedHashSet<>();
		for (String id : SearchValues.split(value, ',')) {
			if (this.index.entry(type, id) != null) {
				ids.add(id);
			}
		}
		return switch (modifier) {
			case "" -> Criterion.lookup(ids);
			case "not" -> Criterion.scan(entry -> !ids.contains(entry.id()));
			case "missing" -> value.equals("true") ? Criterion.lookup(Set.of()) : Criterion.scan(entry -> true);
			default -> throw SearchValues.unsupportedModifier(modifier, "_id");
		};
	}

	/** The OR of the comma-separated values. */
	private Criterion anyOf(String type, SearchParameterDefinition definition, String modifier, String value) {
		List<String> values = SearchValues.split(value, ',');
		List<Criterion> each = new ArrayList<>();
		for (String one : values) {
			each.add(one(type, definition, modifier, one));
		}
		if (each.size() == 1) {
			return each.get(0);
		}
		if (each.stream().allMatch(criterion -> criterion.ids() != null)) {
			Set<String> union = new HashSet<>();
			each.forEach(criterion -> union.addAll(criterion.ids()));
			return Criterion.lookup(union);
		}
		return Criterion.scan(entry -> each.stream().anyMatch(criterion -> criterion.matches(entry)));
	}

	private Criterion one(String type, SearchParameterDefinition definition, String modifier, String value) {
		String code = definition.code();
		switch (definition.type()) {
			case TOKEN -> {
				if (modifier.isEmpty()) {
					List<String> parts = SearchValues.split(value, '|');
					if (parts.size() == 1) {
						return Criterion.lookup(this.index.posting(type, code, SearchIndex.codeKey(unescape(value))));
					}
					String system = unescape(parts.get(0));
					String tokenCode = unescape(String.join("|", parts.subList(1, parts.size())));
					String key = tokenCode.isEmpty() ? SearchIndex.systemKey(system)
							: SearchIndex.systemCodeKey(system, tokenCode);
					return Criterion.lookup(this.index.posting(type, code, key));
				}
			}
			case REFERENCE -> {
				return reference(type, definition, modifier, unescape(value));
			}
			case URI -> {
				if (modifier.isEmpty()) {
					return Criterion.lookup(this.index.posting(type, code,
							SearchIndex.urlKey(ReferenceText.withoutVersion(unescape(value)))));
				}
			}
			default -> {
				// scanned below
			}
		}
		Predicate<IndexedValue> test = SearchValues.test(definition.type(), modifier,
				definition.type() == RestSearchParameterTypeEnum.COMPOSITE ? value : unescape(value),
				composite -> compositeTest(definition, composite));
		return Criterion.scan(entry -> entry.values(code).stream().anyMatch(test));
	}

	private Predicate<IndexedValue> compositeTest(SearchParameterDefinition definition, String value) {
		List<RestSearchParameterTypeEnum> types = new ArrayList<>();
		for (SearchParameterDefinition.Component component : definition.components()) {
			SearchParameterDefinition part = this.searchParameters.byUrl(component.definition());
			if (part == null) {
				throw new InvalidRequestException("CTN-5011: the composite parameter " + definition.code()
						+ " names a component " + component.definition() + " the server does not know");
			}
			types.add(part.type());
		}
		return SearchValues.composite(types, value, definition.code());
	}

	private Criterion reference(String type, SearchParameterDefinition definition, String modifier, String value) {
		String code = definition.code();
		if (modifier.equals("identifier")) {
			List<String> parts = SearchValues.split(value, '|');
			String key = parts.size() == 1 ? SearchIndex.identifierKey(null, value)
					: SearchIndex.identifierKey(parts.get(0), parts.get(1));
			return Criterion.lookup(this.index.posting(type, code, key));
		}
		if (!modifier.isEmpty() && !this.searchParameters.resourceTypes().contains(modifier)) {
			throw SearchValues.unsupportedModifier(modifier, "reference");
		}
		if (value.contains("://") || value.startsWith("urn:")) {
			Set<String> byUrl = this.index.posting(type, code, SearchIndex.urlKey(ReferenceText.withoutVersion(value)));
			String typeAndId = ReferenceText.typeAndId(value, this.searchParameters.resourceTypes());
			if (typeAndId == null) {
				return Criterion.lookup(byUrl);
			}
			Set<String> union = new HashSet<>(byUrl);
			union.addAll(this.index.posting(type, code, SearchIndex.referenceKey(typeAndId)));
			return Criterion.lookup(union);
		}
		if (value.contains("/")) {
			String typeAndId = ReferenceText.typeAndId(value, this.searchParameters.resourceTypes());
			if (typeAndId == null || (!modifier.isEmpty() && !typeAndId.startsWith(modifier + "/"))) {
				return Criterion.lookup(Set.of());
			}
			return Criterion.lookup(this.index.posting(type, code, SearchIndex.referenceKey(typeAndId)));
		}
		Set<String> ids = new HashSet<>();
		for (String target : targetTypes(definition, modifier)) {
			ids.addAll(this.index.posting(type, code, SearchIndex.referenceKey(target + "/" + value)));
		}
		return Criterion.lookup(ids);
	}

	private Collection<String> targetTypes(SearchParameterDefinition definition, String typeModifier) {
		if (!typeModifier.isEmpty()) {
			return List.of(typeModifier);
		}
		return definition.targets().isEmpty() ? this.searchParameters.resourceTypes() : definition.targets();
	}

	/**
	 * {@code patient.identifier=...}, {@code subject:Patient.name=...}: the resources
	 * whose reference points at a target that matches the rest of the chain.
	 */
	private Criterion chain(String type, String head, String rest, String value) {
		int colon = head.indexOf(':');
		String code = colon < 0 ? head : head.substring(0, colon);
		String typeModifier = colon < 0 ? "" : head.substring(colon + 1);
		SearchParameterDefinition definition = this.searchParameters.get(type, code);
		if (definition == null) {
			throw new UnknownParameterException(unknown(code, type));
		}
		if (definition.type() != RestSearchParameterTypeEnum.REFERENCE) {
			throw new InvalidRequestException("CTN-5013: the chain " + head + "." + rest + " starts with " + code
					+ ", which is a " + definition.type().getCode() + " parameter of " + type + ", not a reference");
		}
		if (!typeModifier.isEmpty() && !this.searchParameters.resourceTypes().contains(typeModifier)) {
			throw new InvalidRequestException(
					"CTN-5013: the chain " + head + "." + rest + " names " + typeModifier + ", not a resource type");
		}
		String nextCode = rest.split("[.:]", 2)[0];
		Set<String> ids = new HashSet<>();
		boolean anyTarget = false;
		for (String target : targetTypes(definition, typeModifier)) {
			if (!nextCode.equals("_id") && !nextCode.equals("_has")
					&& this.searchParameters.get(target, nextCode) == null) {
				continue;
			}
			anyTarget = true;
			Criterion inner = criterion(target, rest, value);
			Collection<SearchIndex.Entry> targets = inner.ids() != null ? entries(target, inner.ids())
					: this.index.entries(target).stream().filter(inner.test()).toList();
			for (SearchIndex.Entry entry : targets) {
				ids.addAll(this.index.posting(type, code, SearchIndex.referenceKey(target + "/" + entry.id())));
			}
		}
		if (!anyTarget) {
			throw new InvalidRequestException(
					"CTN-5013: no resource type " + code + " of " + type + " may point at has a parameter " + nextCode);
		}
		return Criterion.lookup(ids);
	}

	/**
	 * {@code _has:Observation:patient:code=...}: the resources that a resource of the
	 * named type, matching the rest, points at with the named reference parameter.
	 */
	private Criterion reverseChain(String type, String name, String value) {
		String[] parts = name.split(":", 4);
		if (parts.length < 4 || !this.searchParameters.resourceTypes().contains(parts[1])) {
			throw new InvalidRequestException("CTN-5013: expected _has:Type:reference:parameter, got " + name);
		}
		String sourceType = parts[1];
		SearchParameterDefinition reference = this.searchParameters.get(sourceType, parts[2]);
		if (reference == null || reference.type() != RestSearchParameterTypeEnum.REFERENCE) {
			throw new InvalidRequestException(
					"CTN-5013: " + parts[2] + " is not a reference parameter of " + sourceType + " in " + name);
		}
		Criterion inner = criterion(sourceType, parts[3], value);
		Collection<SearchIndex.Entry> sources = inner.ids() != null ? entries(sourceType, inner.ids())
				: this.index.entries(sourceType).stream().filter(inner.test()).toList();
		Set<String> ids = new HashSet<>();
		String prefix = type + "/";
		for (SearchIndex.Entry source : sources) {
			for (IndexedValue indexed : source.values(reference.code())) {
				if (indexed instanceof IndexedValue.Reference target && target.typeAndId() != null
						&& target.typeAndId().startsWith(prefix)) {
					ids.add(target.typeAndId().substring(prefix.length()));
				}
			}
		}
		return Criterion.lookup(ids);
	}

	private List<SearchIndex.Entry> entries(String type, Set<String> ids) {
		List<SearchIndex.Entry> entries = new ArrayList<>(ids.size());
		for (String id : ids) {
			SearchIndex.Entry entry = this.index.entry(type, id);
			if (entry != null) {
				entries.add(entry);
			}
		}
		return entries;
	}

	private void sort(List<SearchIndex.Entry> matches, List<String> types, Map<String, String[]> parameters,
			List<String> issues, boolean strict) {
		Comparator<SearchIndex.Entry> order = null;
		for (String value : parameters.getOrDefault("_sort", new String[0])) {
			for (String key : value.split(",")) {
				if (key.isBlank()) {
					continue;
				}
				boolean descending = key.startsWith("-");
				String code = descending ? key.substring(1) : key;
				if (!code.equals("_id")
						&& types.stream().noneMatch(type -> this.searchParameters.get(type, code) != null)) {
					String issue = "CTN-5015: cannot sort by " + code + ", which is not a parameter of "
							+ String.join(", ", types) + "; the sort was ignored";
					if (strict) {
						throw new InvalidRequestException(issue);
					}
					issues.add(issue);
					continue;
				}
				Comparator<SearchIndex.Entry> byKey = byKey(code, descending);
				order = order == null ? byKey : order.thenComparing(byKey);
			}
		}
		Comparator<SearchIndex.Entry> bySequence = Comparator.comparingLong(SearchIndex.Entry::sequence);
		matches.sort(order == null ? bySequence : order.thenComparing(bySequence));
	}

	/**
	 * Orders by the smallest value ascending and the largest descending; resources
	 * without a value come last either way.
	 */
	private static Comparator<SearchIndex.Entry> byKey(String code, boolean descending) {
		if (code.equals("_id")) {
			Comparator<SearchIndex.Entry> byId = Comparator.comparing(SearchIndex.Entry::id);
			return descending ? byId.reversed() : byId;
		}
		Comparator<Comparable<Object>> natural = Comparator.naturalOrder();
		Comparator<Comparable<Object>> directed = descending ? natural.reversed() : natural;
		return Comparator.comparing(entry -> sortKey(entry, code, descending), Comparator.nullsLast(directed));
	}

	@SuppressWarnings("unchecked")
	private static Comparable<Object> sortKey(SearchIndex.Entry entry, String code, boolean descending) {
		Comparable<?> best = null;
		for (IndexedValue value : entry.values(code)) {
			Comparable<?> key = sortKey(value, descending);
			if (key != null && (best == null || (descending ? ((Comparable<Object>) key).compareTo(best) > 0
					: ((Comparable<Object>) key).compareTo(best) < 0))) {
				best = key;
			}
		}
		return (Comparable<Object>) best;
	}

	private static Comparable<?> sortKey(IndexedValue value, boolean descending) {
		if (value instanceof IndexedValue.Text text) {
			return text.normalized();
		}
		if (value instanceof IndexedValue.Token token) {
			return token.code();
		}
		if (value instanceof IndexedValue.Reference reference) {
			return reference.typeAndId() != null ? reference.typeAndId() : reference.url();
		}
		if (value instanceof IndexedValue.DateRange range) {
			return descending ? range.high() : range.low();
		}
		if (value instanceof IndexedValue.Quantity quantity) {
			return quantity.value();
		}
		if (value instanceof IndexedValue.Uri uri) {
			return uri.value();
		}
		return null;
	}

	private static int pageSize(Map<String, String[]> parameters) {
		return Math.min(intParameter(parameters, "_count", DEFAULT_PAGE_SIZE), MAXIMUM_PAGE_SIZE);
	}

	private static int intParameter(Map<String, String[]> parameters, String name, int otherwise) {
		String[] values = parameters.get(name);
		if (values == null || values.length == 0) {
			return otherwise;
		}
		try {
			int value = Integer.parseInt(values[0]);
			if (value >= 0) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new InvalidRequestException(
				"CTN-5016: " + name + " expects a whole number of 0 or more, got '" + values[0] + "'");
	}

	/**
	 * The resources {@code _include} and {@code _revinclude} add to the page:
	 * {@code :iterate} ones (and R4's {@code :recurse}) also apply to what was included,
	 * until nothing new comes.
	 */
	private List<SearchIndex.Entry> include(List<SearchIndex.Entry> page, Map<String, String[]> parameters,
			List<String> issues, boolean strict) {
		List<Inclusion> inclusions = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			String base = baseName(name);
			if (!base.equals("_include") && !base.equals("_revinclude")) {
				continue;
			}
			boolean iterate = name.endsWith(":iterate") || name.endsWith(":recurse");
			for (String value : parameter.getValue()) {
				Inclusion inclusion = inclusion(base.equals("_revinclude"), iterate, value);
				if (inclusion == null) {
					String issue = "CTN-5014: " + name + "=" + value
							+ " does not name a Type:parameter[:target] of a reference parameter; it was ignored";
					if (strict) {
						throw new InvalidRequestException(issue);
					}
					issues.add(issue);
				}
				else {
					inclusions.add(inclusion);
				}
			}
		}
		if (inclusions.isEmpty()) {
			return List.of();
		}
		Map<String, SearchIndex.Entry> seen = new LinkedHashMap<>();
		page.forEach(entry -> seen.put(key(entry), entry));
		List<SearchIndex.Entry> included = new ArrayList<>();
		List<SearchIndex.Entry> frontier = page;
		boolean first = true;
		while (!frontier.isEmpty() && included.size() < MAXIMUM_INCLUDES) {
			List<SearchIndex.Entry> found = new ArrayList<>();
			for (Inclusion inclusion : inclusions) {
				if (!first && !inclusion.iterate()) {
					continue;
				}
				for (SearchIndex.Entry entry : frontier) {
					for (SearchIndex.Entry target : inclusion.reverse() ? revincluded(inclusion, entry)
							: included(inclusion, entry)) {
						if (seen.putIfAbsent(key(target), target) == null) {
							found.add(target);
						}
					}
				}
			}
			included.addAll(found);
			frontier = found;
			first = false;
		}
		return included;
	}

	/**
	 * One {@code _include} or {@code _revinclude}: a source type ({@code *} for any), a
	 * reference parameter ({@code *} for all) and an optional target type.
	 */
	private record Inclusion(boolean reverse, boolean iterate, String sourceType, String code, String targetType) {
	}

	private Inclusion inclusion(boolean reverse, boolean iterate, String value) {
		if (value.equals("*")) {
			return new Inclusion(reverse, iterate, "*", "*", null);
		}
		String[] parts = value.split(":");
		if (parts.length < 2 || parts.length > 3) {
			return null;
		}
		String target = parts.length == 3 ? parts[2] : null;
		boolean knownSource = parts[0].equals("*") || this.searchParameters.resourceTypes().contains(parts[0]);
		if (!knownSource || (target != null && !this.searchParameters.resourceTypes().contains(target))) {
			return null;
		}
		if (!parts[1].equals("*") && !parts[0].equals("*")) {
			SearchParameterDefinition definition = this.searchParameters.get(parts[0], parts[1]);
			if (definition == null || definition.type() != RestSearchParameterTypeEnum.REFERENCE) {
				return null;
			}
		}
		return new Inclusion(reverse, iterate, parts[0], parts[1], target);
	}

	private List<SearchIndex.Entry> included(Inclusion inclusion, SearchIndex.Entry entry) {
		String type = entry.version().type();
		if (!inclusion.sourceType().equals("*") && !inclusion.sourceType().equals(type)) {
			return List.of();
		}
		List<SearchIndex.Entry> targets = new ArrayList<>();
		for (String code : referenceCodes(type, inclusion.code())) {
			for (IndexedValue value : entry.values(code)) {
				if (value instanceof IndexedValue.Reference reference && reference.typeAndId() != null) {
					int slash = reference.typeAndId().indexOf('/');
					String targetType = reference.typeAndId().substring(0, slash);
					if (inclusion.targetType() == null || inclusion.targetType().equals(targetType)) {
						SearchIndex.Entry target = this.index.entry(targetType,
								reference.typeAndId().substring(slash + 1));
						if (target != null) {
							targets.add(target);
						}
					}
				}
			}
		}
		return targets;
	}

	private List<SearchIndex.Entry> revincluded(Inclusion inclusion, SearchIndex.Entry entry) {
		String type = entry.version().type();
		if (inclusion.targetType() != null && !inclusion.targetType().equals(type)) {
			return List.of();
		}
		Collection<String> sourceTypes = inclusion.sourceType().equals("*") ? this.index.types()
				: List.of(inclusion.sourceType());
		List<SearchIndex.Entry> sources = new ArrayList<>();
		String key = SearchIndex.referenceKey(key(entry));
		for (String sourceType : sourceTypes) {
			for (String code : referenceCodes(sourceType, inclusion.code())) {
				sources.addAll(entries(sourceType, this.index.posting(sourceType, code, key)));
			}
		}
		return sources;
	}

	private List<String> referenceCodes(String type, String code) {
		if (!code.equals("*")) {
			return List.of(code);
		}
		return this.searchParameters.forType(type)
			.values()
			.stream()
			.filter(definition -> definition.type() == RestSearchParameterTypeEnum.REFERENCE)
			.map(SearchParameterDefinition::code)
			.toList();
	}

	private static String key(SearchIndex.Entry entry) {
		return entry.version().type() + "/" + entry.id();
	}

	/** The name without its modifier: {@code _include} for {@code _include:iterate}. */
	private static String baseName(String name) {
		int colon = name.indexOf(':');
		return colon < 0 ? name : name.substring(0, colon);
	}

	private static String unescape(String value) {
		return SearchValues.unescape(value);
	}

}
