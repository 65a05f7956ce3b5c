package org.connectathon.engine.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Finds the addresses of a host name or address literal; the
 * {@link OutboundAddressPolicy} judges what it answers.
 */
@FunctionalInterface
public interface HostResolver {

	/** The system's resolver: the hosts file, then DNS; literals are not looked up. */
	HostResolver SYSTEM = (host) -> List.of(InetAddress.getAllByName(host));

	/**
	 * @throws UnknownHostException when the host has no address
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException;

}
