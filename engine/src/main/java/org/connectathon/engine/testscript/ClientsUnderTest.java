package org.connectathon.engine.testscript;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The origins of a run that are clients under test: for their operations the engine sends
 * nothing, it waits at their listener for the client's request, forwards it to the
 * operation's destination and judges the exchange.
 *
 * @param listeners where each origin's requests arrive, by origin index
 * @param arrivalTimeout how long each expected request may take to arrive
 * @param forwarder how requests reach their destination; {@code null} for the runner's
 * own HTTP client ({@link HttpClientForwarder})
 */
public record ClientsUnderTest(Map<Integer, ClientListener> listeners, Duration arrivalTimeout,
		RequestForwarder forwarder) {

	/** The default wait for each expected request: 60 seconds. */
	public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

	/** No client under test: the engine sends every request itself. */
	public static final ClientsUnderTest NONE = new ClientsUnderTest(Map.of(), DEFAULT_WAIT, null);

	public ClientsUnderTest {
		listeners = Map.copyOf(Objects.requireNonNull(listeners, "listeners"));
		Objects.requireNonNull(arrivalTimeout, "arrivalTimeout");
		if (arrivalTimeout.isNegative() || arrivalTimeout.isZero()) {
			throw new IllegalArgumentException(
					"the wait for a client's request must be positive, got " + arrivalTimeout);
		}
	}

	/** The origins of the listeners, each listening for its own. */
	public static ClientsUnderTest of(Collection<ClientListener> listeners, Duration arrivalTimeout) {
		Map<Integer, ClientListener> byOrigin = new LinkedHashMap<>();
		for (ClientListener listener : listeners) {
			for (Integer origin : listener.origins()) {
				if (byOrigin.put(origin, listener) != null) {
					throw new IllegalArgumentException("origin " + origin + " has two client listeners");
				}
			}
		}
		return new ClientsUnderTest(byOrigin, arrivalTimeout, null);
	}

	/** The same clients, their requests forwarded by {@code newForwarder}. */
	public ClientsUnderTest withForwarder(RequestForwarder newForwarder) {
		return new ClientsUnderTest(this.listeners, this.arrivalTimeout, newForwarder);
	}

	/** Whether the origin is a client under test. */
	public boolean isClient(int origin) {
		return this.listeners.containsKey(origin);
	}

}
