package org.connectathon.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The platform's static files: its stylesheet, its scripts (the dashboard's and the
 * tracks' charts) and the webjars (htmx and its extension for server-sent events,
 * ECharts), each under its own path, with their resolutions cached. Spring Boot's default
 * mapping of every path ({@code /**}) is off
 * ({@code spring.web.resources.add-mappings=false}): with it, each link that a page
 * writes was looked up as a file on the class path, which cost most of the time of the
 * results matrix and the worklist pages.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

}
