package org.connectathon.platform.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import ca.uhn.hl7v2.llp.HL7Reader;
import ca.uhn.hl7v2.llp.HL7Writer;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.connectathon.platform.automation.AutomationService;
import org.connectathon.platform.demo.DemoActivity.DemoExchanges;
import org.connectathon.platform.proxy.ProxyAddresses;
import org.connectathon.platform.proxy.hl7v2.MllpRelay;
import org.connectathon.platform.registration.CaptureIdentification;
import org.connectathon.platform.registration.CaptureIdentificationService;
import org.connectathon.platform.security.UserService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the demo sends over the network, once it is committed and on a thread of its own
 * (the first request to the reference server takes seconds while it starts): Acme's PDQm
 * searches to Globex's supplier through the recording proxy, which records them and lands
 * them on the step of the running PDQm instance; a patient feed and a PIX query over MLLP
 * to Globex's PIX Manager (the platform's HL7 v2 responder) through the platform's port
 * for it; then Globex's run of the automated {@code $summary} step against the same
 * reference server.
 */
@Component
@ConditionalOnBooleanProperty("connectathon.demo.enabled")
class DemoTraffic {

	private static final List<String> SEARCHES = List.of("/Patient?family=Chalmers", "/Patient?given=Peter",
			"/Patient?birthdate=1974-12-25");

	/** A patient admitted, then updated, and a PIX query for her identifiers. */
	private static final List<String> HL7V2_MESSAGES = List.of(
			"MSH|^~\\&|ACME_REG|ACME|PIX_MANAGER|GLOBEX|20261207090000||ADT^A01^ADT_A01|DEMO-0001|P|2.5\r"
					+ "EVN|A01|20261207090000\r"
					+ "PID|1||PAT-0001^^^ACME&1.3.6.1.4.1.21367.13.20.1000&ISO^PI||Chalmers^Peter||19741225|M\r"
					+ "PV1|1|O\r",
			"MSH|^~\\&|ACME_REG|ACME|PIX_MANAGER|GLOBEX|20261207091500||ADT^A08^ADT_A01|DEMO-0002|P|2.5\r"
					+ "EVN|A08|20261207091500\r"
					+ "PID|1||PAT-0001^^^ACME&1.3.6.1.4.1.21367.13.20.1000&ISO^PI||Chalmers^Peter^James||19741225|M\r"
					+ "PV1|1|O\r",
			"MSH|^~\\&|ACME_PIX|ACME|PIX_MANAGER|GLOBEX|20261207093000||QBP^Q23^QBP_Q21|DEMO-0003|P|2.5\r"
					+ "QPD|IHE PIX Query|DEMO-Q-0003|PAT-0001^^^ACME&1.3.6.1.4.1.21367.13.20.1000&ISO^PI\r"
					+ "RCP|I\r");

	private static final Log logger = LogFactory.getLog(DemoTraffic.class);

	private final CaptureIdentificationService identification;

	private final UserService users;

	private final AutomationService automation;

	private final ObjectProvider<MllpRelay> relay;

	DemoTraffic(CaptureIdentificationService identification, UserService users, AutomationService automation,
			ObjectProvider<MllpRelay> relay) {
		this.identification = identification;
		this.users = users;
		this.automation = automation;
		this.relay = relay;
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
		if (exchanges.pixManagerPort() != null) {
			sendHl7v2(exchanges.pixManagerPort());
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

	/**
	 * The HL7 v2 messages, framed and read back with HAPI's minimal lower layer protocol.
	 */
	private void sendHl7v2(int port) {
		MllpRelay listening = this.relay.getIfAvailable();
		if (listening == null) {
			return;
		}
		// Open the port now rather than at the relay's next round.
		listening.reconcile();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
			socket.setSoTimeout(60_000);
			MinLowerLayerProtocol mllp = new MinLowerLayerProtocol();
			HL7Writer writer = mllp.getWriter(socket.getOutputStream());
			HL7Reader reader = mllp.getReader(socket.getInputStream());
			for (String message : HL7V2_MESSAGES) {
				writer.writeMessage(message);
				reader.getMessage();
			}
		}
		catch (IOException | LLPException ex) {
			logger.warn("The demo's HL7 v2 messages could not be sent: " + ex.getMessage());
		}
	}

}
