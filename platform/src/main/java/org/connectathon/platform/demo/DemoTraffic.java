package org.connectathon.platform.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.connectathon.platform.automation.AutomationService;
import org.connectathon.platform.demo.DemoActivity.DemoExchanges;
import org.connectathon.platform.proxy.ProxyAddresses;
import org.connectathon.platform.registration.CaptureIdentification;
import org.connectathon.platform.registration.CaptureIdentificationService;
import org.connectathon.platform.security.UserService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the demo sends over the network, once it is committed and on a thread of its own
 * (the first request to the reference server takes seconds while it starts): Acme's PDQm
 * searches to Globex's supplier through the recording proxy, which records them and lands
 * them on the step of the running PDQm instance; then Globex's run of the automated
 * {@code $summary} step against the same reference server.
 */
@Component
@ConditionalOnBooleanProperty("connectathon.demo.enabled")
class DemoTraffic {

	private static final List<String> SEARCHES = List.of("/Patient?family=Chalmers", "/Patient?given=Peter",
			"/Patient?birthdate=1974-12-25");

	private static final Log logger = LogFactory.getLog(DemoTraffic.class);

	private final CaptureIdentificationService identification;

	private final UserService users;

	private final AutomationService automation;

	DemoTraffic(CaptureIdentificationService identification, UserService users, AutomationService automation) {
		this.identification = identification;
		this.users = users;
		this.automation = automation;
	}

	@TransactionalEventListener
	void startSending(DemoExchanges exchanges) {
		Thread sender = new Thread(() -> send(exchanges), "demo-traffic");
		sender.setDaemon(true);
		sender.start();
	}

	private void send(DemoExchanges exchanges) {
		CaptureIdentification consumer = this.identification.find(exchanges.consumerSystemId(),
				this.users.loadUserByUsername("alice"));
		String proxy = exchanges.platform() + "/proxy/" + exchanges.eventId() + "/" + exchanges.supplierEndpointId();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (String search : SEARCHES) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(proxy + search))
				.header(ProxyAddresses.CAPTURE_TOKEN_HEADER, consumer.captureToken())
				.header("Accept", "application/fhir+json")
				.timeout(Duration.ofSeconds(60))
				.build();
			try {
				client.send(request, HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException ex) {
				// The demo works without its captures; the proxy shows its own errors.
				logger.warn("The demo's proxy exchange " + search + " could not be sent: " + ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		try {
			this.automation.startRun(exchanges.automatedInstanceId(), exchanges.automatedStepIndex(),
					this.users.loadUserByUsername("bob"));
		}
		catch (RuntimeException ex) {
			// The instance stays running, and bob can press Run on it.
			logger.warn("The demo's automated step could not be queued: " + ex.getMessage());
		}
	}

}
