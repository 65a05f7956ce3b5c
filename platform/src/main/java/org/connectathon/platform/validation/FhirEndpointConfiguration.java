package org.connectathon.platform.validation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class FhirEndpointConfiguration {

	@Bean
	ServletRegistrationBean<FhirValidationServer> fhirEndpoint(FhirValidation validation) {
		ServletRegistrationBean<FhirValidationServer> registration = new ServletRegistrationBean<>(
				new FhirValidationServer(validation), "/fhir/*");
		registration.setName("fhir");
		return registration;
	}

}
