package org.connectathon.platform.proxy;

import org.connectathon.platform.security.OutboundAddresses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves the {@link RecordingProxy} at {@code /proxy/*}, beside Spring MVC. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ProxySettings.class)
class ProxyConfiguration {

	@Bean
	ServletRegistrationBean<RecordingProxy> recordingProxy(ProxyRoutes routes, SenderIdentifier senders,
			OutboundAddresses outbound, CaptureRecorder recorder, ProxyAddresses addresses, ProxySettings settings) {
		ServletRegistrationBean<RecordingProxy> registration = new ServletRegistrationBean<>(
				new RecordingProxy(routes, senders, outbound, recorder, addresses, settings), "/proxy/*");
		registration.setName("recordingProxy");
		registration.setLoadOnStartup(1);
		return registration;
	}

}
