package org.connectathon.platform.proxy;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * When the validation of captures gives way to the exchanges themselves: while this node
 * has forwarded an exchange within the last second and the machine's processors are
 * nearly all busy, a validator does not start the next validation. Its share of a core
 * ({@code connectathon.proxy.validation-cpu-share}) keeps it from crowding a node that
 * has room; this keeps it from taking anything from one that has none, which at
 * saturation was a tenth of a proxied exchange's CPU. A node kept saturated still
 * validates, one capture after each longest wait; a node that cannot tell its processors'
 * load never waits.
 */
final class ValidationYield {

	/** How recent an exchange keeps the node counted as forwarding. */
	static final Duration RECENT_EXCHANGE = Duration.ofSeconds(1);

	private final DoubleSupplier processorLoad;

	private final LongSupplier nanosSinceLastExchange;

	private final double busyLoad;

	private final Duration longestWait;

	/**
	 * @param processorLoad the machine's recent processor load, 0 to 1, negative when not
	 * known
	 * @param nanosSinceLastExchange how long ago this node recorded its last exchange
	 * @param busyLoad the load from which the processors count as busy (over 1: never)
	 * @param longestWait how long a validator waits at most before it validates anyway
	 */
	ValidationYield(DoubleSupplier processorLoad, LongSupplier nanosSinceLastExchange, double busyLoad,
			Duration longestWait) {
		this.processorLoad = processorLoad;
		this.nanosSinceLastExchange = nanosSinceLastExchange;
		this.busyLoad = busyLoad;
		this.longestWait = longestWait;
	}

	/**
	 * Whether a validator that has waited this long for its next validation should wait
	 * on.
	 */
	boolean shouldWait(Duration waited) {
		if (waited.compareTo(this.longestWait) >= 0
				|| this.nanosSinceLastExchange.getAsLong() >= RECENT_EXCHANGE.toNanos()) {
			return false;
		}
		double load = this.processorLoad.getAsDouble();
		return load >= 0 && load >= this.busyLoad;
	}

}
