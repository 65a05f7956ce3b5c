package org.connectathon.platform.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.proxy.ProxyAddresses;
import org.connectathon.platform.proxy.soap.SoapSamples;
import org.connectathon.platform.proxy.soap.SoapSamples.Sample;
import org.connectathon.platform.registration.CaptureIdentificationService;
import org.connectathon.platform.registration.Endpoint;
import org.connectathon.platform.registration.EndpointForm;
import org.connectathon.platform.registration.RegisteredSystem;
import org.connectathon.platform.registration.RegistrationForm;
import org.connectathon.platform.registration.SystemForm;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.registration.SystemStatus;
import org.connectathon.platform.registration.TestingType;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.testing.StartForm;
import org.connectathon.platform.testing.StartForm.Participant;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestDefinitionService;
import org.connectathon.platform.testing.TestInstanceService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The demo's IHE document sharing over SOAP: Acme's initiating gateway and Globex's
 * responding gateway, whose endpoint is the platform's built-in SOAP responder, start the
 * peer-to-peer XCA test; once that is committed, Acme's Cross Gateway Query and Retrieve
 * go through the recording proxy and land, validated, on the instance's two steps, for a
 * monitor to verify from.
 */
@Component
@ConditionalOnBooleanProperty("connectathon.demo.enabled")
class DemoDocumentSharing {

	static final String TEST = "XCA-QUERY-RETRIEVE";

	private static final Duration SENDERS_KEPT = Duration.ofSeconds(6);

	private static final Log logger = LogFactory.getLog(DemoDocumentSharing.class);

	private final UserService users;

	private final SystemService systems;

	private final TestDefinitionService tests;

	private final TestInstanceService instances;

	private final CaptureIdentificationService identification;

	private final ApplicationEventPublisher publisher;

	DemoDocumentSharing(UserService users, SystemService systems, TestDefinitionService tests,
			TestInstanceService instances, CaptureIdentificationService identification,
			ApplicationEventPublisher publisher) {
		this.users = users;
		this.systems = systems;
		this.tests = tests;
		this.instances = instances;
		this.identification = identification;
		this.publisher = publisher;
	}

	/**
	 * @param platform where this platform answers: its SOAP responder stands for Globex's
	 * responding gateway
	 */
	void play(Event event, String platform) {
		SignedInUser alice = this.users.loadUserByUsername("alice");
		SignedInUser bob = this.users.loadUserByUsername("bob");
		RegisteredSystem initiating = this.systems.create(event.id(),
				new SystemForm("Acme Health Gateway", "1.0", "Queries and retrieves documents from other communities.",
						SystemStatus.PUBLISHED, alice.organizationId()),
				alice);
		this.systems.register(initiating.id(),
				List.of(new RegistrationForm("XCA", "INITIATING_GATEWAY", null, TestingType.THOROUGH)), alice);
		RegisteredSystem responding = this.systems.create(event.id(), new SystemForm("Globex Community Gateway", "5.2",
				"Answers other communities' queries and retrievals.", SystemStatus.PUBLISHED, bob.organizationId()),
				bob);
		this.systems.register(responding.id(),
				List.of(new RegistrationForm("XCA", "RESPONDING_GATEWAY", null, TestingType.THOROUGH)), bob);
		Endpoint gateway = this.systems.addEndpoint(responding.id(),
				new EndpointForm("XCA", "RESPONDING_GATEWAY", platform + "/responders/soap/globex-gateway", null,
						"The platform's built-in SOAP responder", Protocol.SOAP),
				bob);
		TestDefinition test = this.tests.findInEvent(event.id(), alice)
			.stream()
			.filter((candidate) -> candidate.keyword().equals(TEST))
			.findFirst()
			.orElseThrow();
		this.instances.start(test.id(), new StartForm(
				List.of(new Participant("INITIATOR", initiating.id()), new Participant("RESPONDER", responding.id()))),
				alice);
		this.publisher.publishEvent(new DemoSoapExchanges(platform + "/proxy/" + event.id() + "/" + gateway.id(),
				this.identification.find(initiating.id(), alice).captureToken()));
	}

	@TransactionalEventListener
	void startSending(DemoSoapExchanges exchanges) {
		Thread sender = new Thread(() -> send(exchanges), "demo-soap-traffic");
		sender.setDaemon(true);
		sender.start();
	}

	private static void send(DemoSoapExchanges exchanges) {
		try {
			// DemoTraffic gives Acme's workstation its capture token after the commit,
			// and the proxy keeps an event's senders for 5 s from its first exchange:
			// the PDQm searches go first.
			Thread.sleep(SENDERS_KEPT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (String transaction : List.of("ITI-38", "ITI-39")) {
			Sample sample = SoapSamples.request(transaction, exchanges.proxyUrl(), OffsetDateTime.now());
			HttpRequest request = HttpRequest.newBuilder(URI.create(exchanges.proxyUrl()))
				.header(ProxyAddresses.CAPTURE_TOKEN_HEADER, exchanges.captureToken())
				.header("Content-Type", sample.contentType())
				.POST(HttpRequest.BodyPublishers.ofByteArray(sample.body()))
				.timeout(Duration.ofSeconds(30))
				.build();
			try {
				client.send(request, HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException ex) {
				// The demo works without its captures; the proxy shows its own errors.
				logger.warn("The demo's " + transaction + " could not be sent: " + ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Where Acme's gateway sends its SOAP requests, and the token that names it. */
	record DemoSoapExchanges(String proxyUrl, String captureToken) {

	}

}
