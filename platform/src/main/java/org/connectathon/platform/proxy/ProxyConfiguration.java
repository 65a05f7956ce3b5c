package org.connectathon.platform.proxy;

import org.connectathon.platform.security.OutboundAddresses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Serves the {@link RecordingProxy} at {@code /proxy/*}, as the first filter of every
 * request there: the filters behind it (Spring Security's among them) and Spring MVC
 * never see a proxied exchange. A registration bean comes before filter beans of the same
 * order, so it runs ahead of the other filters at the highest precedence too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ProxySettings.class)
class ProxyConfiguration {

	@Bean
	FilterRegistrationBean<RecordingProxy> recordingProxy(ProxyRoutes routes, SenderIdentifier senders,
			OutboundAddresses outbound, CaptureRecorder recorder, ProxyAddresses addresses, ProxySettings settings) {
		FilterRegistrationBean<RecordingProxy> registration = new FilterRegistrationBean<>(
				new RecordingProxy(routes, senders, outbound, recorder, addresses, settings));
		registration.setName("recordingProxy");
		registration.addUrlPatterns(ProxyAddresses.PREFIX + "*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
