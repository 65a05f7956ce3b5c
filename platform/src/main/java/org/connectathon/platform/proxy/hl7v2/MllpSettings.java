package org.connectathon.platform.proxy.hl7v2;

import java.time.Duration;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The MLLP relay's and responder's settings ({@code connectathon.mllp.*}, see
 * docs/hl7v2.md); the relay's timeouts and size limits are the proxy's.
 *
 * @param ports the range the platform's listening ports for HL7 v2 endpoints are taken
 * from, {@code first-last}
 * @param host the host name partners reach the listening ports at; empty for the host of
 * {@code connectathon.public-url}, else of the page's address
 * @param responderPort the built-in responder's port, 0 for no responder
 * @param maxConnections how many MLLP connections (relayed and to the responder) the node
 * serves at once; more are closed at once
 * @param idleTimeout how long a connection may stay without a message before it is closed
 * @param maxMessage the longest message the relay forwards; each is held whole in memory,
 * hence a limit well below the HTTP proxy's
 */
@ConfigurationProperties("connectathon.mllp")
public record MllpSettings(@Nullable String ports, @Nullable String host, int responderPort, int maxConnections,
		@Nullable Duration idleTimeout, @Nullable DataSize maxMessage) {

	private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,5})\\s*-\\s*(\\d{1,5})\\s*");

	public MllpSettings {
		ports = (ports != null && !ports.isBlank()) ? ports : "21000-21099";
		host = (host != null) ? host.strip() : "";
		maxConnections = (maxConnections > 0) ? maxConnections : 100;
		maxMessage = (maxMessage != null) ? maxMessage : DataSize.ofMegabytes(2);
		idleTimeout = (idleTimeout != null) ? idleTimeout : Duration.ofMinutes(5);
		Matcher range = RANGE.matcher(ports);
		if (!range.matches() || Integer.parseInt(range.group(1)) < 1 || Integer.parseInt(range.group(2)) > 65535
				|| Integer.parseInt(range.group(1)) > Integer.parseInt(range.group(2))) {
			throw new IllegalArgumentException(
					"connectathon.mllp.ports must be a range of ports such as 21000-21099, not " + ports);
		}
		if (responderPort < 0 || responderPort > 65535) {
			throw new IllegalArgumentException(
					"connectathon.mllp.responder-port must be a port number, or 0 for no responder, not "
							+ responderPort);
		}
	}

	/** Whether the port is in the range. */
	boolean inRange(int port) {
		return port >= bound(1) && port <= bound(2);
	}

	private int bound(int group) {
		Matcher range = RANGE.matcher(this.ports);
		range.matches();
		return Integer.parseInt(range.group(group));
	}

	int maximumMessageBytes() {
		return (int) Math.min(Integer.MAX_VALUE - 8, this.maxMessage.toBytes());
	}

	/** The lowest port of the range that is not taken, if one is left. */
	public OptionalInt firstFreePort(Collection<Integer> taken) {
		for (int port = bound(1); port <= bound(2); port++) {
			if (!taken.contains(port)) {
				return OptionalInt.of(port);
			}
		}
		return OptionalInt.empty();
	}

}
