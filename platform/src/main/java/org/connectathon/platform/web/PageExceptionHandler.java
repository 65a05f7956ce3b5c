package org.connectathon.platform.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.servlet.http.HttpServletResponse;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Errors on pages: a missing or forbidden page gets a readable error page. A form that
 * keeps what was typed answers its own refusals (see {@link Forms}); what else is refused
 * on a post (a single-button form, the text rule of {@link TextInputChecks}, a value that
 * does not convert) goes back to the page it came from with the reason shown there and
 * nothing changed.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

	static final String ERROR_VIEW = "error/message";

	@ExceptionHandler
	String constraintViolation(ConstraintViolationException exception, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect, Model model) {
		return refused(new InvalidInputException("Please correct the form.", ConstraintViolations.problems(exception)),
				request, response, redirect, model);
	}

	/** A field that does not convert, such as a date that is not a date. */
	@ExceptionHandler
	String bindingFailure(BindException exception, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect, Model model) {
		List<String> problems = exception.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": '" + error.getRejectedValue() + "' is not valid here")
			.toList();
		return refused(new InvalidInputException("Please correct the form.", problems), request, response, redirect,
				model);
	}

	/** A parameter of the address that does not convert, such as a page number. */
	@ExceptionHandler
	String parameterMismatch(MethodArgumentTypeMismatchException exception, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect, Model model) {
		return refused(
				new InvalidInputException("Please correct the address.",
						List.of(exception.getName() + ": '" + exception.getValue() + "' is not valid here")),
				request, response, redirect, model);
	}

	@ExceptionHandler({ InvalidInputException.class, RuleViolationException.class })
	String refused(RuntimeException exception, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect, Model model) {
		String referer = request.getHeader("Referer");
		if (HttpMethod.POST.matches(request.getMethod()) && referer != null) {
			redirect.addFlashAttribute("error", exception.getMessage());
			if (exception instanceof InvalidInputException invalid) {
				redirect.addFlashAttribute("problems", invalid.problems());
			}
			return "redirect:" + pathOf(referer);
		}
		if (exception instanceof InvalidInputException invalid) {
			model.addAttribute("problems", invalid.problems());
		}
		return errorPage(HttpStatus.BAD_REQUEST, exception.getMessage(), response, model);
	}

	@ExceptionHandler
	String notFound(NotFoundException exception, HttpServletResponse response, Model model) {
		return errorPage(HttpStatus.NOT_FOUND, exception.getMessage(), response, model);
	}

	@ExceptionHandler
	String forbidden(ForbiddenException exception, HttpServletResponse response, Model model) {
		return errorPage(HttpStatus.FORBIDDEN, exception.getMessage(), response, model);
	}

	/**
	 * Only the path of the referring page, so that a forged Referer cannot send the user
	 * elsewhere.
	 */
	private static String pathOf(String referer) {
		URI uri = URI.create(referer);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static String errorPage(HttpStatus status, String message, HttpServletResponse response, Model model) {
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("reason", message);
		return ERROR_VIEW;
	}

}
