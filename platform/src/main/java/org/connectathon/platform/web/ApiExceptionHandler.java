package org.connectathon.platform.web;

import java.util.List;

import jakarta.validation.ConstraintViolationException;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as RFC 9457 problem JSON with a sentence a person can act
 * on. Spring MVC's own errors (unreadable body, wrong type, unknown path) come from the
 * base class.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final long maximumUploadBytes;

	ApiExceptionHandler(@Value("${spring.servlet.multipart.max-request-size}") DataSize maximumUpload) {
		this.maximumUploadBytes = maximumUpload.toBytes();
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException exception) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
	}

	@ExceptionHandler
	ProblemDetail forbidden(ForbiddenException exception) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, exception.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException exception) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
		if (!exception.problems().isEmpty()) {
			problem.setProperty("problems", exception.problems());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail constraintViolation(ConstraintViolationException exception) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
		problem.setProperty("problems", ConstraintViolations.problems(exception));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail ruleViolation(RuleViolationException exception) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> problems = exception.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
		problem.setProperty("problems", problems);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HandlerMethod handler = (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST) instanceof HandlerMethod method) ? method : null;
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					RequestBodyProblem.describe(exception, handler)));
	}

	/**
	 * Tomcat stops reading a multipart body at the multipart limits, chunked or not; the
	 * parts are parsed when the controller asks for them
	 * ({@code spring.servlet.multipart.resolve-lazily}), so this handler answers for the
	 * API.
	 */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The upload is larger than the " + this.maximumUploadBytes + " bytes accepted here."));
	}

}
