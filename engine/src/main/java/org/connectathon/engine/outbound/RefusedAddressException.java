package org.connectathon.engine.outbound;

import java.net.UnknownHostException;

/**
 * A host that resolves to an address the {@link OutboundAddressPolicy} refuses. It is an
 * {@link UnknownHostException} so that an HTTP client asking the policy for the addresses
 * to connect to gives up at once, before connecting anywhere, and passes it on as it is.
 * The message names the host and the kind of address, never the address or a port: it is
 * the same whether anything listens there or not.
 */
public final class RefusedAddressException extends UnknownHostException {

	private static final long serialVersionUID = 1L;

	private final String host;

	RefusedAddressException(String host, String reason) {
		super(host + " is " + reason);
		this.host = host;
	}

	/** The host as it was named. */
	public String host() {
		return this.host;
	}

}
