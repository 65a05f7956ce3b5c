package org.connectathon.platform.web;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.TextInput;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Applies {@link TextInput}'s rule to everything a controller binds, before it runs: the
 * query and form parameters and the names of uploaded files of every request, and every
 * string of every JSON body. A refusal goes through the pages' and the API's exception
 * handling like any bad input: the form again with the reason, or problem JSON.
 */
final class TextInputChecks {

	private TextInputChecks() {
	}

	/**
	 * Parameters and file names, checked once a controller is chosen, so that its
	 * exception handling answers.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Parameters implements WebMvcConfigurer, HandlerInterceptor {

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(this);
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			// An error page only shows why a request was refused; its parameters may be
			// the
			// very body that was too large to read.
			if (!(handler instanceof HandlerMethod) || request.getDispatcherType() == DispatcherType.ERROR) {
				return true;
			}
			List<String> problems = new ArrayList<>();
			for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
				problems.addAll(TextInput.problems("parameter name", parameter.getKey()));
				for (String value : parameter.getValue()) {
					problems.addAll(TextInput.problems(parameter.getKey(), value));
				}
			}
			if (request instanceof MultipartHttpServletRequest multipart) {
				for (Map.Entry<String, List<MultipartFile>> files : multipart.getMultiFileMap().entrySet()) {
					for (MultipartFile file : files.getValue()) {
						problems
							.addAll(TextInput.problems(files.getKey() + " (file name)", file.getOriginalFilename()));
					}
				}
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(TextInput.REFUSED, problems);
			}
			return true;
		}

	}

	/**
	 * JSON bodies, once read: a form's fields by their names, a list's items by the
	 * parameter's name and their index ({@code rules[1].profile}).
	 */
	@ControllerAdvice
	static class Bodies extends RequestBodyAdviceAdapter {

		@Override
		public boolean supports(MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
				Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
			String name = parameter.getParameterName();
			TextInput.require((body instanceof Record || name == null) ? "" : name, body);
			return body;
		}

	}

}
