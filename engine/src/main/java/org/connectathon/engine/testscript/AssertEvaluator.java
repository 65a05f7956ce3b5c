package org.connectathon.engine.testscript;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.connectathon.engine.validation.ValidationIssue;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.TestScript;

/**
 * Evaluates one TestScript assert against the state of a run. The assert checks one
 * thing, in this order of precedence: contentType, headerField, minimumId,
 * navigationLinks, requestMethod, requestURL, resource, response, responseCode,
 * validateProfileId, then expression or path (compared with {@code value}, with the
 * result of compareToSourceExpression or compareToSourcePath, or, when there is neither
 * and the operator is not empty or notEmpty, evaluated as a boolean). minimumId compares
 * all elements of the fixture but its id and meta. Comparisons use the first value
 * selected, except that {@code contains} passes when any value contains the text;
 * {@code in} and {@code notIn} take a comma-separated list; {@code greaterThan} and
 * {@code lessThan} compare numbers when both sides are numbers, text otherwise.
 */
final class AssertEvaluator {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Map<String, Integer> RESPONSE_CODES = Map.ofEntries(Map.entry("continue", 100),
			Map.entry("switchingProtocols", 101), Map.entry("okay", 200), Map.entry("created", 201),
			Map.entry("accepted", 202), Map.entry("nonAuthoritativeInformation", 203), Map.entry("noContent", 204),
			Map.entry("resetContent", 205), Map.entry("partialContent", 206), Map.entry("multipleChoices", 300),
			Map.entry("movedPermanently", 301), Map.entry("found", 302), Map.entry("seeOther", 303),
			Map.entry("notModified", 304), Map.entry("useProxy", 305), Map.entry("temporaryRedirect", 307),
			Map.entry("permanentRedirect", 308), Map.entry("bad", 400), Map.entry("badRequest", 400),
			Map.entry("unauthorized", 401), Map.entry("paymentRequired", 402), Map.entry("forbidden", 403),
			Map.entry("notFound", 404), Map.entry("methodNotAllowed", 405), Map.entry("notAcceptable", 406),
			Map.entry("proxyAuthenticationRequired", 407), Map.entry("requestTimeout", 408), Map.entry("conflict", 409),
			Map.entry("gone", 410), Map.entry("lengthRequired", 411), Map.entry("preconditionFailed", 412),
			Map.entry("contentTooLarge", 413), Map.entry("uriTooLong", 414), Map.entry("unsupportedMediaType", 415),
			Map.entry("rangeNotSatisfiable", 416), Map.entry("expectationFailed", 417),
			Map.entry("misdirectedRequest", 421), Map.entry("unprocessable", 422),
			Map.entry("unprocessableContent", 422), Map.entry("upgradeRequired", 426),
			Map.entry("internalServerError", 500), Map.entry("notImplemented", 501), Map.entry("badGateway", 502),
			Map.entry("serviceUnavailable", 503), Map.entry("gatewayTimeout", 504),
			Map.entry("httpVersionNotSupported", 505));

	/**
	 * How many characters of one value read from a request or response an assert message
	 * shows: enough to see what differs, not a body the server under test sent (messages
	 * are stored and shown, the body may hold anything).
	 */
	static final int SHOWN_VALUE_LENGTH = 200;

	/** How many characters an assert message has at most, whatever it shows. */
	static final int MESSAGE_LENGTH = 1000;

	/** What an assert found: whether it holds, and the message for a person. */
	record Verdict(boolean passed, String message) {

		Verdict {
			message = cut(message, MESSAGE_LENGTH);
		}

	}

	private final ExecutionState state;

	AssertEvaluator(ExecutionState state) {
		this.state = state;
	}

	/**
	 * @throws ExecutionException when the assert cannot be evaluated (nothing to check,
	 * unknown source, malformed expression)
	 */
	Verdict evaluate(TestScript.SetupActionAssertComponent assertion) {
		String operator = assertion.hasOperator() ? assertion.getOperator().toCode() : "equals";
		boolean request = assertion.hasDirection()
				&& assertion.getDirection() == TestScript.AssertionDirectionType.REQUEST;
		String expected = assertion.hasValue() ? this.state.substitute(assertion.getValue()) : null;
		try {
			if (assertion.hasContentType()) {
				return contentType(assertion, operator, request);
			}
			if (assertion.hasHeaderField()) {
				Fixture source = source(assertion, request);
				String actual = source.header(assertion.getHeaderField());
				List<String> values = actual == null ? List.of() : List.of(actual);
				return compare("header " + assertion.getHeaderField(), operator, values, expected);
			}
			if (assertion.hasMinimumId()) {
				return minimum(assertion, request);
			}
			if (assertion.hasNavigationLinks()) {
				return navigationLinks(assertion, request);
			}
			if (assertion.hasRequestMethod()) {
				String actual = this.state.lastExchange().method().toLowerCase(Locale.ROOT);
				return compare("request method", operator, List.of(actual), assertion.getRequestMethod().toCode());
			}
			if (assertion.hasRequestURL()) {
				return compare("request URL", operator, List.of(this.state.lastExchange().url()),
						this.state.substitute(assertion.getRequestURL()));
			}
			if (assertion.hasResource()) {
				String wanted = assertion.getResource().substring(assertion.getResource().lastIndexOf('/') + 1);
				return compare("resource type", operator, List.of(resource(source(assertion, request)).fhirType()),
						wanted);
			}
			if (assertion.hasResponse()) {
				String code = assertion.getResponse().toCode();
				Integer status = RESPONSE_CODES.get(code);
				if (status == null) {
					throw new ExecutionException("CTN-3021: response code '" + code + "' is not known");
				}
				return compare("response status", operator,
						List.of(Integer.toString(this.state.lastExchange().status())),
						Integer.toString(status) + " (" + code + ")", Integer.toString(status));
			}
			if (assertion.hasResponseCode()) {
				return compare("response status", operator,
						List.of(Integer.toString(this.state.lastExchange().status())), assertion.getResponseCode());
			}
			if (assertion.hasValidateProfileId()) {
				return validate(assertion, request);
			}
			if (assertion.hasExpression() || assertion.hasPath() || assertion.hasCompareToSourceId()) {
				return expression(assertion, operator, request, expected);
			}
		}
		catch (DataFormatException ex) {
			return new Verdict(false, "the body is not a FHIR resource: " + shown(TestScriptLoader.clean(ex)));
		}
		catch (IllegalArgumentException ex) {
			throw new ExecutionException(ex.getMessage());
		}
		throw new ExecutionException("CTN-3020: the assert names nothing to check; expected one of contentType, "
				+ "expression, headerField, minimumId, navigationLinks, path, requestMethod, requestURL, resource, "
				+ "response, responseCode or validateProfileId");
	}

	private Verdict contentType(TestScript.SetupActionAssertComponent assertion, String operator, boolean request) {
		String header = source(assertion, request).header("Content-Type");
		String wanted = assertion.getContentType();
		String actual = header == null ? null : header.split(";")[0].trim().toLowerCase(Locale.ROOT);
		if (actual != null && !wanted.contains("/")) {
			// an R4 code (json, xml, ttl): compare the kind of content, not the exact
			// media type
			actual = actual.contains("json") ? "json"
					: actual.contains("xml") ? "xml" : actual.contains("turtle") ? "ttl" : actual;
		}
		return compare("content type", operator, actual == null ? List.of() : List.of(actual), wanted);
	}

	private Verdict minimum(TestScript.SetupActionAssertComponent assertion, boolean request) {
		Fixture minimum = this.state.content(assertion.getMinimumId());
		Fixture actual = source(assertion, request);
		JsonNode wanted = json(minimum);
		JsonNode found = json(actual);
		// the fixture's own id and meta say where it came from, not what the resource
		// must hold
		((com.fasterxml.jackson.databind.node.ObjectNode) wanted).remove(List.of("id", "meta"));
		List<String> missing = new ArrayList<>();
		contains(found, wanted, "", missing);
		if (missing.isEmpty()) {
			return new Verdict(true, "the resource holds every element of fixture " + assertion.getMinimumId());
		}
		return new Verdict(false,
				"expected the resource to hold every element of fixture " + assertion.getMinimumId()
						+ ", but these differ or are missing: "
						+ String.join(", ", missing.subList(0, Math.min(10, missing.size())))
						+ (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : ""));
	}

	private static void contains(JsonNode actual, JsonNode wanted, String path, List<String> missing) {
		if (wanted.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = wanted.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				JsonNode actualField = actual == null ? null : actual.get(field.getKey());
				String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
				if (actualField == null) {
					missing.add(fieldPath);
				}
				else {
					contains(actualField, field.getValue(), fieldPath, missing);
				}
			}
		}
		else if (wanted.isArray()) {
			for (int i = 0; i < wanted.size(); i++) {
				JsonNode item = wanted.get(i);
				boolean found = false;
				for (JsonNode candidate : actual) {
					List<String> itemMissing = new ArrayList<>();
					contains(candidate, item, path, itemMissing);
					if (itemMissing.isEmpty()) {
						found = true;
						break;
					}
				}
				if (!found) {
					missing.add(path + "[" + i + "]");
				}
			}
		}
		else if (!wanted.asText().equals(actual.asText())) {
			missing.add(path + " (expected '" + shown(wanted.asText()) + "', found '" + shown(actual.asText()) + "')");
		}
	}

	private JsonNode json(Fixture fixture) {
		try {
			return MAPPER.readTree(fixture.json());
		}
		catch (JsonProcessingException ex) {
			throw new DataFormatException(ex.getOriginalMessage());
		}
	}

	private Verdict navigationLinks(TestScript.SetupActionAssertComponent assertion, boolean request) {
		IBaseResource resource = resource(source(assertion, request));
		if (!resource.fhirType().equals("Bundle")) {
			return new Verdict(!assertion.getNavigationLinks(), "expected a Bundle, found a " + resource.fhirType());
		}
		List<String> relations = SourceValues.expression(source(assertion, request), "Bundle.link.relation");
		List<String> nextUrls = SourceValues.expression(source(assertion, request),
				"Bundle.link.where(relation = 'next').url");
		boolean paged = !nextUrls.isEmpty();
		boolean valid = relations.contains("self")
				&& (!paged || relations.contains("first") || relations.contains("last") || relations.contains("next"));
		String description = "Bundle links " + relations;
		if (assertion.getNavigationLinks()) {
			return new Verdict(valid, valid ? description + " include self"
					: "expected the Bundle to have a self link, found " + description);
		}
		return new Verdict(true, "navigation links not checked (navigationLinks is false); " + description);
	}

	private Verdict validate(TestScript.SetupActionAssertComponent assertion, boolean request) {
		String id = assertion.getValidateProfileId();
		String profileUrl = this.state.loaded().profileUrls().getOrDefault(id, id.contains("/") ? id : null);
		if (profileUrl == null) {
			throw new ExecutionException("CTN-3022: validateProfileId '" + id
					+ "' names no profile of the script; known: " + this.state.loaded().profileUrls().keySet());
		}
		Fixture source = source(assertion, request);
		if (!source.hasBody()) {
			return new Verdict(false, "expected a resource to validate against " + profileUrl + ", found no body");
		}
		List<ValidationIssue> errors = this.state.settings()
			.validator()
			.validate(source.release(), source.body(), profileUrl)
			.errors();
		if (errors.isEmpty()) {
			return new Verdict(true, "the resource conforms to " + profileUrl);
		}
		StringBuilder message = new StringBuilder(
				"expected the resource to conform to " + profileUrl + ", found " + errors.size() + " error(s):");
		errors.stream()
			.limit(5)
			.forEach(issue -> message.append(" [")
				.append(issue.location())
				.append("] ")
				.append(issue.message())
				.append(';'));
		return new Verdict(false, message.toString());
	}

	private Verdict expression(TestScript.SetupActionAssertComponent assertion, String operator, boolean request,
			String expected) {
		Fixture source = source(assertion, request);
		// without an expression or path of its own, the assert applies the compareTo one
		// to both sides
		String expression = assertion.hasExpression() ? assertion.getExpression()
				: assertion.hasPath() ? null : assertion.getCompareToSourceExpression();
		String path = assertion.hasPath() ? assertion.getPath()
				: assertion.hasExpression() ? null : assertion.getCompareToSourcePath();
		if (expression == null && path == null) {
			throw new ExecutionException(
					"CTN-3023: compareToSourceId needs compareToSourceExpression or " + "compareToSourcePath");
		}
		String description = expression != null ? expression : path;
		List<String> actual = expression != null ? SourceValues.expression(source, expression)
				: SourceValues.path(source, path);
		if (assertion.hasCompareToSourceId()) {
			Fixture compareTo = this.state.content(assertion.getCompareToSourceId());
			List<String> compared;
			if (assertion.hasCompareToSourceExpression()) {
				compared = SourceValues.expression(compareTo, assertion.getCompareToSourceExpression());
			}
			else if (assertion.hasCompareToSourcePath()) {
				compared = SourceValues.path(compareTo, assertion.getCompareToSourcePath());
			}
			else {
				throw new ExecutionException(
						"CTN-3023: compareToSourceId needs compareToSourceExpression or " + "compareToSourcePath");
			}
			if (compared.isEmpty()) {
				return new Verdict(false,
						"expected a value at "
								+ (assertion.hasCompareToSourceExpression() ? assertion.getCompareToSourceExpression()
										: assertion.getCompareToSourcePath())
								+ " in " + assertion.getCompareToSourceId() + ", found none");
			}
			return compare(description, operator, actual, compared.get(0));
		}
		if (expected == null && operator.equals("eval") || expected == null && !operator.equals("empty")
				&& !operator.equals("notEmpty") && assertion.hasExpression()) {
			boolean holds = actual.size() == 1 && "true".equals(actual.get(0));
			return new Verdict(holds, holds ? description + " is true"
					: "expected " + description + " to be true, found " + shown(actual));
		}
		return compare(description, operator, actual, expected);
	}

	private Fixture source(TestScript.SetupActionAssertComponent assertion, boolean request) {
		if (assertion.hasSourceId()) {
			return this.state.content(assertion.getSourceId());
		}
		return request ? this.state.lastRequest() : this.state.lastResponse();
	}

	private static IBaseResource resource(Fixture fixture) {
		return fixture.resource();
	}

	private static Verdict compare(String what, String operator, List<String> actual, String expected) {
		return compare(what, operator, actual, expected, expected);
	}

	/**
	 * @param shown the expected value as the message shows it
	 * @param expected the expected value compared
	 */
	private static Verdict compare(String what, String operator, List<String> actual, String shown, String expected) {
		String first = actual.isEmpty() ? null : actual.get(0);
		boolean passed = switch (operator) {
			case "empty" -> actual.isEmpty() || actual.stream().allMatch(value -> value == null || value.isEmpty());
			case "notEmpty" -> actual.stream().anyMatch(value -> value != null && !value.isEmpty());
			case "equals" -> first != null && first.equals(required(expected, operator));
			case "notEquals" -> first == null || !first.equals(required(expected, operator));
			case "in" -> first != null && list(required(expected, operator)).contains(first);
			case "notIn" -> first == null || !list(required(expected, operator)).contains(first);
			case "greaterThan" -> first != null && order(first, required(expected, operator)) > 0;
			case "lessThan" -> first != null && order(first, required(expected, operator)) < 0;
			case "contains" ->
				actual.stream().anyMatch(value -> value != null && value.contains(required(expected, operator)));
			case "notContains" ->
				actual.stream().noneMatch(value -> value != null && value.contains(required(expected, operator)));
			case "eval" -> throw new ExecutionException("CTN-3024: operator eval needs an expression to evaluate");
			default -> throw new ExecutionException("CTN-3025: operator '" + operator + "' is not known");
		};
		String found = actual.isEmpty() ? "nothing" : actual.size() == 1 ? "'" + shown(first) + "'" : shown(actual);
		String wanted = switch (operator) {
			case "empty" -> "to be empty";
			case "notEmpty" -> "to be present";
			default -> operatorText(operator) + " '" + shown + "'";
		};
		if (passed) {
			return new Verdict(true, what + " was " + found + ", as expected (" + wanted + ")");
		}
		return new Verdict(false, "expected " + what + " " + wanted + ", found " + found);
	}

	/** A value read from a message, cut to {@link #SHOWN_VALUE_LENGTH}. */
	private static String shown(String value) {
		return cut(value, SHOWN_VALUE_LENGTH);
	}

	private static String shown(List<String> values) {
		return values.stream().map(AssertEvaluator::shown).toList().toString();
	}

	static String cut(String text, int length) {
		if (text == null || text.length() <= length) {
			return text;
		}
		return text.substring(0, length) + "... (" + (text.length() - length) + " more characters)";
	}

	private static String operatorText(String operator) {
		return switch (operator) {
			case "equals" -> "to equal";
			case "notEquals" -> "not to equal";
			case "in" -> "to be one of";
			case "notIn" -> "not to be one of";
			case "greaterThan" -> "to be greater than";
			case "lessThan" -> "to be less than";
			case "contains" -> "to contain";
			case "notContains" -> "not to contain";
			default -> operator;
		};
	}

	private static String required(String expected, String operator) {
		if (expected == null) {
			throw new ExecutionException(
					"CTN-3026: operator " + operator + " needs a value to compare with; the assert " + "has none");
		}
		return expected;
	}

	private static List<String> list(String commaSeparated) {
		List<String> values = new ArrayList<>();
		for (String value : commaSeparated.split(",")) {
			values.add(value.trim());
		}
		return values;
	}

	private static int order(String actual, String expected) {
		try {
			return new BigDecimal(actual.trim()).compareTo(new BigDecimal(expected.trim()));
		}
		catch (NumberFormatException ex) {
			return Objects.compare(actual, expected, String::compareTo);
		}
	}

}
