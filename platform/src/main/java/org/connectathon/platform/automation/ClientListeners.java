package org.connectathon.platform.automation;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.connectathon.engine.testscript.ClientListener;
import org.connectathon.engine.testscript.ClientListenerException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Where the run of a client step listens for the participant's client: a port of its own,
 * taken from {@code connectathon.client-testing.ports} for the run and closed when it
 * ends, on the node whose worker runs it. A port per run, rather than a path on the
 * platform, keeps the client's requests as it sent them (a FHIR client takes a base URL
 * and adds {@code /Patient}), needs no session or token in the client, and lets any node
 * run the step; a firewall opens the range once.
 * <p>
 * {@code connectathon.client-testing.ports} is {@code 0} (any free port, for one laptop)
 * or a range such as {@code 9100-9199}; {@code connectathon.client-testing.bind-address}
 * where to listen; {@code connectathon.client-testing.host} the host name clients use to
 * reach this node, else the listener's own host name.
 */
@Component
class ClientListeners {

	/**
	 * How long a request that arrived may wait for the run beyond the wait itself: the
	 * run may still be judging the previous exchange (a first profile validation takes
	 * many seconds), and a client that sends its next request at once must not be turned
	 * away for that.
	 */
	private static final Duration JUDGING = Duration.ofMinutes(2);

	private final String bindAddress;

	private final int firstPort;

	private final int lastPort;

	private final String host;

	private final Duration wait;

	private final int maxRequestBody;

	ClientListeners(@Value("${connectathon.client-testing.bind-address:0.0.0.0}") String bindAddress,
			@Value("${connectathon.client-testing.ports:0}") String ports,
			@Value("${connectathon.client-testing.host:}") String host,
			@Value("${connectathon.client-testing.wait:60s}") Duration wait,
			@Value("${connectathon.client-testing.max-request-body:10MB}") DataSize maxRequestBody) {
		this.bindAddress = bindAddress;
		String[] range = ports.trim().split("\\s*-\\s*");
		this.firstPort = Integer.parseInt(range[0]);
		this.lastPort = (range.length > 1) ? Integer.parseInt(range[1]) : this.firstPort;
		if (this.firstPort < 0 || this.lastPort < this.firstPort || this.lastPort > 65535) {
			throw new IllegalArgumentException("connectathon.client-testing.ports must be 0 or a range of ports "
					+ "such as 9100-9199, not '" + ports + "'");
		}
		this.host = host.trim();
		this.wait = wait;
		this.maxRequestBody = (int) Math.min(Integer.MAX_VALUE - 8, maxRequestBody.toBytes());
	}

	/**
	 * Listens for the origin's client on the first free port of the range.
	 * @throws IllegalStateException when every port of the range is taken
	 */
	ClientListener open(int origin) {
		ClientListenerException last = null;
		for (int port = this.firstPort; port <= this.lastPort; port++) {
			try {
				return ClientListener.start(new InetSocketAddress(this.bindAddress, port), Set.of(origin),
						this.maxRequestBody, this.wait.plus(JUDGING));
			}
			catch (ClientListenerException taken) {
				last = taken;
			}
		}
		throw new IllegalStateException("every port of connectathon.client-testing.ports (" + this.firstPort + "-"
				+ this.lastPort + ") is in use by other runs; try again when one ends (" + last.getMessage() + ")");
	}

	/** The base URL a participant gives their client. */
	URI address(ClientListener listener) {
		if (this.host.isEmpty()) {
			return listener.baseUrl();
		}
		return URI.create("http://" + this.host + ":" + listener.baseUrl().getPort());
	}

	/** How long each expected request may take to arrive. */
	Duration arrivalTimeout() {
		return this.wait;
	}

}
