package org.connectathon.platform.referenceserver;

import java.util.Locale;

import org.connectathon.engine.testscript.FhirVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers a reference server per release in the platform's own web server, each
 * initialised on its first request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "connectathon.reference-server.enabled", matchIfMissing = true)
class ReferenceServerConfiguration {

	private final long maximumResources;

	ReferenceServerConfiguration(
			@Value("${connectathon.reference-server.max-resources:100000}") long maximumResources) {
		if (maximumResources < 1) {
			throw new IllegalArgumentException(
					"connectathon.reference-server.max-resources must be at least 1, but is " + maximumResources);
		}
		this.maximumResources = maximumResources;
	}

	@Bean
	ServletRegistrationBean<HostedReferenceServer> referenceServerR4() {
		return registration(FhirVersion.R4);
	}

	@Bean
	ServletRegistrationBean<HostedReferenceServer> referenceServerR4B() {
		return registration(FhirVersion.R4B);
	}

	@Bean
	ServletRegistrationBean<HostedReferenceServer> referenceServerR5() {
		return registration(FhirVersion.R5);
	}

	private ServletRegistrationBean<HostedReferenceServer> registration(FhirVersion release) {
		ServletRegistrationBean<HostedReferenceServer> registration = new ServletRegistrationBean<>(
				new HostedReferenceServer(release, this.maximumResources),
				HostedReferenceServers.pathOf(release) + "/*");
		registration.setName("reference-server-" + release.name().toLowerCase(Locale.ROOT));
		registration.setLoadOnStartup(-1);
		return registration;
	}

}
