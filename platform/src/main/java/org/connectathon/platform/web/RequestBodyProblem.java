package org.connectathon.platform.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What a client must change in a body the API could not read: what was expected at which
 * JSON path ({@code $[1].status}), the allowed values of an enumeration, the missing
 * field, or where the JSON itself is broken. Jackson's own messages name Java types a
 * client cannot see, so they are not passed on.
 */
final class RequestBodyProblem {

	private static final String UNREADABLE = "The body could not be read as JSON of the expected shape.";

	private RequestBodyProblem() {
	}

	/**
	 * @param handler the controller method that was to take the body, which knows what a
	 * list at the top holds; null when not known
	 */
	static String describe(HttpMessageNotReadableException exception, @Nullable HandlerMethod handler) {
		Throwable cause = exception.getCause();
		if (cause instanceof MismatchedInputException missing && missing.getTargetType() != null
				&& (cause instanceof InvalidNullException || isNullForPrimitive(missing))) {
			return "missing required field at " + path(missing) + ": expected "
					+ expected(missing.getTargetType(), null);
		}
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			return "\"" + invalid.getValue() + "\" is not allowed at " + path(invalid) + "; allowed values: "
					+ allowedValues(invalid.getTargetType());
		}
		if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			boolean atTop = mismatched.getPath().isEmpty();
			return "expected " + expected(mismatched.getTargetType(), atTop ? bodyType(handler) : null) + " at "
					+ path(mismatched);
		}
		if (cause instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
			return "expected " + expected(coercion.getTargetType(), null) + " in range at " + location(coercion);
		}
		if (cause instanceof StreamReadException broken) {
			return "The body is not valid JSON: " + broken.getOriginalMessage() + " at " + location(broken);
		}
		return UNREADABLE;
	}

	/** Jackson has no type of its own for an absent number or boolean. */
	private static boolean isNullForPrimitive(MismatchedInputException exception) {
		return exception.getTargetType().isPrimitive()
				&& exception.getOriginalMessage().startsWith("Cannot map `null`");
	}

	private static String path(JacksonException exception) {
		StringBuilder path = new StringBuilder("$");
		for (JacksonException.Reference reference : exception.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String location(JacksonException exception) {
		TokenStreamLocation location = exception.getLocation();
		if (location == null || location.getLineNr() < 0) {
			return path(exception);
		}
		return "line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static String allowedValues(Class<?> enumeration) {
		return Arrays.stream(enumeration.getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name())
			.collect(Collectors.joining(", "));
	}

	private static String expected(Class<?> type, @Nullable ResolvableType declared) {
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			Class<?> item = (declared != null) ? declared.asCollection().getGeneric(0).resolve() : null;
			return (item != null) ? "a JSON array of " + plural(item) : "a JSON array";
		}
		if (type.isEnum()) {
			return "one of " + allowedValues(type);
		}
		return singular(type);
	}

	private static String singular(Class<?> type) {
		if (type == String.class || type == Character.class || type == char.class) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (List.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class, BigInteger.class)
			.contains(type)) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
				|| type == BigDecimal.class) {
			return "a number";
		}
		if (type == LocalDate.class) {
			return "a date such as 2030-01-31";
		}
		if (type == OffsetDateTime.class) {
			return "a date and time with offset such as 2030-01-31T09:00:00Z";
		}
		return "a JSON object";
	}

	private static String plural(Class<?> item) {
		String singular = singular(item);
		if (!singular.equals("a JSON object") || Map.class.isAssignableFrom(item)) {
			return singular.replaceFirst("^an? ", "") + "s";
		}
		String words = item.getSimpleName()
			.replaceFirst("(Form|Request)$", "")
			.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
			.toLowerCase();
		return words.endsWith("y") ? words.substring(0, words.length() - 1) + "ies" : words + "s";
	}

	private static @Nullable ResolvableType bodyType(@Nullable HandlerMethod handler) {
		if (handler == null) {
			return null;
		}
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return ResolvableType.forMethodParameter(parameter);
			}
		}
		return null;
	}

}
