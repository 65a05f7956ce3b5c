package org.connectathon.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.FormContentFilter;

/**
 * Spring's form content filter, which reads a form body sent with PUT, PATCH or DELETE so
 * that controllers see its fields, everywhere but on the recording proxy: a body the
 * proxy forwards must reach the upstream as it came, not be read on the way.
 */
@Configuration(proxyBeanMethods = false)
class FormContentConfiguration {

	@Bean
	FormContentFilter formContentFilter() {
		return new OrderedFormContentFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return request.getRequestURI().startsWith(request.getContextPath() + "/proxy/");
			}

		};
	}

}
