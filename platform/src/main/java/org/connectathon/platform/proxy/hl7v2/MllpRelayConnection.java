package org.connectathon.platform.proxy.hl7v2;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.connectathon.engine.outbound.RefusedAddressException;
import org.connectathon.platform.proxy.hl7v2.MllpRoutes.MllpRoute;
import org.jspecify.annotations.Nullable;

/**
 * One sender's connection to the listening port of an HL7 v2 endpoint: each message that
 * comes is forwarded on one connection to the endpoint (opened at the first message,
 * through the outbound address policy, and kept while the sender's is), its
 * acknowledgement relayed back, and both captured. When the message cannot be delivered,
 * the sender gets an ACK {@code AR} that says why, which the capture keeps. Bytes that
 * are not MLLP, a frame that breaks off or never ends, and a message longer than allowed
 * are captured as failed and close the connection.
 */
final class MllpRelayConnection {

	private final MllpRoute route;

	private final Socket client;

	private final MllpRelay relay;

	private @Nullable Socket upstream;

	private @Nullable MllpReader upstreamReader;

	MllpRelayConnection(MllpRoute route, Socket client, MllpRelay relay) {
		this.route = route;
		this.client = client;
		this.relay = relay;
	}

	void run() throws IOException {
		MllpReader reader = new MllpReader(this.client, this.relay.settings().maximumMessageBytes(),
				this.relay.settings().idleTimeout(), this.relay.proxySettings().timeout());
		OutputStream toClient = this.client.getOutputStream();
		try {
			while (true) {
				byte[] message;
				try {
					message = reader.next();
				}
				catch (MllpFramingException notMllp) {
					byte[] partial = reader.partial();
					String failure = (notMllp.tooLarge() ? "CTN-6005: " : "CTN-6006: ") + notMllp.getMessage();
					// A message too long is well begun: its sender learns why it is
					// refused.
					byte[] rejection = notMllp.tooLarge() ? rejection(partial, failure) : null;
					if (rejection != null) {
						try {
							MllpReader.write(toClient, rejection);
						}
						catch (IOException senderGone) {
							// the capture says why it was refused all the same
						}
					}
					record(reader, partial, rejection, null, failure);
					return;
				}
				catch (SocketTimeoutException hanging) {
					if (reader.inFrame()) {
						record(reader, reader.partial(), null, null,
								"CTN-6004: The sender began a message and did not end it within "
										+ this.relay.proxySettings().timeout().toSeconds()
										+ " seconds; the connection was closed.");
					}
					return;
				}
				catch (IOException broken) {
					if (reader.inFrame()) {
						record(reader, reader.partial(), null, null,
								"CTN-6006: The sender's connection broke off inside a message: " + describe(broken));
					}
					return;
				}
				if (message == null) {
					return;
				}
				if (!forward(reader, message, toClient)) {
					return;
				}
			}
		}
		finally {
			closeUpstream();
		}
	}

	/**
	 * Forwards one message and relays its acknowledgement, or the platform's rejection;
	 * false when the sender's connection cannot go on.
	 */
	private boolean forward(MllpReader reader, byte[] message, OutputStream toClient) {
		long forwardedAt = System.nanoTime();
		byte[] acknowledgement = null;
		String failure;
		try {
			connectUpstream();
			MllpReader.write(this.upstream.getOutputStream(), message);
			acknowledgement = this.upstreamReader.next();
			failure = (acknowledgement != null) ? null
					: "CTN-6003: The endpoint closed the connection without acknowledging the message.";
		}
		catch (RefusedAddressException refused) {
			failure = "CTN-6002: The platform does not send messages to this endpoint's address: "
					+ refused.getMessage() + ".";
		}
		catch (UnknownHostException unknown) {
			failure = "CTN-6003: The endpoint cannot be reached: its host name does not resolve ("
					+ unknown.getMessage() + ").";
		}
		catch (SocketTimeoutException slow) {
			failure = "CTN-6004: The endpoint did not acknowledge the message within "
					+ this.relay.proxySettings().timeout().toSeconds() + " seconds.";
		}
		catch (MllpFramingException notMllp) {
			failure = "CTN-6003: The endpoint's answer is not MLLP: " + notMllp.getMessage();
		}
		catch (NotAnMllpAddress misconfigured) {
			failure = "CTN-6003: The endpoint cannot be reached: " + misconfigured.getMessage();
		}
		catch (IOException unreachable) {
			failure = "CTN-6003: The endpoint cannot be reached: " + describe(unreachable);
		}
		Integer upstreamMillis = null;
		if (failure == null) {
			upstreamMillis = (int) ((System.nanoTime() - forwardedAt) / 1_000_000);
		}
		else {
			closeUpstream();
			acknowledgement = rejection(message, failure);
		}
		boolean goOn = acknowledgement != null;
		if (acknowledgement != null) {
			try {
				MllpReader.write(toClient, acknowledgement);
			}
			catch (IOException clientGone) {
				failure = (failure != null) ? failure
						: "The sender closed the connection before the acknowledgement was relayed.";
				goOn = false;
			}
		}
		record(reader, message, acknowledgement, upstreamMillis, failure);
		return goOn;
	}

	private void connectUpstream() throws IOException {
		if (this.upstream != null) {
			return;
		}
		URI baseUrl = upstreamAddress();
		this.upstream = this.relay.outbound()
			.connect(baseUrl.getHost(), baseUrl.getPort(), this.route.allowPrivateAddresses(),
					this.relay.proxySettings().timeout());
		this.upstreamReader = new MllpReader(this.upstream, this.relay.settings().maximumMessageBytes(),
				this.relay.proxySettings().timeout(), this.relay.proxySettings().timeout());
	}

	private URI upstreamAddress() throws IOException {
		try {
			URI baseUrl = new URI(this.route.baseUrl().strip());
			if (!"mllp".equals(String.valueOf(baseUrl.getScheme()).toLowerCase(Locale.ROOT))
					|| baseUrl.getHost() == null || baseUrl.getPort() < 0) {
				throw new NotAnMllpAddress(this.route.baseUrl());
			}
			return baseUrl;
		}
		catch (URISyntaxException malformed) {
			throw new NotAnMllpAddress(this.route.baseUrl());
		}
	}

	private void closeUpstream() {
		if (this.upstream != null) {
			MllpServer.closeQuietly(this.upstream);
			this.upstream = null;
			this.upstreamReader = null;
		}
	}

	private byte @Nullable [] rejection(byte[] message, String reason) {
		String rejection = this.relay.acknowledgements().rejection(Hl7v2Text.text(message), reason);
		return (rejection != null) ? rejection.getBytes(StandardCharsets.UTF_8) : null;
	}

	private void record(MllpReader reader, byte[] message, byte @Nullable [] acknowledgement,
			@Nullable Integer upstreamMillis, @Nullable String failure) {
		this.relay.record(this.route, this.client, reader.frameStartedAt(), reader.millisSinceFrameStarted(),
				upstreamMillis, message, acknowledgement, failure);
	}

	private static String describe(IOException failure) {
		if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
			return "nothing accepts connections at its address.";
		}
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
	}

	/** A base URL stored before the protocol's check, or changed since. */
	private static final class NotAnMllpAddress extends IOException {

		NotAnMllpAddress(String baseUrl) {
			super("its base URL " + baseUrl + " is not an mllp://host:port address.");
		}

	}

}
