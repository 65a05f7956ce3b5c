package org.connectathon.platform.proxy.hl7v2;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.connectathon.platform.proxy.CaptureRecorder;
import org.connectathon.platform.proxy.ProxySettings;
import org.connectathon.platform.proxy.SenderIdentifier;
import org.connectathon.platform.security.OutboundAddresses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MLLP relay and the HL7 v2 responder of a serving node, sharing one bounded pool of
 * connection threads, and the HAPI context they parse with (no validation: they pass on
 * what they are given, and validation comes after, on the capture). The settings are read
 * in any context: endpoints get their ports from them wherever they are declared.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MllpSettings.class)
class Hl7v2Configuration {

	/** What only a node that serves requests runs. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Serving {

		/**
		 * Not an executor bean: one would take the place of the task executor that Spring
		 * Boot provides.
		 */
		@Bean(destroyMethod = "shutdownNow")
		MllpConnections mllpConnections(MllpSettings settings) {
			AtomicInteger number = new AtomicInteger();
			return new MllpConnections(new ThreadPoolExecutor(0, settings.maxConnections(), 60, TimeUnit.SECONDS,
					new SynchronousQueue<>(), (task) -> {
						Thread thread = new Thread(task, "mllp-connection-" + number.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					}));
		}

		/**
		 * The threads of the node's MLLP connections, one each, at most as many as
		 * allowed.
		 */
		record MllpConnections(ExecutorService executor) {

			void shutdownNow() {
				this.executor.shutdownNow();
			}

		}

		@Bean
		Hl7v2Acknowledgements hl7v2Acknowledgements() {
			HapiContext hapi = new DefaultHapiContext(ValidationContextFactory.noValidation());
			return new Hl7v2Acknowledgements(hapi);
		}

		@Bean
		MllpRelay mllpRelay(MllpRoutes routes, MllpSettings settings, ProxySettings proxySettings,
				MllpConnections mllpConnections, Hl7v2Acknowledgements acknowledgements, SenderIdentifier senders,
				CaptureRecorder recorder, OutboundAddresses outbound) {
			return new MllpRelay(routes, settings, proxySettings, mllpConnections.executor(), acknowledgements, senders,
					recorder, outbound);
		}

		@Bean
		MllpResponder mllpResponder(MllpSettings settings, MllpConnections mllpConnections,
				Hl7v2Acknowledgements acknowledgements) {
			return new MllpResponder(settings, mllpConnections.executor(), acknowledgements);
		}

	}

}
