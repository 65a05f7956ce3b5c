package org.connectathon.platform.proxy.hl7v2;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;

import ca.uhn.hl7v2.HL7Exception;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The platform's own HL7 v2 system, on {@code connectathon.mllp.responder-port}: it
 * answers every message with an ACK {@code AA}, and PDQ and PIX queries with one patient,
 * for tests, the demo and no-peer steps. A message it cannot parse gets an ACK {@code AR}
 * that says why.
 */
public class MllpResponder implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MllpResponder.class);

	private static final int MAXIMUM_BYTES = 1024 * 1024;

	private final MllpSettings settings;

	private final ExecutorService connections;

	private final Hl7v2Acknowledgements acknowledgements;

	private volatile MllpServer server;

	MllpResponder(MllpSettings settings, ExecutorService connections, Hl7v2Acknowledgements acknowledgements) {
		this.settings = settings;
		this.connections = connections;
		this.acknowledgements = acknowledgements;
	}

	/** The port it listens on, empty when it is off. */
	public OptionalInt port() {
		MllpServer current = this.server;
		return (current != null) ? OptionalInt.of(current.port()) : OptionalInt.empty();
	}

	@Override
	public void start() {
		if (this.settings.responderPort() == 0) {
			return;
		}
		try {
			this.server = new MllpServer("mllp-responder", this.settings.responderPort(), this.connections,
					this::answer);
			logger.info("The HL7 v2 responder listens on port " + this.server.port());
		}
		catch (IOException taken) {
			logger.warn("The HL7 v2 responder cannot listen on port " + this.settings.responderPort() + ": "
					+ taken.getMessage());
		}
	}

	private void answer(Socket socket) {
		try {
			MllpReader reader = new MllpReader(socket, MAXIMUM_BYTES, this.settings.idleTimeout(),
					Duration.ofSeconds(30));
			OutputStream out = socket.getOutputStream();
			byte[] message;
			while ((message = reader.next()) != null) {
				String text = Hl7v2Text.text(message);
				String answer;
				try {
					answer = this.acknowledgements.answer(text);
				}
				catch (HL7Exception | RuntimeException unparsable) {
					answer = this.acknowledgements.rejection(text,
							"The responder could not parse the message: " + unparsable.getMessage());
				}
				if (answer == null) {
					return;
				}
				MllpReader.write(out, answer.getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (SocketTimeoutException idle) {
			// the sender kept the connection without sending: closed as any idle one
		}
		catch (IOException broken) {
			logger.debug("An MLLP connection to the responder broke off", broken);
		}
	}

	@Override
	public void stop() {
		MllpServer current = this.server;
		this.server = null;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

}
