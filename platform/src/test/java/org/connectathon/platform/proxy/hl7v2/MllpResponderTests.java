package org.connectathon.platform.proxy.hl7v2;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in responder over a real socket. */
class MllpResponderTests {

	private final ExecutorService connections = Executors.newFixedThreadPool(4);

	private MllpResponder responder;

	@BeforeEach
	void aResponderOnAFreePort() throws Exception {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		this.responder = new MllpResponder(new MllpSettings(null, null, port, 0, null, null), this.connections,
				new Hl7v2Acknowledgements(new DefaultHapiContext(ValidationContextFactory.noValidation())));
		this.responder.start();
	}

	@AfterEach
	void stop() {
		this.responder.stop();
		this.connections.shutdownNow();
	}

	@Test
	void shouldAcknowledgeAnAdmissionWithAaAndItsControlId() throws Exception {
		try (MllpClient client = new MllpClient(this.responder.port().getAsInt())) {
			String ack = client.send(Hl7v2Samples.ADT_A01);

			assertThat(ack).contains("\rMSA|AA|MSG00001");
			assertThat(Hl7v2Header.of(ack).messageType()).isEqualTo("ACK^A01");
			assertThat(client.send(Hl7v2Samples.ADT_A01.replace("MSG00001", "MSG00009")))
				.as("the connection serves further messages")
				.contains("MSA|AA|MSG00009");
		}
	}

	@Test
	void shouldAnswerADemographicsQueryWithOnePatient() throws Exception {
		try (MllpClient client = new MllpClient(this.responder.port().getAsInt())) {
			String response = client.send(Hl7v2Samples.QBP_Q22);

			assertThat(Hl7v2Header.of(response).messageType()).isEqualTo("RSP^K22");
			assertThat(response).contains("\rMSA|AA|MSG00003\r", "\rQAK|QRY00003|OK\r", "\rPID|1||PAT-0001");
		}
	}

	@Test
	void shouldRejectWhatItCannotParseAndSayWhy() throws Exception {
		try (MllpClient client = new MllpClient(this.responder.port().getAsInt())) {
			String rejection = client.send(Hl7v2Samples.ADT_A01.replace("|P|2.5", "|P|9.9"));

			assertThat(rejection).contains("MSA|AR|MSG00001", "could not parse");
		}
	}

	@Test
	void shouldCloseAConnectionThatSendsSomethingElseThanMllp() throws Exception {
		try (MllpClient client = new MllpClient(this.responder.port().getAsInt())) {
			client.sendRaw("GET / HTTP/1.1\r\n\r\n".getBytes());

			assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
		}
	}

}
