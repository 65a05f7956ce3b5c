package org.connectathon.platform.web;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Bean validation failures of service arguments, as "field: what is wrong" lines. */
final class ConstraintViolations {

	private ConstraintViolations() {
	}

	static List<String> problems(ConstraintViolationException exception) {
		return exception.getConstraintViolations()
			.stream()
			.map((violation) -> fieldOf(violation) + ": " + violation.getMessage())
			.sorted()
			.toList();
	}

	/**
	 * The last named node: "create.form.name" reads "name" to the person who typed it.
	 */
	private static String fieldOf(ConstraintViolation<?> violation) {
		String field = "value";
		for (Path.Node node : violation.getPropertyPath()) {
			if (node.getName() != null && node.getKind() != ElementKind.METHOD
					&& node.getKind() != ElementKind.PARAMETER) {
				field = node.getName();
			}
		}
		return field;
	}

}
