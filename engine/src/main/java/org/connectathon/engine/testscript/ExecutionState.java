package org.connectathon.engine.testscript;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r5.model.TestScript;

/**
 * What one run of a script knows so far: fixtures (declared ones and captured requests
 * and responses), the last exchange, and the variables, which are evaluated each time
 * they are used so that they see the latest responses, as the specification describes.
 * Names a script neither declares nor is given may be Touchstone's built-in
 * {@link Placeholders}.
 * <p>
 * Responses are read in the server's release; declared fixtures and requests in the
 * server's release when they are valid there, else in the script's.
 */
final class ExecutionState {

	private final LoadedTestScript loaded;

	private final RunSettings settings;

	private final ServerRelease serverRelease;

	private final Map<String, Fixture> fixtures;

	private final Map<String, Exchange> exchanges = new HashMap<>();

	/**
	 * Ids of the requests and responses captured so far, as opposed to declared fixtures.
	 */
	private final Set<String> captured = new HashSet<>();

	private final Map<String, TestScript.TestScriptVariableComponent> variables = new HashMap<>();

	private Exchange lastExchange;

	private final Placeholders placeholders;

	/** The run's now, for every date placeholder of the run. */
	private final ZonedDateTime now;

	/**
	 * Variables being evaluated, to refuse one that needs itself: a default value such as
	 * {@code ${CURRENTDATE}} is filled, and so is a declared fixture an expression reads.
	 */
	private final Set<String> evaluating = new HashSet<>();

	/**
	 * Values of expression and path variables by name, with the fixture they were read
	 * from.
	 */
	private final Map<String, Map.Entry<Fixture, String>> evaluated = new HashMap<>();

	/**
	 * The last exchange's request and response as fixtures, kept so that each is parsed
	 * once.
	 */
	private Fixture lastRequest;

	private Fixture lastResponse;

	ExecutionState(LoadedTestScript loaded, RunSettings settings, Placeholders placeholders,
			ServerRelease serverRelease) {
		this.loaded = loaded;
		this.settings = settings;
		this.placeholders = placeholders;
		this.now = placeholders.now();
		this.serverRelease = serverRelease;
		this.fixtures = new HashMap<>();
		loaded.fixtures().forEach((id, fixture) -> this.fixtures.put(id, fixture.inRelease(serverRelease.version())));
		loaded.script().getVariable().forEach(variable -> this.variables.put(variable.getName(), variable));
	}

	/** The release the server's answers are judged in. */
	ServerRelease serverRelease() {
		return this.serverRelease;
	}

	LoadedTestScript loaded() {
		return this.loaded;
	}

	RunSettings settings() {
		return this.settings;
	}

	/**
	 * The fixture with this id.
	 * @throws ExecutionException when the script names an id it never declared or
	 * captured
	 */
	Fixture fixture(String id) {
		Fixture fixture = this.fixtures.get(id);
		if (fixture == null) {
			throw new ExecutionException("CTN-3001: the script refers to fixture '" + id
					+ "', but no fixture, requestId or responseId of that name exists yet; known: "
					+ this.fixtures.keySet().stream().sorted().toList());
		}
		return fixture;
	}

	/**
	 * The fixture with this id, to read or send: a fixture the script declares with its
	 * variables and placeholders filled anew (its dates are no dates before), one
	 * captured from an exchange as it came.
	 * @throws ExecutionException as {@link #fixture(String)}
	 */
	Fixture content(String id) {
		Fixture fixture = fixture(id);
		return this.captured.contains(id) ? fixture : filled(fixture);
	}

	Map<String, Fixture> fixtures() {
		return this.fixtures;
	}

	/**
	 * Records an exchange as the latest, and under the operation's request and response
	 * ids.
	 */
	void record(Exchange exchange, String requestId, String responseId) {
		this.lastExchange = exchange;
		this.lastRequest = exchange.request(this.loaded.version()).inRelease(this.serverRelease.version());
		this.lastResponse = exchange.response(this.serverRelease.version());
		if (requestId != null) {
			this.captured.add(requestId);
			this.fixtures.put(requestId, this.lastRequest);
			this.exchanges.put(requestId, exchange);
		}
		if (responseId != null) {
			this.captured.add(responseId);
			this.fixtures.put(responseId, this.lastResponse);
			this.exchanges.put(responseId, exchange);
		}
	}

	/**
	 * The latest exchange.
	 * @throws ExecutionException when no operation ran yet
	 */
	Exchange lastExchange() {
		if (this.lastExchange == null) {
			throw new ExecutionException(
					"CTN-3004: an assert needs the response of an operation, but no operation " + "has run yet");
		}
		return this.lastExchange;
	}

	/** Whether an operation has run yet. */
	boolean hasExchange() {
		return this.lastExchange != null;
	}

	/** The last request as a fixture; see {@link #lastExchange()}. */
	Fixture lastRequest() {
		lastExchange();
		return this.lastRequest;
	}

	/** The last response as a fixture; see {@link #lastExchange()}. */
	Fixture lastResponse() {
		lastExchange();
		return this.lastResponse;
	}

	/**
	 * Replaces every {@code ${name}} in the text with the variable's value, or the
	 * placeholder's; the text itself when it has none.
	 */
	String substitute(String text) {
		int start = text == null ? -1 : text.indexOf("${");
		if (start < 0) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length() + 16);
		int copied = 0;
		while (start >= 0) {
			int end = text.indexOf('}', start + 2);
			if (end < 0) {
				break;
			}
			if (end > start + 2) {
				result.append(text, copied, start).append(value(text.substring(start + 2, end)));
				copied = end + 1;
			}
			start = text.indexOf("${", end + 1);
		}
		return result.append(text, copied, text.length()).toString();
	}

	/**
	 * The fixture with its variables and placeholders filled: itself when it has none,
	 * else a fixture of this run's.
	 */
	Fixture filled(Fixture fixture) {
		String body = substitute(fixture.body());
		return body == fixture.body() ? fixture : fixture.withBody(body);
	}

	private String value(String name) {
		String given = this.settings.variables().get(name);
		if (given != null) {
			return given;
		}
		TestScript.TestScriptVariableComponent variable = this.variables.get(name);
		if (variable == null) {
			String placeholder = this.placeholders.value(name, this.now, this::value);
			if (placeholder != null) {
				return placeholder;
			}
			throw new ExecutionException("CTN-3002: the script uses ${" + name + "}, but declares no variable " + name
					+ " and none was given");
		}
		if (!this.evaluating.add(name)) {
			throw new ExecutionException("CTN-3062: variable " + name + " needs its own value, through "
					+ this.evaluating.stream().sorted().toList()
					+ " (its default value, or the fixture its expression or path reads)");
		}
		String value;
		try {
			value = evaluate(variable);
			if (value == null || value.isEmpty()) {
				value = variable.getDefaultValue() == null ? null : substitute(variable.getDefaultValue());
			}
		}
		finally {
			this.evaluating.remove(name);
		}
		if (value == null) {
			throw new ExecutionException("CTN-3003: variable " + name + " has no value"
					+ (variable.hasHint() ? " (hint: " + variable.getHint() + ")" : "") + "; give it with --variable "
					+ name + "=VALUE");
		}
		return value;
	}

	private String evaluate(TestScript.TestScriptVariableComponent variable) {
		if (variable.hasHeaderField()) {
			Exchange exchange = variable.hasSourceId() ? this.exchanges.get(variable.getSourceId()) : this.lastExchange;
			if (exchange == null) {
				return null;
			}
			return Exchange.firstHeader(exchange.responseHeaders(), variable.getHeaderField());
		}
		if (!variable.hasExpression() && !variable.hasPath()) {
			return null;
		}
		Fixture source;
		if (variable.hasSourceId()) {
			source = this.fixtures.containsKey(variable.getSourceId()) ? content(variable.getSourceId()) : null;
		}
		else {
			source = this.lastResponse;
		}
		if (source == null || !source.hasBody()) {
			return null;
		}
		// fixtures never change, so a value read from the same fixture is the same value
		Map.Entry<Fixture, String> cached = this.evaluated.get(variable.getName());
		if (cached != null && cached.getKey() == source) {
			return cached.getValue();
		}
		List<String> values = variable.hasExpression() ? SourceValues.expression(source, variable.getExpression())
				: SourceValues.path(source, variable.getPath());
		String value = values.isEmpty() ? null : values.get(0);
		this.evaluated.put(variable.getName(), new java.util.AbstractMap.SimpleImmutableEntry<>(source, value));
		return value;
	}

}
