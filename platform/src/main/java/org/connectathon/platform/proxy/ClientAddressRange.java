package org.connectathon.platform.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address or a range of addresses a system's clients call from, written as an IP
 * address ({@code 203.0.113.7}, {@code 2001:db8::7}) or a CIDR range
 * ({@code 192.168.1.0/24}): how the proxy knows the sender of an exchange that carries no
 * capture token.
 */
public record ClientAddressRange(byte[] prefix, int bits) {

	/** Literals only: digits, hex digits, dots and colons; never a name to look up. */
	private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

	/**
	 * Reads a comma-separated list of addresses and ranges.
	 * @throws IllegalArgumentException naming the first entry that is neither
	 */
	public static List<ClientAddressRange> parseList(String text) {
		List<ClientAddressRange> ranges = new ArrayList<>();
		for (String entry : text.split(",")) {
			if (!entry.isBlank()) {
				ranges.add(parse(entry.strip()).orElseThrow(() -> new IllegalArgumentException(
						"'" + entry.strip() + "' is not an IP address or a CIDR range such as 192.168.1.0/24")));
			}
		}
		return ranges;
	}

	/** The address or range, when the text is one. */
	public static Optional<ClientAddressRange> parse(String text) {
		int slash = text.indexOf('/');
		String address = (slash < 0) ? text : text.substring(0, slash);
		if (!LITERAL.matcher(address).matches() || (!address.contains(":") && address.split("\\.").length != 4)) {
			return Optional.empty();
		}
		byte[] bytes;
		try {
			bytes = InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException | SecurityException exception) {
			return Optional.empty();
		}
		int bits = bytes.length * 8;
		if (slash >= 0) {
			try {
				bits = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException exception) {
				return Optional.empty();
			}
			if (bits < 0 || bits > bytes.length * 8) {
				return Optional.empty();
			}
		}
		return Optional.of(new ClientAddressRange(bytes, bits));
	}

	/** Whether the address (as the servlet container gives it) is in the range. */
	public boolean contains(String clientAddress) {
		Optional<ClientAddressRange> client = parse(clientAddress);
		if (client.isEmpty()) {
			return false;
		}
		byte[] address = unmapped(client.get().prefix());
		byte[] ours = unmapped(this.prefix);
		int bits = this.bits - (this.prefix.length - ours.length) * 8;
		if (address.length != ours.length) {
			return false;
		}
		for (int bit = 0; bit < bits; bit++) {
			int mask = 0x80 >>> (bit % 8);
			if ((address[bit / 8] & mask) != (ours[bit / 8] & mask)) {
				return false;
			}
		}
		return true;
	}

	/** An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) as its IPv4 address. */
	private static byte[] unmapped(byte[] address) {
		if (address.length != 16) {
			return address;
		}
		for (int index = 0; index < 10; index++) {
			if (address[index] != 0) {
				return address;
			}
		}
		if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
			return address;
		}
		byte[] ipv4 = new byte[4];
		System.arraycopy(address, 12, ipv4, 0, 4);
		return ipv4;
	}

}
